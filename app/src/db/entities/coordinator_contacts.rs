//! A coordinator's check-in with a duo (twice in the first month, then monthly).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "coordinator_contacts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub duo_id: i32,
    pub coordinator_id: i32,
    pub contacted_on: Date,
    /// `phone`, `in_person`, `email` or `video`.
    pub kind: String,
    /// `mentor`, `mentee` or `both`: who the check-in was with.
    pub person: String,
    #[sea_orm(column_type = "Text")]
    pub note: Option<String>,
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
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::CoordinatorId",
        to = "super::users::Column::Id",
        on_delete = "NoAction"
    )]
    Coordinator,
}

impl Related<super::duos::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Duo.def()
    }
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Coordinator.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
