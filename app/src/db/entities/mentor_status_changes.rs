//! One step in a mentor's life cycle: from which status to which, why, by whom, when.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mentor_status_changes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub mentor_id: i32,
    /// NULL for the first status.
    pub from_status: Option<String>,
    pub to_status: String,
    /// A mentor exit reason, when the step needs one.
    pub reason: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub note: Option<String>,
    pub changed_by: Option<i32>,
    pub changed_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::mentors::Entity",
        from = "Column::MentorId",
        to = "super::mentors::Column::Id",
        on_delete = "Cascade"
    )]
    Mentor,
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::ChangedBy",
        to = "super::users::Column::Id",
        on_delete = "NoAction"
    )]
    ChangedBy,
}

impl Related<super::mentors::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Mentor.def()
    }
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ChangedBy.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
