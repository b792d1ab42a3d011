//! Who read or changed which personal data, when and from where. Append-only: the database
//! refuses to change or remove an entry (migration 14). No personal data in
//! `detail` beyond what identifies the change.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Set to NULL when the account is deleted; the entry stays.
    pub actor_user_id: Option<i32>,
    /// e.g. `read`, `update`, `export`, `erase`.
    pub action: String,
    /// e.g. `mentor`, `mentee`, `duo`.
    pub subject_kind: String,
    pub subject_id: Option<i32>,
    #[sea_orm(column_type = "Text")]
    pub detail: Option<String>,
    pub at: DateTimeUtc,
    /// The client address of the request that left the entry; none for background jobs.
    pub from_address: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::ActorUserId",
        to = "super::users::Column::Id",
        on_delete = "SetNull"
    )]
    Actor,
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Actor.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
