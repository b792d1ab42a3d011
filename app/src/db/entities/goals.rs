//! A goal in a duo's action plan, ordered by `position`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "goals")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub duo_id: i32,
    pub title: String,
    pub target_on: Option<Date>,
    pub done_at: Option<DateTimeUtc>,
    pub position: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::duos::Entity",
        from = "Column::DuoId",
        to = "super::duos::Column::Id",
        on_delete = "Cascade"
    )]
    Duo,
    #[sea_orm(has_many = "super::goal_steps::Entity")]
    Steps,
}

impl Related<super::duos::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Duo.def()
    }
}

impl Related<super::goal_steps::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Steps.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
