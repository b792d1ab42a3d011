//! Peer sessions against the database: planning one, the list, one session's mentors and
//! attendance, and how many a duo's mentor attended while the duo ran.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::types::{NewPeerSession, PeerDetail, PeerList, PeerMentor, PeerSummary};
use crate::db::entities::{duos, mentors, peer_attendance, peer_sessions};
use crate::domain::mentor::MentorStatus;
use crate::domain::text::ShortText;
use crate::error::{AppError, ConflictCode, ErrorCode, FieldError};
use crate::features::auth::SessionUser;
use crate::features::auth::guard::ensure_city;
use crate::features::reference::queries;
use crate::platform::audit;
use crate::platform::database::begin_write;
use crate::platform::errors::db_internal;

const TOPIC_MAX: usize = 120;
const LOCATION_MAX: usize = 200;
/// How far back a session may be entered, to record who came.
const RECORD_AFTER_DAYS: i64 = 60;
/// How many sessions the list shows.
const SHOWN: u64 = 50;

/// The caller's cities, or `None` for staff who see every city.
fn scope(user: &SessionUser) -> Option<&[i32]> {
    (user.role == crate::domain::role::Role::Coordinator).then_some(user.city_ids.as_slice())
}

struct Parsed {
    city_id: i32,
    held_on: NaiveDate,
    topic: ShortText,
    location: Option<ShortText>,
}

fn parse(input: &NewPeerSession, today: NaiveDate) -> Result<Parsed, Vec<FieldError>> {
    let mut errors = Vec::new();
    let city_id = input
        .city_id
        .trim()
        .parse::<i32>()
        .map_err(|_| errors.push(ErrorCode::Required.at("city_id")))
        .ok();
    let earliest = today - chrono::TimeDelta::days(RECORD_AFTER_DAYS);
    let held_on = match input.held_on.trim() {
        "" => Err(ErrorCode::Required),
        written => NaiveDate::parse_from_str(written, "%Y-%m-%d")
            .map_err(|_| ErrorCode::InvalidDate)
            .and_then(|day| {
                if day < earliest {
                    Err(ErrorCode::DateBeforeStart { start: earliest })
                } else {
                    Ok(day)
                }
            }),
    }
    .map_err(|code| errors.push(code.at("held_on")))
    .ok();
    let topic = ShortText::parse(&input.topic, TOPIC_MAX)
        .map_err(|code| errors.push(code.at("topic")))
        .ok();
    let location = ShortText::parse_optional(&input.location, LOCATION_MAX)
        .map_err(|code| errors.push(code.at("location")))
        .ok();
    match (city_id, held_on, topic, location) {
        (Some(city_id), Some(held_on), Some(topic), Some(location)) if errors.is_empty() => {
            Ok(Parsed {
                city_id,
                held_on,
                topic,
                location,
            })
        }
        _ => Err(errors),
    }
}

/// Plans a session in one of the caller's cities.
pub async fn create(
    db: &DatabaseConnection,
    user: &SessionUser,
    input: NewPeerSession,
    today: NaiveDate,
) -> Result<i32, AppError> {
    let parsed = parse(&input, today).map_err(AppError::Validation)?;
    ensure_city(user, parsed.city_id)
        .map_err(|_| AppError::field("city_id", ErrorCode::InvalidChoice))?;
    let tx = begin_write(db)
        .await
        .map_err(db_internal("begin create peer session"))?;
    let session = peer_sessions::ActiveModel {
        city_id: Set(parsed.city_id),
        held_on: Set(parsed.held_on),
        topic: Set(parsed.topic.as_str().to_owned()),
        location: Set(parsed.location.map(|l| l.as_str().to_owned())),
        ..Default::default()
    }
    .insert(&tx)
    .await
    .map_err(db_internal("insert peer session"))?;
    audit::record(
        &tx,
        Some(user.user_id),
        "create_peer_session",
        "peer_session",
        Some(session.id),
    )
    .await
    .map_err(db_internal("audit peer session"))?;
    tx.commit()
        .await
        .map_err(db_internal("commit peer session"))?;
    Ok(session.id)
}

async fn attended_counts(
    conn: &impl ConnectionTrait,
    ids: Vec<i32>,
) -> Result<HashMap<i32, u32>, AppError> {
    let mut counts: HashMap<i32, u32> = HashMap::new();
    for row in peer_attendance::Entity::find()
        .filter(peer_attendance::Column::PeerSessionId.is_in(ids))
        .all(conn)
        .await
        .map_err(db_internal("peer attendance"))?
    {
        *counts.entry(row.peer_session_id).or_default() += 1;
    }
    Ok(counts)
}

fn summary(s: peer_sessions::Model, attended: u32) -> PeerSummary {
    PeerSummary {
        id: s.id,
        city_id: s.city_id,
        held_on: s.held_on,
        topic: s.topic,
        location: s.location,
        attended,
    }
}

/// The sessions of the caller's cities, newest first.
pub async fn list(db: &DatabaseConnection, user: &SessionUser) -> Result<PeerList, AppError> {
    let cities = queries::cities(db, scope(user))
        .await
        .map_err(db_internal("peer cities"))?;
    let city_ids: Vec<i32> = cities.iter().map(|c| c.id).collect();
    let rows = peer_sessions::Entity::find()
        .filter(peer_sessions::Column::CityId.is_in(city_ids))
        .order_by_desc(peer_sessions::Column::HeldOn)
        .order_by_desc(peer_sessions::Column::Id)
        .limit(SHOWN)
        .all(db)
        .await
        .map_err(db_internal("peer sessions"))?;
    let counts = attended_counts(db, rows.iter().map(|s| s.id).collect()).await?;
    Ok(PeerList {
        cities,
        sessions: rows
            .into_iter()
            .map(|s| {
                let attended = counts.get(&s.id).copied().unwrap_or_default();
                summary(s, attended)
            })
            .collect(),
    })
}

async fn load(
    conn: &impl ConnectionTrait,
    user: &SessionUser,
    id: i32,
) -> Result<peer_sessions::Model, AppError> {
    let session = peer_sessions::Entity::find_by_id(id)
        .one(conn)
        .await
        .map_err(db_internal("load peer session"))?
        .ok_or(AppError::NotFound)?;
    ensure_city(user, session.city_id)?;
    Ok(session)
}

/// One session with the mentors of its city who are in a duo, and whoever came.
pub async fn detail(
    db: &DatabaseConnection,
    user: &SessionUser,
    id: i32,
    today: NaiveDate,
) -> Result<PeerDetail, AppError> {
    let session = load(db, user, id).await?;
    let came: Vec<i32> = peer_attendance::Entity::find()
        .filter(peer_attendance::Column::PeerSessionId.eq(session.id))
        .all(db)
        .await
        .map_err(db_internal("peer attendance"))?
        .into_iter()
        .map(|a| a.mentor_id)
        .collect();
    let mentors = mentors::Entity::find()
        .filter(mentors::Column::CityId.eq(session.city_id))
        .filter(
            Condition::any()
                .add(mentors::Column::Status.eq(MentorStatus::InDuo.as_str()))
                .add(mentors::Column::Id.is_in(came.clone())),
        )
        .order_by_asc(mentors::Column::LastName)
        .order_by_asc(mentors::Column::FirstName)
        .all(db)
        .await
        .map_err(db_internal("peer mentors"))?
        .into_iter()
        .map(|m| PeerMentor {
            attended: came.contains(&m.id),
            mentor_id: m.id,
            name: format!("{} {}", m.first_name, m.last_name),
        })
        .collect();
    let city = queries::cities(db, Some(&[session.city_id]))
        .await
        .map_err(db_internal("peer city"))?
        .into_iter()
        .next()
        .ok_or(AppError::NotFound)?;
    let started = session.held_on <= today;
    Ok(PeerDetail {
        session: summary(session, u32::try_from(came.len()).unwrap_or(u32::MAX)),
        city,
        started,
        mentors,
    })
}

/// Records whether a mentor of the session's city came, once the day has come.
pub async fn set_attendance(
    db: &DatabaseConnection,
    user: &SessionUser,
    session_id: i32,
    mentor_id: i32,
    attended: bool,
    today: NaiveDate,
) -> Result<(), AppError> {
    let tx = begin_write(db)
        .await
        .map_err(db_internal("begin peer attendance"))?;
    let session = load(&tx, user, session_id).await?;
    if session.held_on > today {
        return Err(AppError::Conflict(ConflictCode::TrainingNotStarted));
    }
    let mentor = mentors::Entity::find_by_id(mentor_id)
        .one(&tx)
        .await
        .map_err(db_internal("load mentor"))?
        .ok_or(AppError::NotFound)?;
    if mentor.city_id != session.city_id {
        return Err(AppError::NotFound);
    }
    peer_attendance::Entity::delete_many()
        .filter(peer_attendance::Column::PeerSessionId.eq(session.id))
        .filter(peer_attendance::Column::MentorId.eq(mentor.id))
        .exec(&tx)
        .await
        .map_err(db_internal("clear peer attendance"))?;
    if attended {
        peer_attendance::ActiveModel {
            peer_session_id: Set(session.id),
            mentor_id: Set(mentor.id),
        }
        .insert(&tx)
        .await
        .map_err(db_internal("record peer attendance"))?;
    }
    audit::record(
        &tx,
        Some(user.user_id),
        "peer_attendance",
        "peer_session",
        Some(session.id),
    )
    .await
    .map_err(db_internal("audit peer attendance"))?;
    tx.commit()
        .await
        .map_err(db_internal("commit peer attendance"))
}

/// How many peer sessions the mentor of `duo` attended from its start to its end (or today).
pub async fn attended_during(
    conn: &impl ConnectionTrait,
    duo: &duos::Model,
    today: NaiveDate,
) -> Result<u32, AppError> {
    let Some(start) = duo.started_on else {
        return Ok(0);
    };
    let end = duo.ended_on.unwrap_or(today);
    let sessions: Vec<i32> = peer_attendance::Entity::find()
        .filter(peer_attendance::Column::MentorId.eq(duo.mentor_id))
        .all(conn)
        .await
        .map_err(db_internal("mentor peer attendance"))?
        .into_iter()
        .map(|a| a.peer_session_id)
        .collect();
    let held = peer_sessions::Entity::find()
        .filter(peer_sessions::Column::Id.is_in(sessions))
        .filter(peer_sessions::Column::HeldOn.between(start, end))
        .all(conn)
        .await
        .map_err(db_internal("peer sessions during duo"))?;
    Ok(u32::try_from(held.len()).unwrap_or(u32::MAX))
}
