//! The e-mail outbox. A message is inserted in the same transaction as the
//! change that causes it, so it exists exactly when the change does. A
//! background sender claims due messages one at a time with a lease, so two
//! instances never send the same message at once, and a crash mid-send only
//! delays it (and may send it again: a crash is the one case of a second copy).

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbBackend, DbErr, EntityTrait, QueryFilter,
    Set, Statement,
};

use crate::db::entities::outbox;
use crate::domain::locale::Locale;

/// After this many failed attempts a message is marked `failed` and left for
/// an admin to see on the outbox page.
pub const MAX_ATTEMPTS: i32 = 10;
/// How long a claimed message is reserved for the instance sending it.
const LEASE: Duration = Duration::minutes(5);

#[derive(Debug, Clone)]
pub struct NewMail {
    pub kind: &'static str,
    pub to_address: String,
    pub to_name: Option<String>,
    pub locale: Locale,
    pub subject: String,
    pub body_text: String,
    /// An `.ics` calendar invitation to attach, if any.
    pub calendar: Option<String>,
}

/// Who a personal e-mail goes to, and the language to write it in.
pub struct Recipient<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub locale: Locale,
}

pub async fn enqueue(conn: &impl ConnectionTrait, mail: NewMail) -> Result<i32, DbErr> {
    let now = Utc::now();
    let row = outbox::ActiveModel {
        kind: Set(mail.kind.to_owned()),
        to_address: Set(mail.to_address),
        to_name: Set(mail.to_name),
        locale: Set(mail.locale.as_str().to_owned()),
        subject: Set(mail.subject),
        body_text: Set(mail.body_text),
        calendar: Set(mail.calendar),
        status: Set("pending".to_owned()),
        attempts: Set(0),
        next_attempt_at: Set(now),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(row.id)
}

/// Claims the oldest due message, or returns `None` when nothing is due. One statement picks
/// the message and moves its next attempt past the lease, so it is claimed by one instance
/// only. On PostgreSQL the pick is `FOR UPDATE SKIP LOCKED`: instances claiming at the same
/// moment take different messages instead of queueing on the same row. SQLite has a single
/// writer, which makes the statement exclusive there.
pub async fn claim_next(conn: &impl ConnectionTrait) -> Result<Option<outbox::Model>, DbErr> {
    let now = Utc::now();
    let backend = conn.get_database_backend();
    let (placeholders, lock) = match backend {
        DbBackend::Postgres => (("$1", "$2"), " FOR UPDATE SKIP LOCKED"),
        _ => (("?", "?"), ""),
    };
    let sql = format!(
        "UPDATE outbox SET next_attempt_at = {lease}, attempts = attempts + 1 \
         WHERE id = (SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= {now} \
         ORDER BY next_attempt_at, id LIMIT 1{lock}) RETURNING *",
        lease = placeholders.0,
        now = placeholders.1,
    );
    outbox::Entity::find()
        .from_raw_sql(Statement::from_sql_and_values(
            backend,
            sql,
            [(now + LEASE).into(), now.into()],
        ))
        .one(conn)
        .await
}

pub async fn mark_sent(conn: &impl ConnectionTrait, id: i32) -> Result<(), DbErr> {
    outbox::Entity::update_many()
        .col_expr(outbox::Column::Status, Expr::value("sent"))
        .col_expr(outbox::Column::SentAt, Expr::value(Utc::now()))
        .col_expr(
            outbox::Column::LastError,
            Expr::value(Option::<String>::None),
        )
        .filter(outbox::Column::Id.eq(id))
        .exec(conn)
        .await?;
    Ok(())
}

/// Records a failed attempt and schedules the next one with exponential
/// back-off, or gives up after `MAX_ATTEMPTS`.
pub async fn mark_failed(
    conn: &impl ConnectionTrait,
    message: &outbox::Model,
    error: &str,
) -> Result<(), DbErr> {
    let gave_up = message.attempts >= MAX_ATTEMPTS;
    let next = retry_at(Utc::now(), message.attempts);
    let error: String = error.chars().take(500).collect();
    outbox::Entity::update_many()
        .col_expr(
            outbox::Column::Status,
            Expr::value(if gave_up { "failed" } else { "pending" }),
        )
        .col_expr(outbox::Column::NextAttemptAt, Expr::value(next))
        .col_expr(outbox::Column::LastError, Expr::value(Some(error)))
        .filter(outbox::Column::Id.eq(message.id))
        .exec(conn)
        .await?;
    Ok(())
}

/// 30 s, 1 min, 2 min … capped at one hour.
pub fn retry_at(now: DateTime<Utc>, attempts: i32) -> DateTime<Utc> {
    let exponent = attempts.clamp(1, 8) as u32 - 1;
    let seconds = std::cmp::min(30_i64 << exponent, 3600);
    now + Duration::seconds(seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_delay_grows_then_caps_at_an_hour() {
        let now = Utc::now();
        let delays: Vec<i64> = (1..=10)
            .map(|a| (retry_at(now, a) - now).num_seconds())
            .collect();
        assert_eq!(delays[..4], [30, 60, 120, 240]);
        assert_eq!(delays[9], 3600);
        assert!(delays.windows(2).all(|w| w[0] <= w[1]));
    }
}
