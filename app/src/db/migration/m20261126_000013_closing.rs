//! Closing a duo: a job outcome records its contract and whether it lasts three months, at the
//! end and at each follow-up; the mentor's invitation to return after a rest; and the
//! programme settings an admin changes (for now, that rest).

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{between, create_indexes, drop_tables, id, index, owned_by, refers_to};
use super::values::{CONTRACT_TYPES, RETURN_ANSWERS};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Job details may only be given for a job, named `ck_<table>_<col>`. The outcome is tested
/// for NULL first, because a comparison with NULL would let any value through a CHECK.
fn only_for_a_job(table: &str, col: &'static str, valid: SimpleExpr) -> Check {
    Check::named(
        format!("ck_{table}_{col}"),
        Expr::col(col).is_null().or(Expr::col("outcome")
            .is_not_null()
            .and(Expr::col("outcome").eq("job"))
            .and(valid)),
    )
}

/// Adds `contract_type` and `lasts_three_months` to a table with an `outcome` column. SQLite
/// takes one new column per statement.
async fn add_job_details(manager: &SchemaManager<'_>, table: &'static str) -> Result<(), DbErr> {
    let contract = only_for_a_job(
        table,
        "contract_type",
        Expr::col("contract_type").is_in(CONTRACT_TYPES.iter().copied()),
    );
    let lasts = only_for_a_job(table, "lasts_three_months", Expr::value(true));
    for column in [
        string_null("contract_type").check(contract).take(),
        boolean_null("lasts_three_months").check(lasts).take(),
    ] {
        manager
            .alter_table(Table::alter().table(table).add_column(column).take())
            .await?;
    }
    Ok(())
}

async fn drop_job_details(manager: &SchemaManager<'_>, table: &'static str) -> Result<(), DbErr> {
    for column in ["lasts_three_months", "contract_type"] {
        manager
            .alter_table(Table::alter().table(table).drop_column(column).take())
            .await?;
    }
    Ok(())
}

fn mentor_returns() -> TableCreateStatement {
    let table = "mentor_returns";
    Table::create()
        .table(table)
        .col(id())
        .col(integer("mentor_id"))
        .col(integer_uniq("duo_id"))
        .col(date("invite_on"))
        .col(timestamp_with_time_zone_null("invited_at"))
        .col(string_null("answer"))
        .col(timestamp_with_time_zone_null("answered_at"))
        .col(timestamp_with_time_zone("created_at"))
        .foreign_key(&mut owned_by(table, "mentor_id", "mentors"))
        .foreign_key(&mut owned_by(table, "duo_id", "duos"))
        .check(Check::named(
            "ck_mentor_returns_answer",
            Expr::col("answer")
                .is_null()
                .and(Expr::col("answered_at").is_null())
                .or(Expr::col("answer")
                    .is_in(RETURN_ANSWERS.iter().copied())
                    .and(Expr::col("answered_at").is_not_null())),
        ))
        .take()
}

fn programme_settings() -> TableCreateStatement {
    let table = "programme_settings";
    Table::create()
        .table(table)
        .col(integer("id").primary_key())
        .col(integer("return_pause_weeks").default(3))
        .col(timestamp_with_time_zone("updated_at"))
        .col(integer_null("updated_by"))
        .foreign_key(&mut refers_to(table, "updated_by", "users"))
        // One row: the programme's.
        .check(Check::named(
            "ck_programme_settings_single",
            Expr::col("id").eq(1),
        ))
        .check(between(table, "return_pause_weeks", 0, 52))
        .take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        add_job_details(manager, "closures").await?;
        add_job_details(manager, "follow_ups").await?;
        manager.create_table(mentor_returns()).await?;
        manager.create_table(programme_settings()).await?;
        create_indexes(
            manager,
            vec![
                index("mentor_returns", "mentor", &["mentor_id"]),
                index("mentor_returns", "invite", &["invite_on"]),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_tables(manager, &["programme_settings", "mentor_returns"]).await?;
        drop_job_details(manager, "follow_ups").await?;
        drop_job_details(manager, "closures").await
    }
}
