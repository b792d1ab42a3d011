//! Monitoring, support and closure: coordinator check-ins, peer sessions,
//! evaluations, the closure outcome and its follow-ups, and the per-city
//! weights of the matching score.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{
    between, create_indexes, drop_tables, id, index, one_of, one_of_or_null, owned_by, refers_to,
    unique,
};
use super::values::{CONTACT_KINDS, DIMENSIONS, EVALUATION_KINDS, OUTCOMES, RESPONDENTS};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The matching criteria an admin weighs per city, each 0–100.
const WEIGHTS: &[&str] = &[
    "sector",
    "availability",
    "distance",
    "language",
    "waiting",
    "experience",
    "intake",
];

fn coordinator_contacts() -> TableCreateStatement {
    let table = "coordinator_contacts";
    Table::create()
        .table(table)
        .col(id())
        .col(integer("duo_id"))
        .col(integer("coordinator_id"))
        .col(date("contacted_on"))
        .col(string("kind"))
        .col(text_null("note"))
        .col(timestamp_with_time_zone("created_at"))
        .foreign_key(&mut owned_by(table, "duo_id", "duos"))
        .foreign_key(&mut refers_to(table, "coordinator_id", "users"))
        .check(one_of(table, "kind", CONTACT_KINDS))
        .take()
}

fn peer_sessions() -> TableCreateStatement {
    Table::create()
        .table("peer_sessions")
        .col(id())
        .col(integer("city_id"))
        .col(date("held_on"))
        .col(string("topic"))
        .col(string_null("location"))
        .foreign_key(&mut refers_to("peer_sessions", "city_id", "cities"))
        .take()
}

fn peer_attendance() -> TableCreateStatement {
    Table::create()
        .table("peer_attendance")
        .col(integer("peer_session_id"))
        .col(integer("mentor_id"))
        .primary_key(Index::create().col("peer_session_id").col("mentor_id"))
        .foreign_key(&mut owned_by(
            "peer_attendance",
            "peer_session_id",
            "peer_sessions",
        ))
        .foreign_key(&mut owned_by("peer_attendance", "mentor_id", "mentors"))
        .take()
}

fn evaluations() -> TableCreateStatement {
    let table = "evaluations";
    let mut stmt = Table::create()
        .table(table)
        .col(id())
        .col(integer("duo_id"))
        .col(string("kind"))
        .col(string("respondent"))
        .take();
    for dimension in DIMENSIONS {
        stmt.col(integer(*dimension))
            .check(between(table, dimension, 1, 5));
    }
    stmt.col(integer_null("satisfaction"))
        .col(text_null("comment"))
        .col(timestamp_with_time_zone("completed_at"))
        .foreign_key(&mut owned_by(table, "duo_id", "duos"))
        .check(one_of(table, "kind", EVALUATION_KINDS))
        .check(one_of(table, "respondent", RESPONDENTS))
        .check(between(table, "satisfaction", 1, 5))
        .take()
}

fn closures() -> TableCreateStatement {
    Table::create()
        .table("closures")
        .col(integer("duo_id").primary_key())
        .col(string("outcome"))
        // Every outcome is what the mentee told us; the flag says so in exports.
        .col(boolean("self_reported").default(true))
        .col(integer_null("closed_by"))
        .col(date("closed_on"))
        .col(text_null("note"))
        .foreign_key(&mut owned_by("closures", "duo_id", "duos"))
        .foreign_key(&mut refers_to("closures", "closed_by", "users"))
        .check(one_of("closures", "outcome", OUTCOMES))
        .take()
}

fn follow_ups() -> TableCreateStatement {
    Table::create()
        .table("follow_ups")
        .col(id())
        .col(integer("duo_id"))
        .col(integer("month"))
        .col(date("due_on"))
        .col(date_null("done_on"))
        .col(string_null("outcome"))
        .col(boolean("self_reported").default(true))
        .foreign_key(&mut owned_by("follow_ups", "duo_id", "duos"))
        .check(Check::named(
            "ck_follow_ups_month",
            Expr::col("month").is_in([3, 6, 12]),
        ))
        .check(one_of_or_null("follow_ups", "outcome", OUTCOMES))
        .take()
}

fn matching_weights() -> TableCreateStatement {
    let table = "matching_weights";
    let mut stmt = Table::create()
        .table(table)
        .col(integer("city_id").primary_key())
        .take();
    for weight in WEIGHTS {
        stmt.col(integer(*weight))
            .check(between(table, weight, 0, 100));
    }
    stmt.col(timestamp_with_time_zone("updated_at"))
        .col(integer_null("updated_by"))
        .foreign_key(&mut owned_by(table, "city_id", "cities"))
        .foreign_key(&mut refers_to(table, "updated_by", "users"))
        .take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let tables = [
            coordinator_contacts(),
            peer_sessions(),
            peer_attendance(),
            evaluations(),
            closures(),
            follow_ups(),
            matching_weights(),
        ];
        for table in tables {
            manager.create_table(table).await?;
        }
        create_indexes(
            manager,
            vec![
                index("coordinator_contacts", "duo", &["duo_id", "contacted_on"]),
                index("coordinator_contacts", "coordinator", &["coordinator_id"]),
                index("peer_sessions", "city_held", &["city_id", "held_on"]),
                index("peer_attendance", "mentor", &["mentor_id"]),
                unique(
                    "evaluations",
                    "duo_kind_respondent",
                    &["duo_id", "kind", "respondent"],
                ),
                unique("follow_ups", "duo_month", &["duo_id", "month"]),
                index("follow_ups", "due", &["due_on"]),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_tables(
            manager,
            &[
                "matching_weights",
                "follow_ups",
                "closures",
                "evaluations",
                "peer_attendance",
                "peer_sessions",
                "coordinator_contacts",
            ],
        )
        .await
    }
}
