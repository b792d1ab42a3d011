//! Screening and training: intake interviews (mentors and mentees) and the
//! training sessions a mentor attends before a first match.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{
    between, create_indexes, drop_tables, exactly_one_of, id, index, one_of_or_null, owned_by,
    refers_to,
};
use super::values::RECOMMENDATIONS;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn intake_interviews() -> TableCreateStatement {
    let table = "intake_interviews";
    let mut stmt = Table::create()
        .table(table)
        .col(id())
        .col(integer_null("mentor_id"))
        .col(integer_null("mentee_id"))
        .col(integer_null("interviewer_id"))
        .col(timestamp_with_time_zone("scheduled_at"))
        .col(timestamp_with_time_zone_null("done_at"))
        .col(integer_null("motivation_score"))
        .col(integer_null("communication_score"))
        .col(integer_null("availability_score"))
        .col(string_null("recommendation"))
        .col(text_null("notes"))
        .foreign_key(&mut owned_by(table, "mentor_id", "mentors"))
        .foreign_key(&mut owned_by(table, "mentee_id", "mentees"))
        .foreign_key(&mut refers_to(table, "interviewer_id", "users"))
        .check(exactly_one_of(
            table,
            "one_person",
            &["mentor_id", "mentee_id"],
        ))
        .check(one_of_or_null(table, "recommendation", RECOMMENDATIONS))
        .take();
    for score in [
        "motivation_score",
        "communication_score",
        "availability_score",
    ] {
        stmt.check(between(table, score, 1, 5));
    }
    stmt
}

fn training_sessions() -> TableCreateStatement {
    Table::create()
        .table("training_sessions")
        .col(id())
        .col(integer("city_id"))
        .col(string("title"))
        .col(timestamp_with_time_zone("starts_at"))
        .col(string("location"))
        .col(integer("capacity"))
        .foreign_key(&mut refers_to("training_sessions", "city_id", "cities"))
        .check(Check::named(
            "ck_training_sessions_capacity",
            Expr::col("capacity").gt(0),
        ))
        .take()
}

fn training_attendance() -> TableCreateStatement {
    let table = "training_attendance";
    Table::create()
        .table(table)
        .col(integer("training_session_id"))
        .col(integer("mentor_id"))
        // NULL: registered; true/false once the session took place.
        .col(boolean_null("attended"))
        .primary_key(Index::create().col("training_session_id").col("mentor_id"))
        .foreign_key(&mut owned_by(
            table,
            "training_session_id",
            "training_sessions",
        ))
        .foreign_key(&mut owned_by(table, "mentor_id", "mentors"))
        .take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_table(intake_interviews()).await?;
        manager.create_table(training_sessions()).await?;
        manager.create_table(training_attendance()).await?;
        create_indexes(
            manager,
            vec![
                index("intake_interviews", "mentor", &["mentor_id"]),
                index("intake_interviews", "mentee", &["mentee_id"]),
                index(
                    "intake_interviews",
                    "interviewer",
                    &["interviewer_id", "scheduled_at"],
                ),
                index(
                    "training_sessions",
                    "city_starts",
                    &["city_id", "starts_at"],
                ),
                index("training_attendance", "mentor", &["mentor_id"]),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_tables(
            manager,
            &[
                "training_attendance",
                "training_sessions",
                "intake_interviews",
            ],
        )
        .await
    }
}
