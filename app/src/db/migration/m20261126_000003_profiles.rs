//! What a mentor or mentee brings to matching (sectors, languages, weekly
//! availability), their life-cycle history, and pairs a coordinator banned.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{
    between, create_indexes, drop_tables, exactly_one_of, id, index, one_of, owned_by, refers_to,
    status_changes, unique,
};
use super::values::{
    DAY_PARTS, LANGUAGE_LEVELS, MENTEE_STATUSES, MENTEE_WITHDRAW_REASONS, MENTOR_EXIT_REASONS,
    MENTOR_STATUSES,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// `<person>_sectors`: a person's sectors (a mentor's experience, a mentee's goal).
fn sectors(
    table: &'static str,
    person: &'static str,
    parent: &'static str,
) -> TableCreateStatement {
    Table::create()
        .table(table)
        .col(integer(person))
        .col(integer("sector_id"))
        .primary_key(Index::create().col(person).col("sector_id"))
        .foreign_key(&mut owned_by(table, person, parent))
        .foreign_key(&mut refers_to(table, "sector_id", "sectors"))
        .take()
}

fn languages(
    table: &'static str,
    person: &'static str,
    parent: &'static str,
) -> TableCreateStatement {
    Table::create()
        .table(table)
        .col(integer(person))
        .col(integer("language_id"))
        .col(string("level"))
        .primary_key(Index::create().col(person).col("language_id"))
        .foreign_key(&mut owned_by(table, person, parent))
        .foreign_key(&mut refers_to(table, "language_id", "languages"))
        .check(one_of(table, "level", LANGUAGE_LEVELS))
        .take()
}

fn availability_slots() -> TableCreateStatement {
    let table = "availability_slots";
    Table::create()
        .table(table)
        .col(id())
        .col(integer_null("mentor_id"))
        .col(integer_null("mentee_id"))
        .col(integer("weekday"))
        .col(string("day_part"))
        .foreign_key(&mut owned_by(table, "mentor_id", "mentors"))
        .foreign_key(&mut owned_by(table, "mentee_id", "mentees"))
        .check(exactly_one_of(
            table,
            "one_person",
            &["mentor_id", "mentee_id"],
        ))
        .check(between(table, "weekday", 0, 6))
        .check(one_of(table, "day_part", DAY_PARTS))
        .take()
}

/// One slot per person, weekday and day part. Partial, so the other
/// person column being NULL never matters, whatever the backend.
fn slot_unique(person: &'static str) -> IndexCreateStatement {
    unique(
        "availability_slots",
        person.trim_end_matches("_id"),
        &[person, "weekday", "day_part"],
    )
    .and_where(Expr::col(person).is_not_null())
    .take()
}

/// A pair the coordinator ruled out on the board: never proposed.
fn match_bans() -> TableCreateStatement {
    Table::create()
        .table("match_bans")
        .col(integer("mentor_id"))
        .col(integer("mentee_id"))
        .col(integer_null("banned_by"))
        .col(text_null("note"))
        .col(timestamp_with_time_zone("created_at"))
        .primary_key(Index::create().col("mentor_id").col("mentee_id"))
        .foreign_key(&mut owned_by("match_bans", "mentor_id", "mentors"))
        .foreign_key(&mut owned_by("match_bans", "mentee_id", "mentees"))
        .foreign_key(&mut refers_to("match_bans", "banned_by", "users"))
        .take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let tables = [
            sectors("mentor_sectors", "mentor_id", "mentors")
                .col(integer("years_experience").default(0))
                .check(between("mentor_sectors", "years_experience", 0, 60))
                .take(),
            languages("mentor_languages", "mentor_id", "mentors"),
            sectors("mentee_sectors", "mentee_id", "mentees"),
            languages("mentee_languages", "mentee_id", "mentees"),
            availability_slots(),
            status_changes(
                "mentor_status_changes",
                "mentor_id",
                "mentors",
                MENTOR_STATUSES,
                MENTOR_EXIT_REASONS,
            ),
            status_changes(
                "mentee_status_changes",
                "mentee_id",
                "mentees",
                MENTEE_STATUSES,
                MENTEE_WITHDRAW_REASONS,
            ),
            match_bans(),
        ];
        for table in tables {
            manager.create_table(table).await?;
        }
        create_indexes(
            manager,
            vec![
                index("mentor_sectors", "sector", &["sector_id"]),
                index("mentor_languages", "language", &["language_id"]),
                index("mentee_sectors", "sector", &["sector_id"]),
                index("mentee_languages", "language", &["language_id"]),
                slot_unique("mentor_id"),
                slot_unique("mentee_id"),
                index(
                    "mentor_status_changes",
                    "mentor",
                    &["mentor_id", "changed_at"],
                ),
                index(
                    "mentee_status_changes",
                    "mentee",
                    &["mentee_id", "changed_at"],
                ),
                index("match_bans", "mentee", &["mentee_id"]),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_tables(
            manager,
            &[
                "match_bans",
                "mentee_status_changes",
                "mentor_status_changes",
                "availability_slots",
                "mentee_languages",
                "mentee_sectors",
                "mentor_languages",
                "mentor_sectors",
            ],
        )
        .await
    }
}
