//! Duos and what happens inside them: agreement, meetings and their topics,
//! the action plan (goals and steps). The database itself holds the rule that
//! a mentor, and a mentee, is in at most one open duo.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{
    between, create_indexes, drop_tables, id, index, one_of, one_of_or_null, owned_by, refers_to,
    status_changes, unique,
};
use super::values::{DUO_REASONS, DUO_STATUSES, MEETING_TOPICS, OPEN_DUO_STATUSES};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// `a IS NULL OR b IS NULL OR a >= b`, named `ck_duos_<name>`.
fn not_before(name: &str, later: &'static str, earlier: &'static str) -> Check {
    Check::named(
        format!("ck_duos_{name}"),
        Expr::col(later)
            .is_null()
            .or(Expr::col(earlier).is_null())
            .or(Expr::col(later).gte(Expr::col(earlier))),
    )
}

fn duos() -> TableCreateStatement {
    Table::create()
        .table("duos")
        .col(id())
        .col(integer("mentor_id"))
        .col(integer("mentee_id"))
        .col(integer("city_id"))
        .col(string("status"))
        .col(string_null("reason_code"))
        .col(text_null("reason_note"))
        .col(integer_null("match_score"))
        .col(integer_null("proposed_by"))
        .col(timestamp_with_time_zone("proposed_at"))
        .col(timestamp_with_time_zone_null("introduced_at"))
        .col(date_null("started_on"))
        .col(date_null("planned_end_on"))
        .col(date_null("ended_on"))
        .col(timestamp_with_time_zone("status_changed_at"))
        .col(timestamp_with_time_zone("created_at"))
        .foreign_key(&mut refers_to("duos", "mentor_id", "mentors"))
        .foreign_key(&mut refers_to("duos", "mentee_id", "mentees"))
        .foreign_key(&mut refers_to("duos", "city_id", "cities"))
        .foreign_key(&mut refers_to("duos", "proposed_by", "users"))
        .check(one_of("duos", "status", DUO_STATUSES))
        .check(one_of_or_null("duos", "reason_code", DUO_REASONS))
        .check(between("duos", "match_score", 0, 100))
        .check(not_before("planned_end", "planned_end_on", "started_on"))
        .check(not_before("ended", "ended_on", "started_on"))
        .take()
}

/// At most one open duo per `person` (mentor_id or mentee_id): a partial
/// unique index, so closed, declined and stopped duos never collide.
fn one_open_duo(person: &'static str) -> IndexCreateStatement {
    let suffix = format!("open_{}", person.trim_end_matches("_id"));
    unique("duos", &suffix, &[person])
        .and_where(Expr::col("status").is_in(OPEN_DUO_STATUSES.iter().copied()))
        .take()
}

fn duo_agreements() -> TableCreateStatement {
    Table::create()
        .table("duo_agreements")
        .col(id())
        .col(integer_uniq("duo_id"))
        .col(string("version"))
        .col(timestamp_with_time_zone_null("mentor_signed_at"))
        .col(timestamp_with_time_zone_null("mentee_signed_at"))
        .col(timestamp_with_time_zone("created_at"))
        .foreign_key(&mut owned_by("duo_agreements", "duo_id", "duos"))
        .take()
}

fn meetings() -> TableCreateStatement {
    Table::create()
        .table("meetings")
        .col(id())
        .col(integer("duo_id"))
        .col(date("held_on"))
        .col(integer("duration_minutes").default(120))
        .col(text_null("note"))
        .col(text_null("next_steps"))
        .col(integer_null("logged_by"))
        // Set by the offline queue on the phone, so a replayed log is stored once.
        .col(string_null("idempotency_key").unique_key())
        .col(timestamp_with_time_zone("created_at"))
        .col(timestamp_with_time_zone("updated_at"))
        .foreign_key(&mut owned_by("meetings", "duo_id", "duos"))
        .foreign_key(&mut refers_to("meetings", "logged_by", "users"))
        .check(between("meetings", "duration_minutes", 15, 480))
        .take()
}

fn meeting_topics() -> TableCreateStatement {
    Table::create()
        .table("meeting_topics")
        .col(integer("meeting_id"))
        .col(string("topic"))
        .primary_key(Index::create().col("meeting_id").col("topic"))
        .foreign_key(&mut owned_by("meeting_topics", "meeting_id", "meetings"))
        .check(one_of("meeting_topics", "topic", MEETING_TOPICS))
        .take()
}

/// Goals and their steps share a shape: a title, a target date, done or not.
fn plan_item(
    table: &'static str,
    owner: &'static str,
    parent: &'static str,
) -> TableCreateStatement {
    Table::create()
        .table(table)
        .col(id())
        .col(integer(owner))
        .col(string("title"))
        .col(date_null("target_on"))
        .col(timestamp_with_time_zone_null("done_at"))
        .col(integer("position").default(0))
        .foreign_key(&mut owned_by(table, owner, parent))
        .take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let tables = [
            duos(),
            status_changes(
                "duo_status_changes",
                "duo_id",
                "duos",
                DUO_STATUSES,
                DUO_REASONS,
            ),
            duo_agreements(),
            meetings(),
            meeting_topics(),
            plan_item("goals", "duo_id", "duos")
                .col(timestamp_with_time_zone("created_at"))
                .take(),
            plan_item("goal_steps", "goal_id", "goals"),
        ];
        for table in tables {
            manager.create_table(table).await?;
        }
        create_indexes(
            manager,
            vec![
                one_open_duo("mentor_id"),
                one_open_duo("mentee_id"),
                index("duos", "mentor", &["mentor_id"]),
                index("duos", "mentee", &["mentee_id"]),
                index("duos", "city_status", &["city_id", "status"]),
                index("duo_status_changes", "duo", &["duo_id", "changed_at"]),
                index("meetings", "duo_held", &["duo_id", "held_on"]),
                index("goals", "duo", &["duo_id", "position"]),
                index("goal_steps", "goal", &["goal_id", "position"]),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_tables(
            manager,
            &[
                "goal_steps",
                "goals",
                "meeting_topics",
                "meetings",
                "duo_agreements",
                "duo_status_changes",
                "duos",
            ],
        )
        .await
    }
}
