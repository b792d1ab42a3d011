//! Fixed-window rate limits kept in the database, so every instance counts the same hits.
//!
//! One statement decides: a conditional update that either opens a new window, counts the hit
//! in the current one, or matches nothing because the window is full. Two requests at the same
//! moment cannot both take the last place.
//!
//! A bucket names a client by the pseudonym of its address (`Secret::pseudonym`), never by the
//! address itself.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set};

use crate::db::entities::rate_limits;

/// At most `hits` hits per `window` for one bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub hits: u32,
    pub window: Duration,
}

/// Counts one hit in `bucket` and says whether it is within the limit. A refused hit is not
/// counted, so a client that keeps trying is let in again when its window ends.
pub async fn allow(
    conn: &impl ConnectionTrait,
    bucket: &str,
    limit: Limit,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    rate_limits::Entity::insert(rate_limits::ActiveModel {
        bucket: Set(bucket.to_owned()),
        window_started_at: Set(now),
        hits: Set(0),
    })
    .on_conflict_do_nothing()
    .exec(conn)
    .await?;
    let window_over = Expr::col(rate_limits::Column::WindowStartedAt).lte(now - limit.window);
    let max_hits = i32::try_from(limit.hits).unwrap_or(i32::MAX);
    let counted = rate_limits::Entity::update_many()
        .col_expr(
            rate_limits::Column::Hits,
            Expr::case(window_over.clone(), 1)
                .finally(Expr::col(rate_limits::Column::Hits).add(1))
                .into(),
        )
        .col_expr(
            rate_limits::Column::WindowStartedAt,
            Expr::case(window_over.clone(), now)
                .finally(Expr::col(rate_limits::Column::WindowStartedAt))
                .into(),
        )
        .filter(rate_limits::Column::Bucket.eq(bucket))
        .filter(window_over.or(Expr::col(rate_limits::Column::Hits).lt(max_hits)))
        .exec(conn)
        .await?;
    Ok(counted.rows_affected == 1)
}

/// Whether `bucket` is full: its window still runs and holds `limit.hits` hits. Counts nothing,
/// for a limit on failures, which are counted with `allow` once they happen.
pub async fn is_full(
    conn: &impl ConnectionTrait,
    bucket: &str,
    limit: Limit,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let row = rate_limits::Entity::find_by_id(bucket.to_owned())
        .one(conn)
        .await?;
    Ok(row.is_some_and(|row| {
        row.window_started_at > now - limit.window && i64::from(row.hits) >= i64::from(limit.hits)
    }))
}
