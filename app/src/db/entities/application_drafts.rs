//! Answers of a refused public application, kept briefly for a browser without JavaScript.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "application_drafts")]
pub struct Model {
    /// SHA-256 of the token in the form's address, hex.
    #[sea_orm(primary_key, auto_increment = false)]
    pub token_hash: String,
    /// `Answers` as JSON.
    pub answers: String,
    /// `DraftOutcome` as JSON: the field errors or the reasons for refusal.
    pub outcome: String,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
