//! Screening rules and records the pipeline needs: where an intake interview takes place and
//! its sector-knowledge score, a calendar invitation attached to an e-mail, and the database's
//! own refusal to make a mentor available before an intake and a training.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Entering the matchable statuses (from screening or a pause) needs a finished intake
/// interview and an attended training session. Moving between `available` and `in_duo` does
/// not re-check: the mentor was screened to get there.
const SQLITE_TRIGGER: &str = "
CREATE TRIGGER trg_mentors_screened BEFORE UPDATE OF status ON mentors
FOR EACH ROW WHEN NEW.status IN ('available', 'in_duo')
    AND OLD.status NOT IN ('available', 'in_duo')
    AND (NOT EXISTS (SELECT 1 FROM intake_interviews
                     WHERE mentor_id = NEW.id AND done_at IS NOT NULL)
         OR NOT EXISTS (SELECT 1 FROM training_attendance
                        WHERE mentor_id = NEW.id AND attended))
BEGIN
    SELECT RAISE(ABORT, 'ck_mentors_screened: intake and training come before available');
END";

const POSTGRES_FUNCTION: &str = "
CREATE FUNCTION mentors_screened() RETURNS trigger AS $$
BEGIN
    IF NEW.status IN ('available', 'in_duo')
        AND OLD.status NOT IN ('available', 'in_duo')
        AND (NOT EXISTS (SELECT 1 FROM intake_interviews
                         WHERE mentor_id = NEW.id AND done_at IS NOT NULL)
             OR NOT EXISTS (SELECT 1 FROM training_attendance
                            WHERE mentor_id = NEW.id AND attended)) THEN
        RAISE EXCEPTION 'ck_mentors_screened: intake and training come before available'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql";

const POSTGRES_TRIGGER: &str = "
CREATE TRIGGER trg_mentors_screened BEFORE UPDATE OF status ON mentors
FOR EACH ROW EXECUTE FUNCTION mentors_screened()";

fn add_column(table: &'static str, column: ColumnDef) -> TableAlterStatement {
    Table::alter().table(table).add_column(column).take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        for alter in [
            add_column(
                "intake_interviews",
                ColumnDef::new("place").string().null().take(),
            ),
            add_column(
                "intake_interviews",
                ColumnDef::new("sector_knowledge_score")
                    .integer()
                    .null()
                    .check(Expr::col("sector_knowledge_score").between(1, 5))
                    .take(),
            ),
            add_column("outbox", ColumnDef::new("calendar").text().null().take()),
        ] {
            manager.alter_table(alter).await?;
        }
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DatabaseBackend::Postgres => {
                db.execute_unprepared(POSTGRES_FUNCTION).await?;
                db.execute_unprepared(POSTGRES_TRIGGER).await?;
            }
            _ => {
                db.execute_unprepared(SQLITE_TRIGGER).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DatabaseBackend::Postgres => {
                db.execute_unprepared("DROP TRIGGER IF EXISTS trg_mentors_screened ON mentors")
                    .await?;
                db.execute_unprepared("DROP FUNCTION IF EXISTS mentors_screened()")
                    .await?;
            }
            _ => {
                db.execute_unprepared("DROP TRIGGER IF EXISTS trg_mentors_screened")
                    .await?;
            }
        }
        for (table, column) in [
            ("outbox", "calendar"),
            ("intake_interviews", "sector_knowledge_score"),
            ("intake_interviews", "place"),
        ] {
            manager
                .alter_table(Table::alter().table(table).drop_column(column).take())
                .await?;
        }
        Ok(())
    }
}
