//! A weekly meeting a mentor logged, possibly replayed from the offline queue:
//! `idempotency_key` makes the replay store it once.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "meetings")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub duo_id: i32,
    pub held_on: Date,
    /// 15–480; 120 by default.
    pub duration_minutes: i32,
    #[sea_orm(column_type = "Text")]
    pub note: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub next_steps: Option<String>,
    pub logged_by: Option<i32>,
    #[sea_orm(unique)]
    pub idempotency_key: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
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
        from = "Column::LoggedBy",
        to = "super::users::Column::Id",
        on_delete = "NoAction"
    )]
    LoggedBy,
    #[sea_orm(has_many = "super::meeting_topics::Entity")]
    Topics,
}

impl Related<super::duos::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Duo.def()
    }
}

impl Related<super::meeting_topics::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Topics.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
