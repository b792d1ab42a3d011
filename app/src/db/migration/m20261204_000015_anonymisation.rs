//! Anonymisation (GDPR Art. 17): a mentor or mentee whose personal values were overwritten keeps
//! their row, so the duos and outcomes that count in the programme's figures stay, and says since
//! when it is anonymous. The programme also says after how long without activity the retention
//! job anonymises someone.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::columns::between;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Months without activity before the retention job anonymises a person, unless an admin set
/// another number.
pub const DEFAULT_RETENTION_MONTHS: i32 = 24;

fn add(table: &'static str, column: ColumnDef) -> TableAlterStatement {
    Table::alter().table(table).add_column(column).take()
}

fn drop(table: &'static str, column: &'static str) -> TableAlterStatement {
    Table::alter().table(table).drop_column(column).take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["mentors", "mentees"] {
            let column = timestamp_with_time_zone_null("anonymised_at");
            manager.alter_table(add(table, column)).await?;
        }
        let months = integer("retention_months")
            .default(DEFAULT_RETENTION_MONTHS)
            .check(between("programme_settings", "retention_months", 1, 120))
            .take();
        manager.alter_table(add("programme_settings", months)).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(drop("programme_settings", "retention_months"))
            .await?;
        for table in ["mentees", "mentors"] {
            manager.alter_table(drop(table, "anonymised_at")).await?;
        }
        Ok(())
    }
}
