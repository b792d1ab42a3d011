//! The audit log becomes a trail nobody can rewrite: the database itself refuses to change or
//! remove an entry, on SQLite (triggers) and on PostgreSQL (a trigger for rows, another for
//! TRUNCATE). Each entry also says where the request came from.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The message both backends give, which the tests look for.
pub const APPEND_ONLY: &str = "audit_log_append_only";

const SQLITE_TRIGGERS: [&str; 2] = [
    "CREATE TRIGGER trg_audit_log_no_update BEFORE UPDATE ON audit_log
     BEGIN SELECT RAISE(ABORT, 'audit_log_append_only: entries cannot be changed'); END",
    "CREATE TRIGGER trg_audit_log_no_delete BEFORE DELETE ON audit_log
     BEGIN SELECT RAISE(ABORT, 'audit_log_append_only: entries cannot be removed'); END",
];

const POSTGRES: [&str; 3] = [
    "CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
     BEGIN
         RAISE EXCEPTION 'audit_log_append_only: entries cannot be changed or removed'
             USING ERRCODE = 'insufficient_privilege';
     END
     $$ LANGUAGE plpgsql",
    "CREATE TRIGGER trg_audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
     FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    "CREATE TRIGGER trg_audit_log_no_truncate BEFORE TRUNCATE ON audit_log
     FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("audit_log")
                    // The client address of the request, as the server saw it.
                    .add_column(string_len_null("from_address", 64))
                    .take(),
            )
            .await?;
        let db = manager.get_connection();
        let statements: &[&str] = match manager.get_database_backend() {
            DatabaseBackend::Postgres => &POSTGRES,
            _ => &SQLITE_TRIGGERS,
        };
        for statement in statements {
            db.execute_unprepared(statement).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let statements: &[&str] = match manager.get_database_backend() {
            DatabaseBackend::Postgres => &[
                "DROP TRIGGER IF EXISTS trg_audit_log_no_truncate ON audit_log",
                "DROP TRIGGER IF EXISTS trg_audit_log_append_only ON audit_log",
                "DROP FUNCTION IF EXISTS audit_log_append_only()",
            ],
            _ => &[
                "DROP TRIGGER IF EXISTS trg_audit_log_no_update",
                "DROP TRIGGER IF EXISTS trg_audit_log_no_delete",
            ],
        };
        for statement in statements {
            db.execute_unprepared(statement).await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table("audit_log")
                    .drop_column("from_address")
                    .take(),
            )
            .await
    }
}
