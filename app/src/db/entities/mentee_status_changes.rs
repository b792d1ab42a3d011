//! One step in a mentee's life cycle: from which status to which, why, by whom, when.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mentee_status_changes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub mentee_id: i32,
    /// NULL for the first status.
    pub from_status: Option<String>,
    pub to_status: String,
    /// A mentee withdraw reason, when the step needs one.
    pub reason: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub note: Option<String>,
    pub changed_by: Option<i32>,
    pub changed_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::mentees::Entity",
        from = "Column::MenteeId",
        to = "super::mentees::Column::Id",
        on_delete = "Cascade"
    )]
    Mentee,
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::ChangedBy",
        to = "super::users::Column::Id",
        on_delete = "NoAction"
    )]
    ChangedBy,
}

impl Related<super::mentees::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Mentee.def()
    }
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ChangedBy.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
