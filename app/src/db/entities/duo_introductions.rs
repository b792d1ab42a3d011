//! The introduction meeting of a proposed duo, and both people's answers once it took place.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "duo_introductions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub duo_id: i32,
    pub scheduled_at: DateTimeUtc,
    pub place: String,
    pub scheduled_by: Option<i32>,
    pub mentor_answer: Option<String>,
    pub mentee_answer: Option<String>,
    pub answered_at: Option<DateTimeUtc>,
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
}

impl Related<super::duos::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Duo.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
