//! The introduction meeting of a proposed duo: when and where the coordinator brings mentor and
//! mentee together, and what each of them answered there. Check-ins also record who they were
//! with: the mentor, the mentee, or both (earlier rows: both).

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{drop_tables, one_of_or_null, owned_by, refers_to};
use super::values::{CONTACT_PERSONS, INTRODUCTION_ANSWERS};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn duo_introductions() -> TableCreateStatement {
    let table = "duo_introductions";
    Table::create()
        .table(table)
        .col(integer("duo_id").primary_key())
        .col(timestamp_with_time_zone("scheduled_at"))
        .col(string("place"))
        .col(integer_null("scheduled_by"))
        .col(string_null("mentor_answer"))
        .col(string_null("mentee_answer"))
        .col(timestamp_with_time_zone_null("answered_at"))
        .col(timestamp_with_time_zone("created_at"))
        .foreign_key(&mut owned_by(table, "duo_id", "duos"))
        .foreign_key(&mut refers_to(table, "scheduled_by", "users"))
        .check(one_of_or_null(table, "mentor_answer", INTRODUCTION_ANSWERS))
        .check(one_of_or_null(table, "mentee_answer", INTRODUCTION_ANSWERS))
        // Both answers are recorded together, at the meeting, or neither is.
        .check(Check::named(
            "ck_duo_introductions_answered",
            Expr::col("answered_at")
                .is_null()
                .and(Expr::col("mentor_answer").is_null())
                .and(Expr::col("mentee_answer").is_null())
                .or(Expr::col("answered_at")
                    .is_not_null()
                    .and(Expr::col("mentor_answer").is_not_null())
                    .and(Expr::col("mentee_answer").is_not_null())),
        ))
        .take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_table(duo_introductions()).await?;
        let persons = CONTACT_PERSONS.iter().copied();
        manager
            .alter_table(
                Table::alter()
                    .table("coordinator_contacts")
                    .add_column(
                        string("person")
                            .default("both")
                            .check(Expr::col("person").is_in(persons)),
                    )
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("coordinator_contacts")
                    .drop_column("person")
                    .take(),
            )
            .await?;
        drop_tables(manager, &["duo_introductions"]).await
    }
}
