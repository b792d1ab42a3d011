//! Taking in a public mentor application against the database.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set, SqlErr,
};

use super::mail;
use super::types::{ApplicationPage, ApplyOutcome, CONFIRM_PATH, Draft, DraftOutcome};
use crate::db::entities::{
    application_drafts, availability_slots, mentor_languages, mentor_sectors,
    mentor_status_changes, mentors,
};
use crate::domain::application::{Answers, MentorApplication, field};
use crate::domain::consent::{ConsentChannel, ConsentPurpose};
use crate::domain::mentor::MentorStatus;
use crate::error::{AppError, ErrorCode, FieldError};
use crate::features::auth::service::{new_token, token_hash};
use crate::features::reference::{Named, queries};
use crate::platform::audit;
use crate::platform::consent;
use crate::platform::database::begin_write;
use crate::platform::errors::{db_internal, internal};
use crate::platform::outbox;
use crate::platform::rate_limit::{self, Limit};
use crate::platform::state::AppState;

/// How long the answers of a refused plain form post are kept for the browser to show again.
const DRAFT_TTL: Duration = Duration::hours(1);

pub async fn page(
    db: &DatabaseConnection,
    draft_token: Option<&str>,
    now: DateTime<Utc>,
) -> Result<ApplicationPage, AppError> {
    let draft = match draft_token {
        Some(token) => load_draft(db, token, now).await?,
        None => None,
    };
    Ok(ApplicationPage {
        cities: queries::cities(db, None)
            .await
            .map_err(db_internal("cities"))?,
        sectors: queries::sectors(db).await.map_err(db_internal("sectors"))?,
        languages: queries::languages(db)
            .await
            .map_err(db_internal("languages"))?,
        draft,
    })
}

/// Checks and records an application. The answer for a known address, or for a bot that
/// filled in the honeypot, is `Received` like any other, and nothing new is stored.
pub async fn apply(
    state: &AppState,
    client_ip: &str,
    answers: Answers,
    now: DateTime<Utc>,
) -> Result<ApplyOutcome, AppError> {
    let limit = Limit {
        hits: state.settings.applications_per_hour,
        window: Duration::hours(1),
    };
    let bucket = format!("apply:ip:{}", state.settings.secret.pseudonym(client_ip));
    if !rate_limit::allow(&state.db, &bucket, limit, now)
        .await
        .map_err(db_internal("rate limit"))?
    {
        return Err(AppError::RateLimited);
    }
    if answers.is_bot() {
        tracing::info!("application with the honeypot filled in: ignored");
        return Ok(ApplyOutcome::Received);
    }
    let application =
        MentorApplication::parse(&answers, now.date_naive()).map_err(AppError::Validation)?;
    let reasons = application.eligibility(now.date_naive());
    if !reasons.is_empty() {
        return Ok(ApplyOutcome::Ineligible(reasons));
    }
    check_choices(&state.db, &application).await?;
    let tx = begin_write(&state.db)
        .await
        .map_err(db_internal("begin application"))?;
    let known = mentors::Entity::find()
        .filter(mentors::Column::Email.eq(application.email.as_str()))
        .one(&tx)
        .await
        .map_err(db_internal("find mentor by e-mail"))?;
    if let Some(mentor) = known {
        outbox::enqueue(&tx, mail::already_applied(&application, &mentor))
            .await
            .map_err(db_internal("enqueue already-applied mail"))?;
        tx.commit()
            .await
            .map_err(db_internal("commit already applied"))?;
        return Ok(ApplyOutcome::Received);
    }
    // The address is confirmed through a link in the e-mail; the link's token is kept hashed.
    let (token, hash) = new_token();
    let mentor_id = match insert_mentor(&tx, &application, &hash, now).await {
        Ok(id) => id,
        // The same address submitted twice at the same moment: the other one is recorded.
        Err(err) if matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            return Ok(ApplyOutcome::Received);
        }
        Err(err) => return Err(db_internal("insert mentor")(err)),
    };
    record_profile(&tx, mentor_id, &application, now)
        .await
        .map_err(db_internal("record application profile"))?;
    let confirm_link = format!("{}{CONFIRM_PATH}?token={token}", state.settings.public_url);
    outbox::enqueue(&tx, mail::application_received(&application, &confirm_link))
        .await
        .map_err(db_internal("enqueue application mail"))?;
    audit::record(&tx, None, "apply", "mentor", Some(mentor_id))
        .await
        .map_err(db_internal("audit application"))?;
    tx.commit()
        .await
        .map_err(db_internal("commit application"))?;
    Ok(ApplyOutcome::Received)
}

/// The city, sectors and languages must be ones the programme offers.
async fn check_choices(
    db: &DatabaseConnection,
    application: &MentorApplication,
) -> Result<(), AppError> {
    let ids = |list: Vec<Named>| list.into_iter().map(|n| n.id).collect::<Vec<_>>();
    let cities = ids(queries::cities(db, None)
        .await
        .map_err(db_internal("cities"))?);
    let sectors = ids(queries::sectors(db).await.map_err(db_internal("sectors"))?);
    let languages = ids(queries::languages(db)
        .await
        .map_err(db_internal("languages"))?);
    let mut errors: Vec<FieldError> = Vec::new();
    if !cities.contains(&application.city_id) {
        errors.push(ErrorCode::InvalidChoice.at(field::CITY));
    }
    for sector in &application.sectors {
        if !sectors.contains(&sector.sector_id) {
            errors.push(ErrorCode::InvalidChoice.at(format!(
                "{}{}",
                field::YEARS_PREFIX,
                sector.sector_id
            )));
        }
    }
    if application
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

async fn insert_mentor(
    conn: &impl ConnectionTrait,
    application: &MentorApplication,
    confirm_token_hash: &str,
    now: DateTime<Utc>,
) -> Result<i32, sea_orm::DbErr> {
    let mentor = mentors::ActiveModel {
        user_id: Set(None),
        first_name: Set(application.first_name.as_str().to_owned()),
        last_name: Set(application.last_name.as_str().to_owned()),
        email: Set(application.email.as_str().to_owned()),
        phone: Set(Some(application.phone.as_str().to_owned())),
        birth_year: Set(application.birth_year),
        postcode: Set(i32::from(application.postcode.get())),
        city_id: Set(application.city_id),
        locale: Set(application.locale.as_str().to_owned()),
        status: Set(MentorStatus::Applied.as_str().to_owned()),
        status_reason: Set(None),
        status_changed_at: Set(now),
        motivation: Set(Some(application.motivation.as_str().to_owned())),
        heard_from: Set(Some(application.heard_from.as_str().to_owned())),
        completed_duos: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
        email_confirmed_at: Set(None),
        confirm_token_hash: Set(Some(confirm_token_hash.to_owned())),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(mentor.id)
}

async fn record_profile(
    conn: &impl ConnectionTrait,
    mentor_id: i32,
    application: &MentorApplication,
    now: DateTime<Utc>,
) -> Result<(), sea_orm::DbErr> {
    for sector in &application.sectors {
        mentor_sectors::ActiveModel {
            mentor_id: Set(mentor_id),
            sector_id: Set(sector.sector_id),
            years_experience: Set(i32::try_from(sector.years).unwrap_or(i32::MAX)),
        }
        .insert(conn)
        .await?;
    }
    for language in &application.languages {
        mentor_languages::ActiveModel {
            mentor_id: Set(mentor_id),
            language_id: Set(language.language_id),
            level: Set(language.level.as_str().to_owned()),
        }
        .insert(conn)
        .await?;
    }
    for slot in application.slots.iter() {
        availability_slots::ActiveModel {
            mentor_id: Set(Some(mentor_id)),
            mentee_id: Set(None),
            weekday: Set(slot.weekday as i32),
            day_part: Set(slot.part.as_str().to_owned()),
            ..Default::default()
        }
        .insert(conn)
        .await?;
    }
    mentor_status_changes::ActiveModel {
        mentor_id: Set(mentor_id),
        from_status: Set(None),
        to_status: Set(MentorStatus::Applied.as_str().to_owned()),
        reason: Set(None),
        note: Set(None),
        changed_by: Set(None),
        changed_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    let given = consent::Given {
        purpose: ConsentPurpose::Programme,
        channel: ConsentChannel::WebForm,
        recorded_by: None,
        locale: application.locale,
        at: now,
    };
    consent::record(conn, consent::Subject::Mentor(mentor_id), given).await
}

/// Keeps the answers of a refused plain form post and returns the token that shows them again.
/// Expired drafts are removed on the way.
pub async fn save_draft(
    db: &DatabaseConnection,
    answers: &Answers,
    outcome: &DraftOutcome,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let (token, hash) = new_token();
    let answers =
        serde_json::to_string(&answers.draft()).map_err(|e| internal("draft answers", &e))?;
    let outcome = serde_json::to_string(outcome).map_err(|e| internal("draft outcome", &e))?;
    let tx = begin_write(db).await.map_err(db_internal("begin draft"))?;
    application_drafts::Entity::delete_many()
        .filter(application_drafts::Column::ExpiresAt.lte(now))
        .exec(&tx)
        .await
        .map_err(db_internal("purge drafts"))?;
    application_drafts::ActiveModel {
        token_hash: Set(hash),
        answers: Set(answers),
        outcome: Set(outcome),
        created_at: Set(now),
        expires_at: Set(now + DRAFT_TTL),
    }
    .insert(&tx)
    .await
    .map_err(db_internal("insert draft"))?;
    tx.commit().await.map_err(db_internal("commit draft"))?;
    Ok(token)
}

async fn load_draft(
    db: &DatabaseConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<Draft>, AppError> {
    let Some(row) = application_drafts::Entity::find_by_id(token_hash(token))
        .filter(application_drafts::Column::ExpiresAt.gt(now))
        .one(db)
        .await
        .map_err(db_internal("load draft"))?
    else {
        return Ok(None);
    };
    let answers = serde_json::from_str(&row.answers).unwrap_or_default();
    let Ok(outcome) = serde_json::from_str(&row.outcome) else {
        return Ok(None);
    };
    Ok(Some(Draft { answers, outcome }))
}

/// The applicant confirms their address with the link of the e-mail. A link works once; an
/// unknown or used one, or one whose sign-up was removed, is `NotFound`.
pub async fn confirm(
    db: &DatabaseConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let tx = begin_write(db)
        .await
        .map_err(db_internal("begin confirmation"))?;
    let hash = token_hash(token.trim());
    let Some(mentor) = mentors::Entity::find()
        .filter(mentors::Column::ConfirmTokenHash.eq(hash.as_str()))
        .one(&tx)
        .await
        .map_err(db_internal("find sign-up"))?
    else {
        return Err(AppError::NotFound);
    };
    // Only while the link is unspent: the retention job may have deleted the sign-up meanwhile.
    let confirmed = mentors::Entity::update_many()
        .col_expr(mentors::Column::EmailConfirmedAt, Expr::value(Some(now)))
        .col_expr(
            mentors::Column::ConfirmTokenHash,
            Expr::value(Option::<String>::None),
        )
        .filter(mentors::Column::Id.eq(mentor.id))
        .filter(mentors::Column::ConfirmTokenHash.eq(hash.as_str()))
        .exec(&tx)
        .await
        .map_err(db_internal("confirm sign-up"))?;
    if confirmed.rows_affected != 1 {
        return Err(AppError::NotFound);
    }
    audit::record(&tx, None, "confirm_email", "mentor", Some(mentor.id))
        .await
        .map_err(db_internal("audit confirmation"))?;
    tx.commit()
        .await
        .map_err(db_internal("commit confirmation"))
}
