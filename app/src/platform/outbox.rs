//! The e-mail outbox. A message is inserted in the same transaction as the
//! change that causes it, so it exists exactly when the change does. A
//! background sender claims due messages one at a time with a lease, so two
//! instances never send the same message at once, and a crash mid-send only
//! delays it.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
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

/// Claims the oldest due message, or returns `None` when nothing is due.
/// The claim is a conditional update on the previous lease time, which only
/// one instance can win.
pub async fn claim_next(conn: &impl ConnectionTrait) -> Result<Option<outbox::Model>, DbErr> {
    let now = Utc::now();
    let candidates = outbox::Entity::find()
        .filter(outbox::Column::Status.eq("pending"))
        .filter(outbox::Column::NextAttemptAt.lte(now))
        .order_by_asc(outbox::Column::NextAttemptAt)
        .order_by_asc(outbox::Column::Id)
        .limit(5)
        .all(conn)
        .await?;
    for candidate in candidates {
        let lease_until = now + LEASE;
        let claimed = outbox::Entity::update_many()
            .col_expr(outbox::Column::NextAttemptAt, Expr::value(lease_until))
            .col_expr(
                outbox::Column::Attempts,
                Expr::col(outbox::Column::Attempts).add(1),
            )
            .filter(outbox::Column::Id.eq(candidate.id))
            .filter(outbox::Column::Status.eq("pending"))
            .filter(outbox::Column::NextAttemptAt.eq(candidate.next_attempt_at))
            .exec(conn)
            .await?;
        if claimed.rows_affected == 1 {
            return Ok(Some(outbox::Model {
                attempts: candidate.attempts + 1,
                next_attempt_at: lease_until,
                ..candidate
            }));
        }
    }
    Ok(None)
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
