//! Users and their sign-in state, mentors and mentees.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{
    between, create_indexes, drop_tables, id, index, one_of, one_of_or_null, owned_by, refers_to,
};
use super::values::{
    EDUCATION_LEVELS, LOCALES, MENTEE_STATUSES, MENTEE_WITHDRAW_REASONS, MENTOR_EXIT_REASONS,
    MENTOR_STATUSES, ROLES,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn users() -> TableCreateStatement {
    Table::create()
        .table("users")
        .col(id())
        .col(string_uniq("email"))
        .col(string("display_name"))
        .col(string("role"))
        .col(string("locale"))
        // NULL for mentors, who sign in by magic link.
        .col(string_null("password_hash"))
        .col(timestamp_with_time_zone_null("disabled_at"))
        .col(timestamp_with_time_zone("created_at"))
        .col(timestamp_with_time_zone_null("last_sign_in_at"))
        .check(one_of("users", "role", ROLES))
        .check(one_of("users", "locale", LOCALES))
        .take()
}

fn user_cities() -> TableCreateStatement {
    Table::create()
        .table("user_cities")
        .col(integer("user_id"))
        .col(integer("city_id"))
        .primary_key(Index::create().col("user_id").col("city_id"))
        .foreign_key(&mut owned_by("user_cities", "user_id", "users"))
        .foreign_key(&mut refers_to("user_cities", "city_id", "cities"))
        .take()
}

/// Sessions and magic links keep only a SHA-256 hex of their token.
fn token_table(table: &'static str, key: &'static str) -> TableCreateStatement {
    Table::create()
        .table(table)
        .col(string(key).primary_key())
        .col(integer("user_id"))
        .col(timestamp_with_time_zone("created_at"))
        .col(timestamp_with_time_zone("expires_at"))
        .foreign_key(&mut owned_by(table, "user_id", "users"))
        .take()
}

fn sessions() -> TableCreateStatement {
    token_table("sessions", "id")
        .col(timestamp_with_time_zone("last_seen_at"))
        .col(string_null("user_agent"))
        .take()
}

fn magic_links() -> TableCreateStatement {
    token_table("magic_links", "token_hash")
        .col(timestamp_with_time_zone_null("used_at"))
        .take()
}

/// The columns mentors and mentees share: identity, place, life-cycle status.
fn person(
    table: &'static str,
    statuses: &[&'static str],
    reasons: &[&'static str],
) -> TableCreateStatement {
    Table::create()
        .table(table)
        .col(id())
        .col(string("first_name"))
        .col(string("last_name"))
        .col(string_null("phone"))
        .col(integer("birth_year"))
        .col(integer("postcode"))
        .col(integer("city_id"))
        .col(string("locale"))
        .col(string("status"))
        .col(string_null("status_reason"))
        .col(timestamp_with_time_zone("status_changed_at"))
        .foreign_key(&mut refers_to(table, "city_id", "cities"))
        .check(between(table, "birth_year", 1900, 2100))
        .check(between(table, "postcode", 1000, 9999))
        .check(one_of(table, "locale", LOCALES))
        .check(one_of(table, "status", statuses))
        .check(one_of_or_null(table, "status_reason", reasons))
        .take()
}

fn mentors() -> TableCreateStatement {
    person("mentors", MENTOR_STATUSES, MENTOR_EXIT_REASONS)
        .col(integer_null("user_id").unique_key())
        .col(string_uniq("email"))
        .col(text_null("motivation"))
        .col(string_null("heard_from"))
        .col(integer("completed_duos").default(0))
        .col(timestamp_with_time_zone("created_at"))
        .col(timestamp_with_time_zone("updated_at"))
        .foreign_key(&mut refers_to("mentors", "user_id", "users"))
        .check(Check::named(
            "ck_mentors_completed_duos",
            Expr::col("completed_duos").gte(0),
        ))
        .take()
}

fn mentees() -> TableCreateStatement {
    person("mentees", MENTEE_STATUSES, MENTEE_WITHDRAW_REASONS)
        .col(string_null("email"))
        // Waiting time, and so matching priority, counts from this day.
        .col(date_null("waiting_since"))
        .col(string("education_level"))
        .col(text_null("goal"))
        .col(string_null("referred_by"))
        // Special-category data: only what eligibility needs, under consent.
        .col(boolean_null("migrant_background"))
        .col(integer_null("created_by"))
        .col(timestamp_with_time_zone("created_at"))
        .col(timestamp_with_time_zone("updated_at"))
        .foreign_key(&mut refers_to("mentees", "created_by", "users"))
        .check(one_of("mentees", "education_level", EDUCATION_LEVELS))
        .check(Check::named(
            "ck_mentees_waiting_since",
            Expr::col("status")
                .ne("waiting")
                .or(Expr::col("waiting_since").is_not_null()),
        ))
        .take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_table(users()).await?;
        manager.create_table(user_cities()).await?;
        manager.create_table(sessions()).await?;
        manager.create_table(magic_links()).await?;
        manager.create_table(mentors()).await?;
        manager.create_table(mentees()).await?;
        create_indexes(
            manager,
            vec![
                index("user_cities", "city", &["city_id"]),
                index("sessions", "user", &["user_id"]),
                index("sessions", "expires", &["expires_at"]),
                index("magic_links", "user", &["user_id"]),
                index("magic_links", "expires", &["expires_at"]),
                index("mentors", "city_status", &["city_id", "status"]),
                index("mentees", "city_status", &["city_id", "status"]),
                index("mentees", "created_by", &["created_by"]),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_tables(
            manager,
            &[
                "mentees",
                "mentors",
                "magic_links",
                "sessions",
                "user_cities",
                "users",
            ],
        )
        .await
    }
}
