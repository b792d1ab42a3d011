//! Meetings as mentors log them on their phones. A log carries a key made on the phone, so a
//! log sent twice (a lost answer, the offline queue replaying) is stored once.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, Set, SqlErr,
};

use super::life::load_duo;
use super::types::{LoggedMeeting, MeetingLog, MeetingView};
use crate::db::entities::{meeting_topics, meetings};
use crate::domain::duo::DuoStatus;
use crate::domain::local_time;
use crate::domain::meeting::{MeetingDate, MeetingDuration, MeetingTopic, can_edit};
use crate::domain::text::ShortText;
use crate::error::{AppError, ConflictCode, ErrorCode, FieldError};
use crate::features::auth::SessionUser;
use crate::platform::database::begin_write;
use crate::platform::errors::db_internal;
use crate::platform::group_commit::GroupCommit;

/// A note or next steps: a few lines, not a report.
pub const MEETING_TEXT_MAX: usize = 1000;

/// What the form said, checked against the duo's start and today.
struct Checked {
    held_on: NaiveDate,
    minutes: u32,
    topics: Vec<MeetingTopic>,
    note: Option<ShortText>,
    next_steps: Option<ShortText>,
}

fn check(log: &MeetingLog, started_on: NaiveDate, today: NaiveDate) -> Result<Checked, AppError> {
    let mut errors: Vec<FieldError> = Vec::new();
    let held_on = match log.held_on.trim() {
        "" => Err(ErrorCode::Required),
        written => NaiveDate::parse_from_str(written, "%Y-%m-%d")
            .map_err(|_| ErrorCode::InvalidDate)
            .and_then(|date| MeetingDate::parse(date, started_on, today)),
    }
    .map_err(|code| errors.push(code.at("held_on")))
    .ok();
    let minutes = log
        .minutes
        .trim()
        .parse::<i64>()
        .map_err(|_| ErrorCode::OutOfRange {
            min: MeetingDuration::MIN_MINUTES.into(),
            max: MeetingDuration::MAX_MINUTES.into(),
        })
        .and_then(MeetingDuration::parse)
        .map_err(|code| errors.push(code.at("minutes")))
        .ok();
    let mut topics = Vec::new();
    for written in &log.topics {
        match MeetingTopic::parse(written.trim()) {
            Some(topic) if !topics.contains(&topic) => topics.push(topic),
            Some(_) => {}
            None => {
                errors.push(ErrorCode::InvalidChoice.at("topics"));
                break;
            }
        }
    }
    let mut text = |field: &str, value: &str| {
        ShortText::parse_optional(value, MEETING_TEXT_MAX)
            .map_err(|code| errors.push(code.at(field)))
            .ok()
            .flatten()
    };
    let note = text("note", &log.note);
    let next_steps = text("next_steps", &log.next_steps);
    match (held_on, minutes) {
        (Some(held_on), Some(minutes)) if errors.is_empty() => Ok(Checked {
            held_on: held_on.date(),
            minutes: minutes.minutes(),
            topics,
            note,
            next_steps,
        }),
        _ => Err(AppError::Validation(errors)),
    }
}

/// A key the phone made: 16 to 64 letters, digits and dashes.
fn check_key(key: &str) -> Result<&str, AppError> {
    let ok = (16..=64).contains(&key.len())
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if ok {
        Ok(key)
    } else {
        Err(AppError::field("idempotency_key", ErrorCode::InvalidChoice))
    }
}

async fn find_by_key(
    conn: &impl ConnectionTrait,
    key: &str,
) -> Result<Option<meetings::Model>, AppError> {
    meetings::Entity::find()
        .filter(meetings::Column::IdempotencyKey.eq(key))
        .one(conn)
        .await
        .map_err(db_internal("find meeting by key"))
}

/// The meeting stored under `key`, if it is this duo's: the answer to a replayed log.
fn replayed(found: meetings::Model, duo_id: i32) -> Result<LoggedMeeting, AppError> {
    if found.duo_id == duo_id {
        Ok(LoggedMeeting {
            meeting_id: found.id,
        })
    } else {
        Err(AppError::Forbidden)
    }
}

fn brussels_today(now: DateTime<Utc>) -> NaiveDate {
    local_time::to_local(now).date()
}

/// Logs a meeting of the mentor's active duo, once per key. The meeting is stored through
/// `writes`, in a transaction it may share with other mentors' meetings.
pub async fn log(
    db: &DatabaseConnection,
    writes: &GroupCommit,
    user: &SessionUser,
    log: MeetingLog,
    now: DateTime<Utc>,
) -> Result<LoggedMeeting, AppError> {
    let key = check_key(log.idempotency_key.trim())?.to_owned();
    let duo = load_duo(db, user, log.duo_id).await?;
    if let Some(found) = find_by_key(db, &key).await? {
        return replayed(found, duo.id);
    }
    if DuoStatus::parse(&duo.status) != Some(DuoStatus::Active) {
        return Err(AppError::Conflict(ConflictCode::IllegalTransition {
            from: duo.status.clone(),
            to: "meeting".to_owned(),
        }));
    }
    let today = brussels_today(now);
    let started_on = duo.started_on.unwrap_or(today);
    let checked = check(&log, started_on, today)?;
    let stored = store(writes, user.user_id, duo.id, &key, checked, now).await;
    match stored {
        Ok(meeting_id) => Ok(LoggedMeeting { meeting_id }),
        // Another copy of the same log won the race for the key: answer with its meeting.
        Err(err) if matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            let found = find_by_key(db, &key)
                .await?
                .ok_or(AppError::Conflict(ConflictCode::Stale))?;
            replayed(found, duo.id)
        }
        Err(err) => Err(db_internal("store meeting")(err)),
    }
}

async fn store(
    writes: &GroupCommit,
    user_id: i32,
    duo_id: i32,
    key: &str,
    checked: Checked,
    now: DateTime<Utc>,
) -> Result<i32, DbErr> {
    let meeting = meetings::ActiveModel {
        duo_id: Set(duo_id),
        held_on: Set(checked.held_on),
        duration_minutes: Set(i32::try_from(checked.minutes).unwrap_or(i32::MAX)),
        note: Set(checked.note.map(|t| t.as_str().to_owned())),
        next_steps: Set(checked.next_steps.map(|t| t.as_str().to_owned())),
        logged_by: Set(Some(user_id)),
        idempotency_key: Set(Some(key.to_owned())),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    let topics = checked.topics;
    writes
        .write(move |tx| {
            Box::pin(async move {
                let meeting = meeting.insert(tx).await?;
                insert_topics(tx, meeting.id, &topics).await?;
                Ok(meeting.id)
            })
        })
        .await
}

async fn insert_topics(
    conn: &impl ConnectionTrait,
    meeting_id: i32,
    topics: &[MeetingTopic],
) -> Result<(), DbErr> {
    if topics.is_empty() {
        return Ok(());
    }
    meeting_topics::Entity::insert_many(topics.iter().map(|topic| meeting_topics::ActiveModel {
        meeting_id: Set(meeting_id),
        topic: Set(topic.as_str().to_owned()),
    }))
    .exec(conn)
    .await?;
    Ok(())
}

/// Changes a meeting its mentor logged, within the seven days its log stays editable.
pub async fn edit(
    db: &DatabaseConnection,
    user: &SessionUser,
    meeting_id: i32,
    log: MeetingLog,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let tx = begin_write(db)
        .await
        .map_err(db_internal("begin edit meeting"))?;
    let meeting = meetings::Entity::find_by_id(meeting_id)
        .one(&tx)
        .await
        .map_err(db_internal("load meeting"))?
        .ok_or(AppError::NotFound)?;
    let duo = load_duo(&tx, user, meeting.duo_id).await?;
    let today = brussels_today(now);
    if !can_edit(brussels_today(meeting.created_at), today) {
        return Err(AppError::Conflict(ConflictCode::EditWindowClosed));
    }
    let checked = check(&log, duo.started_on.unwrap_or(today), today)?;
    let mut changed: meetings::ActiveModel = meeting.into();
    changed.held_on = Set(checked.held_on);
    changed.duration_minutes = Set(i32::try_from(checked.minutes).unwrap_or(i32::MAX));
    changed.note = Set(checked.note.as_ref().map(|t| t.as_str().to_owned()));
    changed.next_steps = Set(checked.next_steps.as_ref().map(|t| t.as_str().to_owned()));
    changed.updated_at = Set(now);
    changed
        .update(&tx)
        .await
        .map_err(db_internal("update meeting"))?;
    meeting_topics::Entity::delete_many()
        .filter(meeting_topics::Column::MeetingId.eq(meeting_id))
        .exec(&tx)
        .await
        .map_err(db_internal("clear topics"))?;
    insert_topics(&tx, meeting_id, &checked.topics)
        .await
        .map_err(db_internal("insert topics"))?;
    tx.commit()
        .await
        .map_err(db_internal("commit edit meeting"))
}

/// The duo's meetings, newest first; `limit` of them when given.
pub async fn list(
    conn: &impl ConnectionTrait,
    duo_id: i32,
    limit: Option<u64>,
    now: DateTime<Utc>,
) -> Result<Vec<MeetingView>, AppError> {
    let rows = meetings::Entity::find()
        .filter(meetings::Column::DuoId.eq(duo_id))
        .order_by_desc(meetings::Column::HeldOn)
        .order_by_desc(meetings::Column::Id)
        .limit(limit)
        .all(conn)
        .await
        .map_err(db_internal("list meetings"))?;
    let ids: Vec<i32> = rows.iter().map(|m| m.id).collect();
    let topics = meeting_topics::Entity::find()
        .filter(meeting_topics::Column::MeetingId.is_in(ids))
        .all(conn)
        .await
        .map_err(db_internal("list topics"))?;
    let today = brussels_today(now);
    Ok(rows
        .into_iter()
        .map(|m| {
            let mut mine: Vec<MeetingTopic> = topics
                .iter()
                .filter(|t| t.meeting_id == m.id)
                .filter_map(|t| MeetingTopic::parse(&t.topic))
                .collect();
            mine.sort_by_key(|t| MeetingTopic::ALL.iter().position(|a| a == t));
            MeetingView {
                id: m.id,
                held_on: m.held_on,
                minutes: u32::try_from(m.duration_minutes).unwrap_or_default(),
                topics: mine,
                note: m.note,
                next_steps: m.next_steps,
                editable: can_edit(brussels_today(m.created_at), today),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn log(held_on: &str, minutes: &str, topics: &[&str], note: &str) -> MeetingLog {
        MeetingLog {
            duo_id: 1,
            held_on: held_on.to_owned(),
            minutes: minutes.to_owned(),
            topics: topics.iter().map(|t| (*t).to_owned()).collect(),
            note: note.to_owned(),
            next_steps: String::new(),
            idempotency_key: "k".repeat(20),
        }
    }

    fn fields(result: Result<Checked, AppError>) -> Vec<FieldError> {
        match result {
            Err(AppError::Validation(errors)) => errors,
            Err(other) => panic!("unexpected {other:?}"),
            Ok(_) => panic!("expected a refusal"),
        }
    }

    #[test]
    fn a_good_log_keeps_its_topics_once_in_order_given() {
        let checked = check(
            &log("2026-03-10", "90", &["cv", "network", "cv"], " Went well "),
            day(3, 1),
            day(3, 12),
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(checked.held_on, day(3, 10));
        assert_eq!(checked.minutes, 90);
        assert_eq!(checked.topics, [MeetingTopic::Cv, MeetingTopic::Network]);
        assert_eq!(
            checked.note.map(|n| n.as_str().to_owned()).as_deref(),
            Some("Went well")
        );
    }

    #[test]
    fn each_refused_part_is_named() {
        let (start, today) = (day(3, 1), day(3, 12));
        let errors = fields(check(&log("2026-03-13", "9", &["chess"], ""), start, today));
        assert_eq!(
            errors,
            vec![
                ErrorCode::DateInFuture.at("held_on"),
                ErrorCode::OutOfRange { min: 15, max: 480 }.at("minutes"),
                ErrorCode::InvalidChoice.at("topics"),
            ]
        );
        let errors = fields(check(&log("2026-02-28", "x", &[], ""), start, today));
        assert_eq!(
            errors[0],
            ErrorCode::DateBeforeStart { start }.at("held_on")
        );
        let long = "a".repeat(MEETING_TEXT_MAX + 1);
        let errors = fields(check(&log("", "120", &[], &long), start, today));
        assert_eq!(errors[0], ErrorCode::Required.at("held_on"));
        assert_eq!(errors[1].field, "note");
    }

    #[test]
    fn keys_are_long_plain_tokens() {
        assert!(check_key(&"a1-".repeat(6)).is_ok());
        assert!(check_key("short").is_err());
        assert!(check_key(&"a".repeat(65)).is_err());
        assert!(check_key("0123456789abcdef<script>").is_err());
    }
}
