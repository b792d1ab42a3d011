//! An e-mail waiting to be sent. A sender claims due rows (`pending`,
//! `next_attempt_at` reached), sends, and marks them `sent`, or `failed` after
//! the last attempt.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// What the message is, e.g. `magic_link`, `application_received`.
    pub kind: String,
    pub to_address: String,
    pub to_name: Option<String>,
    pub locale: String,
    pub subject: String,
    #[sea_orm(column_type = "Text")]
    pub body_text: String,
    /// `pending`, `sent` or `failed`.
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: DateTimeUtc,
    #[sea_orm(column_type = "Text")]
    pub last_error: Option<String>,
    pub sent_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    /// Set for messages several instances may enqueue (reminders): the
    /// unique index refuses the second copy.
    #[sea_orm(unique)]
    pub dedupe_key: Option<String>,
    /// An `.ics` invitation sent as an attachment.
    #[sea_orm(column_type = "Text", nullable)]
    pub calendar: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
