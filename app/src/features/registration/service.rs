//! A mentee's registration against the database: one transaction with the person, their goal
//! sectors, languages and slots, the first history line, the consents and an audit entry.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};

use super::types::{Registered, RegistrationPage};
use crate::db::entities::{
    availability_slots, mentee_languages, mentee_sectors, mentee_status_changes, mentees,
};
use crate::domain::application::Answers;
use crate::domain::consent::{ConsentChannel, ConsentPurpose};
use crate::domain::mentee::MenteeStatus;
use crate::domain::registration::{MenteeRegistration, field};
use crate::domain::role::Role;
use crate::error::{AppError, ConflictCode, ErrorCode, FieldError};
use crate::features::auth::SessionUser;
use crate::features::reference::{Named, queries};
use crate::platform::audit;
use crate::platform::consent::{self, Given, Subject};
use crate::platform::database::begin_write;
use crate::platform::errors::db_internal;

fn scope(user: &SessionUser) -> Option<&[i32]> {
    (user.role == Role::Coordinator).then_some(user.city_ids.as_slice())
}

pub async fn page(
    db: &DatabaseConnection,
    user: &SessionUser,
) -> Result<RegistrationPage, AppError> {
    Ok(RegistrationPage {
        cities: queries::cities(db, scope(user))
            .await
            .map_err(db_internal("cities"))?,
        sectors: queries::sectors(db).await.map_err(db_internal("sectors"))?,
        languages: queries::languages(db)
            .await
            .map_err(db_internal("languages"))?,
    })
}

pub async fn register(
    db: &DatabaseConnection,
    user: &SessionUser,
    answers: Answers,
    now: DateTime<Utc>,
) -> Result<Registered, AppError> {
    let registration =
        MenteeRegistration::parse(&answers, now.date_naive()).map_err(AppError::Validation)?;
    check_choices(db, user, &registration).await?;
    let tx = begin_write(db)
        .await
        .map_err(db_internal("begin register mentee"))?;
    if let Some(email) = &registration.email {
        let known = mentees::Entity::find()
            .filter(mentees::Column::Email.eq(email.as_str()))
            .filter(mentees::Column::Status.ne(MenteeStatus::Withdrawn.as_str()))
            .one(&tx)
            .await
            .map_err(db_internal("find mentee by e-mail"))?;
        if let Some(known) = known {
            return Err(AppError::Conflict(ConflictCode::MenteeKnown {
                mentee_id: known.id,
            }));
        }
    }
    let mentee_id = insert(&tx, user, &registration, now)
        .await
        .map_err(db_internal("insert mentee"))?;
    record_profile(&tx, mentee_id, &registration)
        .await
        .map_err(db_internal("mentee profile"))?;
    let mut consents = vec![ConsentPurpose::Programme];
    if registration.migrant_background.is_some() {
        consents.push(ConsentPurpose::SpecialCategory);
    }
    for purpose in consents {
        let given = Given {
            purpose,
            channel: ConsentChannel::Coordinator,
            recorded_by: Some(user.user_id),
            locale: registration.locale,
            at: now,
        };
        consent::record(&tx, Subject::Mentee(mentee_id), given)
            .await
            .map_err(db_internal("record mentee consent"))?;
    }
    audit::record(
        &tx,
        Some(user.user_id),
        "register_mentee",
        "mentee",
        Some(mentee_id),
    )
    .await
    .map_err(db_internal("audit register mentee"))?;
    tx.commit()
        .await
        .map_err(db_internal("commit register mentee"))?;
    Ok(Registered { mentee_id })
}

/// The city must be one of the caller's, the sectors and languages ones the platform knows.
async fn check_choices(
    db: &DatabaseConnection,
    user: &SessionUser,
    registration: &MenteeRegistration,
) -> Result<(), AppError> {
    let ids = |list: Vec<Named>| list.into_iter().map(|n| n.id).collect::<Vec<_>>();
    let cities = ids(queries::cities(db, scope(user))
        .await
        .map_err(db_internal("cities"))?);
    let sectors = ids(queries::sectors(db).await.map_err(db_internal("sectors"))?);
    let languages = ids(queries::languages(db)
        .await
        .map_err(db_internal("languages"))?);
    let mut errors: Vec<FieldError> = Vec::new();
    if !cities.contains(&registration.city_id) {
        errors.push(ErrorCode::InvalidChoice.at(field::CITY));
    }
    if registration
        .goal_sectors
        .iter()
        .any(|id| !sectors.contains(id))
    {
        errors.push(ErrorCode::InvalidChoice.at(field::GOAL_SECTORS));
    }
    if registration
        .languages
        .iter()
        .any(|l| !languages.contains(&l.language_id))
    {
        errors.push(ErrorCode::InvalidChoice.at(field::LANGUAGES));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Validation(errors))
    }
}

async fn insert(
    conn: &impl ConnectionTrait,
    user: &SessionUser,
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
        created_by: Set(Some(user.user_id)),
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
        changed_by: Set(Some(user.user_id)),
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
