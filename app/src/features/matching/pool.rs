//! A city's matching pool as the engine sees it: profiles of its available mentors and waiting
//! mentees, and the context (weights, related sectors, bans), loaded in a few queries.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::sea_query::ExprTrait;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

use crate::db::entities::{
    availability_slots, duos, intake_interviews, match_bans, matching_weights, mentee_languages,
    mentee_musts, mentee_sectors, mentees, mentor_languages, mentor_sectors, mentors, postcodes,
    sector_relations,
};
use crate::domain::availability::{DayPart, Slot, Weekday, WeeklySlots};
use crate::domain::duo::DuoStatus;
use crate::domain::matching::score::{
    Context, IntakeAverage, Location, MenteeProfile, MentorProfile, Must, Weights,
};
use crate::domain::mentee::{MenteeStatus, waiting_days};
use crate::domain::mentor::MentorStatus;
use crate::domain::reference::LanguageLevel;
use crate::error::AppError;
use crate::features::matching::musts::musts_of;
use crate::platform::errors::db_internal;

pub struct Pool {
    pub context: Context,
    pub mentors: Vec<MentorProfile>,
    pub mentees: Vec<MenteeProfile>,
    pub names: HashMap<(bool, i32), String>,
}

impl Pool {
    pub fn mentor_name(&self, id: i32) -> String {
        self.names.get(&(true, id)).cloned().unwrap_or_default()
    }

    pub fn mentee_name(&self, id: i32) -> String {
        self.names.get(&(false, id)).cloned().unwrap_or_default()
    }
}

/// The pool of `city_id`, plus the mentor and mentee in `also` whatever their status, so a
/// person who cannot be matched now can still be told why.
pub async fn load(
    db: &impl ConnectionTrait,
    city_id: i32,
    also: (Option<i32>, Option<i32>),
    today: NaiveDate,
) -> Result<Pool, AppError> {
    let mut mentor_rows = mentors::Entity::find()
        .filter(mentors::Column::CityId.eq(city_id))
        .filter(mentors::Column::Status.eq(MentorStatus::Available.as_str()))
        .all(db)
        .await
        .map_err(db_internal("pool mentors"))?;
    if let Some(id) = also.0.filter(|id| !mentor_rows.iter().any(|m| m.id == *id)) {
        mentor_rows.extend(
            mentors::Entity::find_by_id(id)
                .one(db)
                .await
                .map_err(db_internal("pool mentor"))?,
        );
    }
    let mut mentee_rows = mentees::Entity::find()
        .filter(mentees::Column::CityId.eq(city_id))
        .filter(mentees::Column::Status.eq(MenteeStatus::Waiting.as_str()))
        .all(db)
        .await
        .map_err(db_internal("pool mentees"))?;
    if let Some(id) = also.1.filter(|id| !mentee_rows.iter().any(|m| m.id == *id)) {
        mentee_rows.extend(
            mentees::Entity::find_by_id(id)
                .one(db)
                .await
                .map_err(db_internal("pool mentee"))?,
        );
    }
    build(db, city_id, mentor_rows, mentee_rows, today).await
}

/// Just one mentor and one mentee, with the context of the mentor's city: enough to check a
/// pair's hard constraints and score it, without loading the whole pool.
pub async fn load_pair(
    db: &impl ConnectionTrait,
    mentor: mentors::Model,
    mentee: mentees::Model,
    today: NaiveDate,
) -> Result<Pool, AppError> {
    let city_id = mentor.city_id;
    build(db, city_id, vec![mentor], vec![mentee], today).await
}

/// The engine's profiles of these people, with the context of `city_id`.
async fn build(
    db: &impl ConnectionTrait,
    city_id: i32,
    mentor_rows: Vec<mentors::Model>,
    mentee_rows: Vec<mentees::Model>,
    today: NaiveDate,
) -> Result<Pool, AppError> {
    let mentor_ids: Vec<i32> = mentor_rows.iter().map(|m| m.id).collect();
    let mentee_ids: Vec<i32> = mentee_rows.iter().map(|m| m.id).collect();
    let codes: Vec<i32> = mentor_rows
        .iter()
        .map(|m| m.postcode)
        .chain(mentee_rows.iter().map(|m| m.postcode))
        .collect();
    let places: HashMap<i32, Location> = postcodes::Entity::find()
        .filter(postcodes::Column::Code.is_in(codes))
        .all(db)
        .await
        .map_err(db_internal("pool postcodes"))?
        .into_iter()
        .filter_map(|p| Location::from_degrees(p.latitude, p.longitude).map(|l| (p.code, l)))
        .collect();

    let mut mentor_sectors_of: HashMap<i32, Vec<(i32, u8)>> = HashMap::new();
    for s in mentor_sectors::Entity::find()
        .filter(mentor_sectors::Column::MentorId.is_in(mentor_ids.clone()))
        .all(db)
        .await
        .map_err(db_internal("pool mentor sectors"))?
    {
        let years = u8::try_from(s.years_experience.clamp(0, 255)).unwrap_or(u8::MAX);
        mentor_sectors_of
            .entry(s.mentor_id)
            .or_default()
            .push((s.sector_id, years));
    }
    let mut mentee_sectors_of: HashMap<i32, Vec<i32>> = HashMap::new();
    for s in mentee_sectors::Entity::find()
        .filter(mentee_sectors::Column::MenteeId.is_in(mentee_ids.clone()))
        .all(db)
        .await
        .map_err(db_internal("pool mentee sectors"))?
    {
        mentee_sectors_of
            .entry(s.mentee_id)
            .or_default()
            .push(s.sector_id);
    }
    let mut mentor_languages_of: HashMap<i32, Vec<(i32, LanguageLevel)>> = HashMap::new();
    for l in mentor_languages::Entity::find()
        .filter(mentor_languages::Column::MentorId.is_in(mentor_ids.clone()))
        .all(db)
        .await
        .map_err(db_internal("pool mentor languages"))?
    {
        if let Some(level) = LanguageLevel::parse(&l.level) {
            mentor_languages_of
                .entry(l.mentor_id)
                .or_default()
                .push((l.language_id, level));
        }
    }
    let mut mentee_languages_of: HashMap<i32, Vec<(i32, LanguageLevel)>> = HashMap::new();
    for l in mentee_languages::Entity::find()
        .filter(mentee_languages::Column::MenteeId.is_in(mentee_ids.clone()))
        .all(db)
        .await
        .map_err(db_internal("pool mentee languages"))?
    {
        if let Some(level) = LanguageLevel::parse(&l.level) {
            mentee_languages_of
                .entry(l.mentee_id)
                .or_default()
                .push((l.language_id, level));
        }
    }
    let (mut mentor_slots, mut mentee_slots): (
        HashMap<i32, WeeklySlots>,
        HashMap<i32, WeeklySlots>,
    ) = Default::default();
    for row in availability_slots::Entity::find()
        .filter(
            availability_slots::Column::MentorId
                .is_in(mentor_ids.clone())
                .or(availability_slots::Column::MenteeId.is_in(mentee_ids.clone())),
        )
        .all(db)
        .await
        .map_err(db_internal("pool slots"))?
    {
        let weekday = Weekday::ALL.get(row.weekday as usize).copied();
        let Some(slot) = weekday
            .zip(DayPart::parse(&row.day_part))
            .map(|(d, p)| Slot::new(d, p))
        else {
            continue;
        };
        match (row.mentor_id, row.mentee_id) {
            (Some(id), _) => mentor_slots.entry(id).or_default().insert(slot),
            (_, Some(id)) => mentee_slots.entry(id).or_default().insert(slot),
            _ => {}
        }
    }
    let mut completed: HashMap<i32, u32> = HashMap::new();
    for duo in duos::Entity::find()
        .select_only()
        .column(duos::Column::MentorId)
        .filter(duos::Column::MentorId.is_in(mentor_ids.clone()))
        .filter(duos::Column::Status.eq(DuoStatus::Closed.as_str()))
        .into_tuple::<i32>()
        .all(db)
        .await
        .map_err(db_internal("pool completed duos"))?
    {
        *completed.entry(duo).or_default() += 1;
    }
    let (mut mentor_intake, mut mentee_intake): (HashMap<i32, Vec<u8>>, HashMap<i32, Vec<u8>>) =
        Default::default();
    for i in intake_interviews::Entity::find()
        .filter(intake_interviews::Column::DoneAt.is_not_null())
        .filter(
            intake_interviews::Column::MentorId
                .is_in(mentor_ids.clone())
                .or(intake_interviews::Column::MenteeId.is_in(mentee_ids.clone())),
        )
        .all(db)
        .await
        .map_err(db_internal("pool intakes"))?
    {
        let scores = [
            i.motivation_score,
            i.communication_score,
            i.sector_knowledge_score,
            i.availability_score,
        ]
        .into_iter()
        .flatten()
        .filter_map(|s| u8::try_from(s).ok());
        match (i.mentor_id, i.mentee_id) {
            (Some(id), _) => mentor_intake.entry(id).or_default().extend(scores),
            (_, Some(id)) => mentee_intake.entry(id).or_default().extend(scores),
            _ => {}
        }
    }

    let mut musts: HashMap<i32, Vec<Must>> = mentee_musts::Entity::find()
        .filter(mentee_musts::Column::MenteeId.is_in(mentee_ids.clone()))
        .all(db)
        .await
        .map_err(db_internal("pool musts"))?
        .iter()
        .map(|row| (row.mentee_id, musts_of(row)))
        .collect();

    let mut names = HashMap::new();
    let mentors = mentor_rows
        .into_iter()
        .map(|m| {
            names.insert((true, m.id), format!("{} {}", m.first_name, m.last_name));
            MentorProfile {
                id: m.id,
                city_id: m.city_id,
                available: MentorStatus::parse(&m.status).is_some_and(MentorStatus::is_matchable),
                sectors: mentor_sectors_of.remove(&m.id).unwrap_or_default(),
                languages: mentor_languages_of.remove(&m.id).unwrap_or_default(),
                slots: mentor_slots.remove(&m.id).unwrap_or_default(),
                location: places.get(&m.postcode).copied(),
                // The stored count covers duos from before the platform (imports); closed
                // duos on the platform count too, once.
                completed_duos: std::cmp::max(
                    completed.get(&m.id).copied().unwrap_or_default(),
                    u32::try_from(m.completed_duos).unwrap_or(0),
                ),
                intake: mentor_intake.remove(&m.id).and_then(IntakeAverage::mean),
            }
        })
        .collect();
    let mentees = mentee_rows
        .into_iter()
        .map(|m| {
            names.insert((false, m.id), format!("{} {}", m.first_name, m.last_name));
            MenteeProfile {
                id: m.id,
                city_id: m.city_id,
                waiting: MenteeStatus::parse(&m.status).is_some_and(MenteeStatus::is_matchable),
                goal_sectors: mentee_sectors_of.remove(&m.id).unwrap_or_default(),
                languages: mentee_languages_of.remove(&m.id).unwrap_or_default(),
                slots: mentee_slots.remove(&m.id).unwrap_or_default(),
                location: places.get(&m.postcode).copied(),
                days_waiting: m
                    .waiting_since
                    .map(|since| u32::try_from(waiting_days(since, today)).unwrap_or(0))
                    .unwrap_or(0),
                intake: mentee_intake.remove(&m.id).and_then(IntakeAverage::mean),
                musts: musts.remove(&m.id).unwrap_or_default(),
            }
        })
        .collect();
    Ok(Pool {
        context: context(db, city_id, &mentor_ids).await?,
        mentors,
        mentees,
        names,
    })
}

/// The city's weights (the defaults until an admin sets them), related sectors and bans.
async fn context(
    db: &impl ConnectionTrait,
    city_id: i32,
    mentor_ids: &[i32],
) -> Result<Context, AppError> {
    let weights = matching_weights::Entity::find_by_id(city_id)
        .one(db)
        .await
        .map_err(db_internal("pool weights"))?
        .and_then(|w| {
            Weights::parse(
                [
                    w.sector,
                    w.availability,
                    w.distance,
                    w.language,
                    w.waiting,
                    w.experience,
                    w.intake,
                ]
                .map(i64::from),
            )
            .ok()
        })
        .unwrap_or(Weights::DEFAULT);
    let related = sector_relations::Entity::find()
        .all(db)
        .await
        .map_err(db_internal("pool related sectors"))?
        .into_iter()
        .map(|r| (r.sector_id, r.related_sector_id));
    let bans = match_bans::Entity::find()
        .filter(match_bans::Column::MentorId.is_in(mentor_ids.iter().copied()))
        .all(db)
        .await
        .map_err(db_internal("pool bans"))?
        .into_iter()
        .map(|b| (b.mentor_id, b.mentee_id));
    Ok(Context::new(weights)
        .with_related_sectors(related)
        .with_bans(bans))
}

/// "First Last" of each mentor and mentee asked for, whatever their status, keyed
/// `(is_mentor, id)` as in [`Pool::names`].
pub async fn names(
    db: &impl ConnectionTrait,
    mentor_ids: Vec<i32>,
    mentee_ids: Vec<i32>,
) -> Result<HashMap<(bool, i32), String>, AppError> {
    let mut names = HashMap::new();
    for m in mentors::Entity::find()
        .filter(mentors::Column::Id.is_in(mentor_ids))
        .all(db)
        .await
        .map_err(db_internal("mentor names"))?
    {
        names.insert((true, m.id), format!("{} {}", m.first_name, m.last_name));
    }
    for m in mentees::Entity::find()
        .filter(mentees::Column::Id.is_in(mentee_ids))
        .all(db)
        .await
        .map_err(db_internal("mentee names"))?
    {
        names.insert((false, m.id), format!("{} {}", m.first_name, m.last_name));
    }
    Ok(names)
}
