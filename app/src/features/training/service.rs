//! Training sessions against the database: planning one, the lists, and one session's
//! participants. Registering and attendance are in `seats`.

mod seats;

pub use seats::{record_attendance, register};

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use super::types::{
    NewTraining, Participant, Registrable, TrainingDetail, TrainingList, TrainingSummary,
};
use crate::db::entities::{mentors, training_attendance, training_sessions};
use crate::domain::local_time;
use crate::domain::mentor::MentorStatus;
use crate::domain::text::ShortText;
use crate::error::{AppError, ErrorCode, FieldError};
use crate::features::auth::SessionUser;
use crate::features::auth::guard::ensure_city;
use crate::features::reference::queries;
use crate::platform::audit;
use crate::platform::database::begin_write;
use crate::platform::errors::db_internal;

const TITLE_MAX: usize = 120;
const LOCATION_MAX: usize = 200;
const CAPACITY_MAX: i32 = 100;
/// How long after a session it can still be entered, to record attendance.
const RECORD_AFTER: chrono::Duration = chrono::Duration::days(60);
/// How many past sessions the list keeps showing.
const PAST_SHOWN: u64 = 30;

/// The caller's cities, or `None` for staff who see every city.
fn scope(user: &SessionUser) -> Option<&[i32]> {
    (user.role == crate::domain::role::Role::Coordinator).then_some(user.city_ids.as_slice())
}

struct Parsed {
    city_id: i32,
    title: ShortText,
    starts_at: DateTime<Utc>,
    location: ShortText,
    capacity: i32,
}

fn parse(input: &NewTraining, now: DateTime<Utc>) -> Result<Parsed, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut check = |field: &str, result: Result<(), ErrorCode>| {
        if let Err(code) = result {
            errors.push(code.at(field));
        }
    };
    let city_id = input.city_id.trim().parse::<i32>().ok();
    check("city_id", city_id.map(|_| ()).ok_or(ErrorCode::Required));
    let title = ShortText::parse(&input.title, TITLE_MAX);
    check("title", title.as_ref().map(|_| ()).map_err(Clone::clone));
    let starts_at = match input.starts_at.trim() {
        "" => Err(ErrorCode::Required),
        written => local_time::parse_local(written).ok_or(ErrorCode::InvalidDate),
    }
    .and_then(|at| {
        // A session that already took place may be entered to record who came.
        let earliest = now - RECORD_AFTER;
        if at < earliest {
            Err(ErrorCode::DateBeforeStart {
                start: local_time::to_local(earliest).date(),
            })
        } else {
            Ok(at)
        }
    });
    check(
        "starts_at",
        starts_at.as_ref().map(|_| ()).map_err(Clone::clone),
    );
    let location = ShortText::parse(&input.location, LOCATION_MAX);
    check(
        "location",
        location.as_ref().map(|_| ()).map_err(Clone::clone),
    );
    let capacity = match input.capacity.trim() {
        "" => Err(ErrorCode::Required),
        written => written
            .parse::<i32>()
            .ok()
            .filter(|n| (1..=CAPACITY_MAX).contains(n))
            .ok_or(ErrorCode::OutOfRange {
                min: 1,
                max: i64::from(CAPACITY_MAX),
            }),
    };
    check(
        "capacity",
        capacity.as_ref().map(|_| ()).map_err(Clone::clone),
    );
    match (city_id, title, starts_at, location, capacity) {
        (Some(city_id), Ok(title), Ok(starts_at), Ok(location), Ok(capacity))
            if errors.is_empty() =>
        {
            Ok(Parsed {
                city_id,
                title,
                starts_at,
                location,
                capacity,
            })
        }
        _ => Err(errors),
    }
}

/// Plans a session in one of the caller's cities.
pub async fn create(
    db: &DatabaseConnection,
    user: &SessionUser,
    input: NewTraining,
    now: DateTime<Utc>,
) -> Result<i32, AppError> {
    let parsed = parse(&input, now).map_err(AppError::Validation)?;
    ensure_city(user, parsed.city_id)
        .map_err(|_| AppError::field("city_id", ErrorCode::InvalidChoice))?;
    let tx = begin_write(db)
        .await
        .map_err(db_internal("begin create training"))?;
    let session = training_sessions::ActiveModel {
        city_id: Set(parsed.city_id),
        title: Set(parsed.title.as_str().to_owned()),
        starts_at: Set(parsed.starts_at),
        location: Set(parsed.location.as_str().to_owned()),
        capacity: Set(parsed.capacity),
        ..Default::default()
    }
    .insert(&tx)
    .await
    .map_err(db_internal("insert training"))?;
    audit::record(
        &tx,
        Some(user.user_id),
        "create_training",
        "training_session",
        Some(session.id),
    )
    .await
    .map_err(db_internal("audit create training"))?;
    tx.commit()
        .await
        .map_err(db_internal("commit create training"))?;
    Ok(session.id)
}

/// The sessions of the caller's cities: those to come, soonest first, then the recent past.
pub async fn list(
    db: &DatabaseConnection,
    user: &SessionUser,
    now: DateTime<Utc>,
) -> Result<TrainingList, AppError> {
    let cities = queries::cities(db, scope(user))
        .await
        .map_err(db_internal("training cities"))?;
    let city_ids: Vec<i32> = cities.iter().map(|c| c.id).collect();
    let in_cities = training_sessions::Column::CityId.is_in(city_ids);
    let upcoming = training_sessions::Entity::find()
        .filter(in_cities.clone())
        .filter(training_sessions::Column::StartsAt.gt(now))
        .order_by_asc(training_sessions::Column::StartsAt)
        .order_by_asc(training_sessions::Column::Id)
        .all(db)
        .await
        .map_err(db_internal("upcoming trainings"))?;
    let past = training_sessions::Entity::find()
        .filter(in_cities)
        .filter(training_sessions::Column::StartsAt.lte(now))
        .order_by_desc(training_sessions::Column::StartsAt)
        .order_by_desc(training_sessions::Column::Id)
        .limit(PAST_SHOWN)
        .all(db)
        .await
        .map_err(db_internal("past trainings"))?;
    Ok(TrainingList {
        cities,
        upcoming: summaries(db, upcoming).await?,
        past: summaries(db, past).await?,
    })
}

async fn summaries(
    db: &impl ConnectionTrait,
    sessions: Vec<training_sessions::Model>,
) -> Result<Vec<TrainingSummary>, AppError> {
    let ids: Vec<i32> = sessions.iter().map(|s| s.id).collect();
    let mut counts: HashMap<i32, (u32, u32)> = HashMap::new();
    for seat in training_attendance::Entity::find()
        .filter(training_attendance::Column::TrainingSessionId.is_in(ids))
        .all(db)
        .await
        .map_err(db_internal("training seats"))?
    {
        let count = counts.entry(seat.training_session_id).or_default();
        count.0 += 1;
        count.1 += u32::from(seat.attended == Some(true));
    }
    Ok(sessions
        .into_iter()
        .map(|s| {
            let (registered, attended) = counts.get(&s.id).copied().unwrap_or_default();
            summary(s, registered, attended)
        })
        .collect())
}

fn summary(s: training_sessions::Model, registered: u32, attended: u32) -> TrainingSummary {
    TrainingSummary {
        id: s.id,
        city_id: s.city_id,
        title: s.title,
        starts_at: s.starts_at,
        location: s.location,
        capacity: s.capacity,
        registered,
        attended,
    }
}

/// One session of the caller's cities, who is registered, and who could still be.
pub async fn detail(
    db: &DatabaseConnection,
    user: &SessionUser,
    id: i32,
    now: DateTime<Utc>,
) -> Result<TrainingDetail, AppError> {
    let session = seats::session_in_scope(db, user, id).await?;
    let city = queries::cities(db, Some(&[session.city_id]))
        .await
        .map_err(db_internal("training city"))?
        .into_iter()
        .next()
        .ok_or(AppError::NotFound)?;
    let seats = training_attendance::Entity::find()
        .filter(training_attendance::Column::TrainingSessionId.eq(id))
        .find_also_related(mentors::Entity)
        .all(db)
        .await
        .map_err(db_internal("training participants"))?;
    let mut participants: Vec<Participant> = seats
        .iter()
        .filter_map(|(seat, mentor)| {
            mentor.as_ref().map(|m| Participant {
                mentor_id: m.id,
                name: format!("{} {}", m.first_name, m.last_name),
                attended: seat.attended,
            })
        })
        .collect();
    participants.sort_by(|a, b| a.name.cmp(&b.name).then(a.mentor_id.cmp(&b.mentor_id)));
    let taken: Vec<i32> = participants.iter().map(|p| p.mentor_id).collect();
    let registrable = mentors::Entity::find()
        .filter(mentors::Column::CityId.eq(session.city_id))
        .filter(mentors::Column::Status.is_in([
            MentorStatus::IntakeDone.as_str(),
            MentorStatus::InTraining.as_str(),
        ]))
        .filter(mentors::Column::Id.is_not_in(taken))
        .order_by_asc(mentors::Column::LastName)
        .order_by_asc(mentors::Column::FirstName)
        .order_by_asc(mentors::Column::Id)
        .all(db)
        .await
        .map_err(db_internal("registrable mentors"))?
        .into_iter()
        .map(|m| Registrable {
            mentor_id: m.id,
            name: format!("{} {}", m.first_name, m.last_name),
            status: m.status,
        })
        .collect();
    let attended = participants
        .iter()
        .filter(|p| p.attended == Some(true))
        .count();
    let registered = participants.len();
    let started = session.starts_at <= now;
    Ok(TrainingDetail {
        session: summary(session, registered as u32, attended as u32),
        city,
        started,
        participants,
        registrable,
    })
}
