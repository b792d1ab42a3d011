//! Rows every person has, mentor or mentee: status history, weekly slots,
//! languages, sectors, the intake interview, and consent records that keep
//! the SHA-256 of the exact text agreed to.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::NotSet, DbErr, IntoActiveModel, Set};

use app::db::entities::{
    availability_slots, consents, intake_interviews, mentee_languages, mentee_sectors,
    mentee_status_changes, mentor_languages, mentor_sectors, mentor_status_changes,
};
use app::domain::consent::{ConsentChannel, ConsentPurpose};
use app::domain::intake::IntakeRecommendation;
use app::domain::locale::Locale;

use super::city_profile::PROFILES;
use super::insert::Rows;
use super::refs::Refs;
use super::rng::Rng;
use super::text_people::{CONSENT_TEXTS, MENTEE_INTAKE_NOTES, MENTOR_INTAKE_NOTES, Tr, tr};
use super::world::Person;
use sha2::{Digest, Sha256};

/// Who a status history or consent belongs to.
#[derive(Clone, Copy)]
pub enum Owner {
    Mentor(i32),
    Mentee(i32),
}

pub fn consent(
    owner: Owner,
    purpose: ConsentPurpose,
    channel: ConsentChannel,
    locale: Locale,
    by: Option<i32>,
    at: DateTime<Utc>,
) -> consents::ActiveModel {
    let text = CONSENT_TEXTS
        .iter()
        .find(|(p, _)| *p == purpose.as_str())
        .map_or("", |(_, t)| tr(t, locale));
    let (mentor_id, mentee_id) = match owner {
        Owner::Mentor(id) => (Some(id), None),
        Owner::Mentee(id) => (None, Some(id)),
    };
    consents::ActiveModel {
        id: NotSet,
        mentor_id: Set(mentor_id),
        mentee_id: Set(mentee_id),
        user_id: Set(None),
        purpose: Set(purpose.as_str().to_owned()),
        text_version: Set("2026-01".to_owned()),
        text_hash: Set(hex::encode(Sha256::digest(text.as_bytes()))),
        channel: Set(channel.as_str().to_owned()),
        recorded_by: Set(by),
        given_at: Set(at),
        withdrawn_at: Set(None),
    }
}

/// Profile, history and intake rows every person has.
pub fn common(
    person: &Person,
    owner: Owner,
    refs: &Refs,
    rows: &mut Rows,
    rng: &mut Rng,
) -> Result<(), DbErr> {
    let mut from: Option<&str> = None;
    for event in &person.history {
        let from_status = from.map(str::to_owned);
        let (to, reason) = (event.status.to_owned(), event.reason.map(str::to_owned));
        match owner {
            Owner::Mentor(id) => rows
                .mentor_changes
                .push(mentor_status_changes::ActiveModel {
                    id: NotSet,
                    mentor_id: Set(id),
                    from_status: Set(from_status),
                    to_status: Set(to),
                    reason: Set(reason),
                    note: Set(None),
                    changed_by: Set(event.by),
                    changed_at: Set(event.at),
                }),
            Owner::Mentee(id) => rows
                .mentee_changes
                .push(mentee_status_changes::ActiveModel {
                    id: NotSet,
                    mentee_id: Set(id),
                    from_status: Set(from_status),
                    to_status: Set(to),
                    reason: Set(reason),
                    note: Set(None),
                    changed_by: Set(event.by),
                    changed_at: Set(event.at),
                }),
        }
        from = Some(event.status);
    }
    let (mentor_id, mentee_id) = match owner {
        Owner::Mentor(id) => (Some(id), None),
        Owner::Mentee(id) => (None, Some(id)),
    };
    for &(weekday, part) in &person.slots {
        rows.slots.push(availability_slots::ActiveModel {
            id: NotSet,
            mentor_id: Set(mentor_id),
            mentee_id: Set(mentee_id),
            weekday: Set(weekday),
            day_part: Set(part.as_str().to_owned()),
        });
    }
    for &(code, level) in &person.languages {
        let language_id = refs.language(code)?;
        let level = level.as_str().to_owned();
        match owner {
            Owner::Mentor(id) => rows.mentor_languages.push(
                mentor_languages::Model {
                    mentor_id: id,
                    language_id,
                    level,
                }
                .into_active_model(),
            ),
            Owner::Mentee(id) => rows.mentee_languages.push(
                mentee_languages::Model {
                    mentee_id: id,
                    language_id,
                    level,
                }
                .into_active_model(),
            ),
        }
    }
    for &(sector, years) in &person.sectors {
        let sector_id = refs.sectors[sector];
        match owner {
            Owner::Mentor(id) => rows.mentor_sectors.push(
                mentor_sectors::Model {
                    mentor_id: id,
                    sector_id,
                    years_experience: years,
                }
                .into_active_model(),
            ),
            Owner::Mentee(id) => rows.mentee_sectors.push(
                mentee_sectors::Model {
                    mentee_id: id,
                    sector_id,
                }
                .into_active_model(),
            ),
        }
    }
    if let Some(intake) = &person.intake {
        let done = intake.done_at.is_some();
        let weak = intake.recommendation == Some(IntakeRecommendation::NotSuitable);
        let mut score = |lo: i64| {
            (done).then(|| rng.range(if weak { 1 } else { lo }, if weak { 3 } else { 5 }) as i32)
        };
        let (motivation, communication, availability) = (score(3), score(3), score(2));
        let sector_knowledge = score(2);
        let notes: &[Tr] = if mentor_id.is_some() {
            MENTOR_INTAKE_NOTES
        } else {
            MENTEE_INTAKE_NOTES
        };
        let note =
            done.then(|| tr(rng.pick(notes), PROFILES[person.city].office_locale).to_owned());
        rows.intakes.push(intake_interviews::ActiveModel {
            id: NotSet,
            mentor_id: Set(mentor_id),
            mentee_id: Set(mentee_id),
            interviewer_id: Set(Some(person.coordinator)),
            scheduled_at: Set(intake.scheduled_at),
            done_at: Set(intake.done_at),
            motivation_score: Set(motivation),
            communication_score: Set(communication),
            availability_score: Set(availability),
            sector_knowledge_score: Set(sector_knowledge),
            place: Set(Some(PROFILES[person.city].office.to_owned())),
            recommendation: Set(intake.recommendation.map(|r| r.as_str().to_owned())),
            notes: Set(note),
        });
    }
    Ok(())
}
