//! Platform tables: the e-mail outbox, consent records, the audit log, and the
//! shared state several server instances coordinate through (rate limits, job
//! leases), so nothing lives only in one process's memory.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{
    create_indexes, drop_tables, exactly_one_of, fk, id, index, one_of, owned_by, refers_to,
};
use super::values::{CONSENT_CHANNELS, CONSENT_PURPOSES, LOCALES, OUTBOX_STATUSES};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn non_negative(table: &str, col: &'static str) -> Check {
    Check::named(format!("ck_{table}_{col}"), Expr::col(col).gte(0))
}

fn outbox() -> TableCreateStatement {
    Table::create()
        .table("outbox")
        .col(id())
        .col(string("kind"))
        .col(string("to_address"))
        .col(string_null("to_name"))
        .col(string("locale"))
        .col(string("subject"))
        .col(text("body_text"))
        .col(string("status"))
        .col(integer("attempts").default(0))
        .col(timestamp_with_time_zone("next_attempt_at"))
        .col(text_null("last_error"))
        .col(timestamp_with_time_zone_null("sent_at"))
        .col(timestamp_with_time_zone("created_at"))
        // Lets every instance enqueue the same reminder; the second insert is refused.
        .col(string_null("dedupe_key").unique_key())
        .check(one_of("outbox", "locale", LOCALES))
        .check(one_of("outbox", "status", OUTBOX_STATUSES))
        .check(non_negative("outbox", "attempts"))
        .take()
}

fn consents() -> TableCreateStatement {
    let table = "consents";
    Table::create()
        .table(table)
        .col(id())
        .col(integer_null("mentor_id"))
        .col(integer_null("mentee_id"))
        .col(integer_null("user_id"))
        .col(string("purpose"))
        .col(string("text_version"))
        .col(string("text_hash"))
        .col(string("channel"))
        // The coordinator who recorded a paper or spoken consent.
        .col(integer_null("recorded_by"))
        .col(timestamp_with_time_zone("given_at"))
        .col(timestamp_with_time_zone_null("withdrawn_at"))
        .foreign_key(&mut owned_by(table, "mentor_id", "mentors"))
        .foreign_key(&mut owned_by(table, "mentee_id", "mentees"))
        .foreign_key(&mut owned_by(table, "user_id", "users"))
        .foreign_key(&mut refers_to(table, "recorded_by", "users"))
        .check(exactly_one_of(
            table,
            "one_subject",
            &["mentor_id", "mentee_id", "user_id"],
        ))
        .check(one_of(table, "purpose", CONSENT_PURPOSES))
        .check(one_of(table, "channel", CONSENT_CHANNELS))
        .take()
}

fn audit_log() -> TableCreateStatement {
    Table::create()
        .table("audit_log")
        .col(id())
        .col(integer_null("actor_user_id"))
        .col(string("action"))
        .col(string("subject_kind"))
        .col(integer_null("subject_id"))
        .col(text_null("detail"))
        .col(timestamp_with_time_zone("at"))
        // The trail outlives the account that left it.
        .foreign_key(&mut fk(
            "audit_log",
            "actor_user_id",
            "users",
            ForeignKeyAction::SetNull,
        ))
        .take()
}

/// A fixed-window counter per key (e.g. magic-link requests per address).
fn rate_limits() -> TableCreateStatement {
    Table::create()
        .table("rate_limits")
        .col(string("bucket").primary_key())
        .col(timestamp_with_time_zone("window_started_at"))
        .col(integer("hits").default(0))
        .check(non_negative("rate_limits", "hits"))
        .take()
}

/// One row per periodic job; an instance runs the job only while it holds the lease.
fn job_leases() -> TableCreateStatement {
    Table::create()
        .table("job_leases")
        .col(string("name").primary_key())
        .col(string_null("holder"))
        .col(timestamp_with_time_zone_null("leased_until"))
        .col(timestamp_with_time_zone_null("last_run_at"))
        .take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            outbox(),
            consents(),
            audit_log(),
            rate_limits(),
            job_leases(),
        ] {
            manager.create_table(table).await?;
        }
        create_indexes(
            manager,
            vec![
                index("outbox", "status_next", &["status", "next_attempt_at"]),
                index("consents", "mentor", &["mentor_id"]),
                index("consents", "mentee", &["mentee_id"]),
                index("consents", "user", &["user_id"]),
                index("audit_log", "subject", &["subject_kind", "subject_id"]),
                index("audit_log", "actor", &["actor_user_id"]),
                index("audit_log", "at", &["at"]),
                index("rate_limits", "window", &["window_started_at"]),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_tables(
            manager,
            &[
                "job_leases",
                "rate_limits",
                "audit_log",
                "consents",
                "outbox",
            ],
        )
        .await
    }
}
