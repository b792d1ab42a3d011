//! The matching board's history: one row per thing a coordinator did, read back newest first.

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

use super::pool;
use super::types::HistoryEntry;
use crate::db::entities::{match_events, users};
use crate::domain::matching::history::BoardAction;
use crate::error::AppError;
use crate::platform::errors::db_internal;

/// One thing done on the board. `score` is the pair's score then; `pairs` is for `Ran`.
pub struct Event {
    pub city_id: i32,
    pub action: BoardAction,
    pub pair: Option<(i32, i32)>,
    pub score: Option<u8>,
    pub pairs: Option<usize>,
    pub duo_id: Option<i32>,
    pub by: i32,
}

impl Event {
    pub fn pair(
        city_id: i32,
        action: BoardAction,
        mentor_id: i32,
        mentee_id: i32,
        by: i32,
    ) -> Self {
        Event {
            city_id,
            action,
            pair: Some((mentor_id, mentee_id)),
            score: None,
            pairs: None,
            duo_id: None,
            by,
        }
    }
}

pub async fn record(conn: &impl ConnectionTrait, event: Event) -> Result<(), AppError> {
    match_events::ActiveModel {
        city_id: Set(event.city_id),
        action: Set(event.action.as_str().to_owned()),
        mentor_id: Set(event.pair.map(|p| p.0)),
        mentee_id: Set(event.pair.map(|p| p.1)),
        score: Set(event.score.map(i32::from)),
        pairs: Set(event.pairs.map(|n| i32::try_from(n).unwrap_or(i32::MAX))),
        duo_id: Set(event.duo_id),
        done_by: Set(Some(event.by)),
        done_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await
    .map_err(db_internal("record board event"))?;
    Ok(())
}

/// The city's last `limit` events, newest first, with the names of the people and the user.
pub async fn recent(
    conn: &impl ConnectionTrait,
    city_id: i32,
    limit: u64,
) -> Result<Vec<HistoryEntry>, AppError> {
    let rows = match_events::Entity::find()
        .filter(match_events::Column::CityId.eq(city_id))
        .order_by_desc(match_events::Column::DoneAt)
        .order_by_desc(match_events::Column::Id)
        .limit(limit)
        .all(conn)
        .await
        .map_err(db_internal("board history"))?;
    let user_ids: Vec<i32> = rows.iter().filter_map(|r| r.done_by).collect();
    let users: HashMap<i32, String> = users::Entity::find()
        .filter(users::Column::Id.is_in(user_ids))
        .all(conn)
        .await
        .map_err(db_internal("board history users"))?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect();
    let people = pool::names(
        conn,
        rows.iter().filter_map(|r| r.mentor_id).collect(),
        rows.iter().filter_map(|r| r.mentee_id).collect(),
    )
    .await?;
    let names = |mentor: bool, id: i32| people.get(&(mentor, id)).cloned();
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(HistoryEntry {
                action: BoardAction::parse(&r.action)?,
                mentor: r
                    .mentor_id
                    .map(|id| names(true, id).unwrap_or_else(|| format!("#{id}"))),
                mentee: r
                    .mentee_id
                    .map(|id| names(false, id).unwrap_or_else(|| format!("#{id}"))),
                score: r.score.and_then(|s| u8::try_from(s).ok()),
                pairs: r.pairs.and_then(|n| u32::try_from(n).ok()),
                by: r.done_by.and_then(|id| users.get(&id).cloned()),
                at: r.done_at,
            })
        })
        .collect())
}
