//! The matching board's memory: pairs a coordinator locked for the city-wide proposals (each
//! person in at most one lock), the history of every proposal, acceptance, rejection, lock,
//! ban and undo, with who did it and when; and the conditions ("musts") a coordinator records
//! for a mentee, which matching treats as hard constraints.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{create_indexes, drop_tables, id, index, one_of, owned_by, refers_to, unique};
use super::values::{MATCH_ACTIONS, MAX_MUST_KM as MAX_KM};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn match_locks() -> TableCreateStatement {
    let table = "match_locks";
    Table::create()
        .table(table)
        .col(integer("mentor_id"))
        .col(integer("mentee_id"))
        .col(integer("city_id"))
        .col(integer_null("locked_by"))
        .col(timestamp_with_time_zone("created_at"))
        .primary_key(Index::create().col("mentor_id").col("mentee_id"))
        .foreign_key(&mut owned_by(table, "mentor_id", "mentors"))
        .foreign_key(&mut owned_by(table, "mentee_id", "mentees"))
        .foreign_key(&mut refers_to(table, "city_id", "cities"))
        .foreign_key(&mut refers_to(table, "locked_by", "users"))
        .take()
}

fn match_events() -> TableCreateStatement {
    let table = "match_events";
    Table::create()
        .table(table)
        .col(id())
        .col(integer("city_id"))
        .col(string("action"))
        .col(integer_null("mentor_id"))
        .col(integer_null("mentee_id"))
        .col(integer_null("score"))
        .col(integer_null("pairs"))
        .col(integer_null("duo_id"))
        .col(integer_null("done_by"))
        .col(timestamp_with_time_zone("done_at"))
        .foreign_key(&mut refers_to(table, "city_id", "cities"))
        .foreign_key(&mut owned_by(table, "mentor_id", "mentors"))
        .foreign_key(&mut owned_by(table, "mentee_id", "mentees"))
        .foreign_key(&mut owned_by(table, "duo_id", "duos"))
        .foreign_key(&mut refers_to(table, "done_by", "users"))
        .check(one_of(table, "action", MATCH_ACTIONS))
        .check(Check::named(
            "ck_match_events_score",
            Expr::col("score")
                .is_null()
                .or(Expr::col("score").between(0, 100)),
        ))
        .check(Check::named(
            "ck_match_events_pairs",
            Expr::col("pairs").is_null().or(Expr::col("pairs").gte(0)),
        ))
        .take()
}

/// At most one row per mentee; no row means no condition.
fn mentee_musts() -> TableCreateStatement {
    let table = "mentee_musts";
    Table::create()
        .table(table)
        .col(integer("mentee_id").primary_key())
        .col(boolean("same_sector").default(false))
        .col(boolean("shared_slot").default(false))
        .col(integer_null("within_km"))
        .col(integer_null("updated_by"))
        .col(timestamp_with_time_zone("updated_at"))
        .foreign_key(&mut owned_by(table, "mentee_id", "mentees"))
        .foreign_key(&mut refers_to(table, "updated_by", "users"))
        .check(Check::named(
            "ck_mentee_musts_within_km",
            Expr::col("within_km")
                .is_null()
                .or(Expr::col("within_km").between(1, MAX_KM)),
        ))
        .take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_table(match_locks()).await?;
        manager.create_table(match_events()).await?;
        manager.create_table(mentee_musts()).await?;
        create_indexes(
            manager,
            vec![
                // One lock per person: a lock forces a duo, and nobody is in two.
                unique("match_locks", "mentor", &["mentor_id"]),
                unique("match_locks", "mentee", &["mentee_id"]),
                index("match_locks", "city", &["city_id"]),
                index("match_events", "city", &["city_id", "done_at"]),
                index("match_events", "mentor", &["mentor_id"]),
                index("match_events", "mentee", &["mentee_id"]),
                index("match_events", "duo", &["duo_id"]),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_tables(manager, &["mentee_musts", "match_events", "match_locks"]).await
    }
}
