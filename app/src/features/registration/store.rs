//! Writing a registration: the mentee, their goal sectors, languages and slots, the first
//! history line and the consents given, in the caller's transaction.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};

use crate::db::entities::{
    availability_slots, mentee_languages, mentee_sectors, mentee_status_changes, mentees,
};
use crate::domain::consent::{ConsentChannel, ConsentPurpose};
use crate::domain::mentee::MenteeStatus;
use crate::domain::registration::MenteeRegistration;
use crate::error::AppError;
use crate::platform::consent::{self, Given, Subject};
use crate::platform::errors::db_internal;

/// Who records a registration, and how the young person's consent reached the platform.
pub struct Recorder {
    /// The coordinator; `None` for a partner's referral link.
    pub user_id: Option<i32>,
    pub channel: ConsentChannel,
}

pub async fn store(
    conn: &impl ConnectionTrait,
    registration: &MenteeRegistration,
    by: &Recorder,
    now: DateTime<Utc>,
) -> Result<i32, AppError> {
    let mentee_id = insert(conn, by.user_id, registration, now)
        .await
        .map_err(db_internal("insert mentee"))?;
    record_profile(conn, mentee_id, registration)
        .await
        .map_err(db_internal("mentee profile"))?;
    let mut purposes = vec![ConsentPurpose::Programme];
    if registration.migrant_background.is_some() {
        purposes.push(ConsentPurpose::SpecialCategory);
    }
    for purpose in purposes {
        let given = Given {
            purpose,
            channel: by.channel,
            recorded_by: by.user_id,
            locale: registration.locale,
            at: now,
        };
        consent::record(conn, Subject::Mentee(mentee_id), given)
            .await
            .map_err(db_internal("record mentee consent"))?;
    }
    Ok(mentee_id)
}

async fn insert(
    conn: &impl ConnectionTrait,
    by: Option<i32>,
    r: &MenteeRegistration,
    now: DateTime<Utc>,
) -> Result<i32, sea_orm::DbErr> {
    let mentee = mentees::ActiveModel {
        first_name: Set(r.first_name.as_str().to_owned()),
        last_name: Set(r.last_name.as_str().to_owned()),
        email: Set(r.email.as_ref().map(|e| e.as_str().to_owned())),
        phone: Set(r.phone.as_ref().map(|p| p.as_str().to_owned())),
        birth_year: Set(r.birth_year.year()),
        postcode: Set(i32::from(r.postcode.get())),
        city_id: Set(r.city_id),
        locale: Set(r.locale.as_str().to_owned()),
        status: Set(MenteeStatus::Registered.as_str().to_owned()),
        status_reason: Set(None),
        status_changed_at: Set(now),
        waiting_since: Set(None),
        education_level: Set(r.education.as_str().to_owned()),
        goal: Set(r.goal.as_ref().map(|g| g.as_str().to_owned())),
        referred_by: Set(r.referred_by.as_ref().map(|g| g.as_str().to_owned())),
        migrant_background: Set(r.migrant_background),
        created_by: Set(by),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    mentee_status_changes::ActiveModel {
        mentee_id: Set(mentee.id),
        from_status: Set(None),
        to_status: Set(MenteeStatus::Registered.as_str().to_owned()),
        reason: Set(None),
        note: Set(None),
        changed_by: Set(by),
        changed_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(mentee.id)
}

async fn record_profile(
    conn: &impl ConnectionTrait,
    mentee_id: i32,
    r: &MenteeRegistration,
) -> Result<(), sea_orm::DbErr> {
    for sector_id in &r.goal_sectors {
        mentee_sectors::ActiveModel {
            mentee_id: Set(mentee_id),
            sector_id: Set(*sector_id),
        }
        .insert(conn)
        .await?;
    }
    for language in &r.languages {
        mentee_languages::ActiveModel {
            mentee_id: Set(mentee_id),
            language_id: Set(language.language_id),
            level: Set(language.level.as_str().to_owned()),
        }
        .insert(conn)
        .await?;
    }
    for slot in r.slots.iter() {
        availability_slots::ActiveModel {
            mentor_id: Set(None),
            mentee_id: Set(Some(mentee_id)),
            weekday: Set(slot.weekday as i32),
            day_part: Set(slot.part.as_str().to_owned()),
            ..Default::default()
        }
        .insert(conn)
        .await?;
    }
    Ok(())
}
