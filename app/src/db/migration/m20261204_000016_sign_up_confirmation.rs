//! A public sign-up confirms its e-mail address through a link (double opt-in). Until then the
//! mentor keeps only a hash of the link's token; a sign-up never confirmed is removed after 30
//! days by the retention job. Mentors recorded before, or by staff, count as confirmed.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::columns::unique;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn add(column: ColumnDef) -> TableAlterStatement {
    Table::alter().table("mentors").add_column(column).take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(add(timestamp_with_time_zone_null("email_confirmed_at")))
            .await?;
        manager
            .alter_table(add(string_null("confirm_token_hash")))
            .await?;
        manager
            .create_index(unique("mentors", "confirm_token", &["confirm_token_hash"]))
            .await?;
        manager
            .get_connection()
            .execute_unprepared("UPDATE mentors SET email_confirmed_at = created_at")
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut drop = Index::drop();
        drop.name("ux_mentors_confirm_token").table("mentors");
        manager.drop_index(drop).await?;
        for column in ["confirm_token_hash", "email_confirmed_at"] {
            manager
                .alter_table(Table::alter().table("mentors").drop_column(column).take())
                .await?;
        }
        Ok(())
    }
}
