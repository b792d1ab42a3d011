//! Drafts of public applications refused by the server when JavaScript is off.
//!
//! A plain form post cannot keep the answers in the page, so the server keeps them for a short
//! while under an unguessable token and sends the browser back to the form with that token. Only
//! the token's hash is stored, and every draft expires; `expires_at` is indexed for the purge.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{create_indexes, drop_tables, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn application_drafts() -> TableCreateStatement {
    Table::create()
        .table("application_drafts")
        .col(string("token_hash").primary_key())
        .col(text("answers"))
        .col(text("outcome"))
        .col(timestamp_with_time_zone("created_at"))
        .col(timestamp_with_time_zone("expires_at"))
        .take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_table(application_drafts()).await?;
        create_indexes(
            manager,
            vec![index("application_drafts", "expires", &["expires_at"])],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_tables(manager, &["application_drafts"]).await
    }
}
