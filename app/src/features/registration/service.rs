//! A mentee's registration against the database, by a coordinator or through a partner's
//! referral link: checked with the domain's parse, then written in one transaction by `store`.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};

use super::links::valid_link;
use super::store::{Recorder, store};
use super::types::{Registered, RegistrationPage};
use crate::db::entities::{mentee_referrals, mentees};
use crate::domain::application::Answers;
use crate::domain::consent::ConsentChannel;
use crate::domain::mentee::MenteeStatus;
use crate::domain::registration::{MenteeRegistration, field};
use crate::domain::role::Role;
use crate::error::{AppError, ConflictCode, ErrorCode, FieldError};
use crate::features::auth::SessionUser;
use crate::features::reference::{Named, queries};
use crate::platform::audit;
use crate::platform::database::begin_write;
use crate::platform::errors::db_internal;
use crate::platform::rate_limit::{self, Limit};
use crate::platform::state::AppState;

/// The caller's cities, or `None` for staff who see every city.
pub(super) fn scope(user: &SessionUser) -> Option<&[i32]> {
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

/// A coordinator registers a mentee in one of their cities. A known e-mail address is a
/// conflict that names the existing record: staff may know who is registered.
pub async fn register(
    db: &DatabaseConnection,
    user: &SessionUser,
    answers: Answers,
    now: DateTime<Utc>,
) -> Result<Registered, AppError> {
    let registration =
        MenteeRegistration::parse(&answers, now.date_naive()).map_err(AppError::Validation)?;
    check_choices(db, scope(user), &registration).await?;
    let tx = begin_write(db)
        .await
        .map_err(db_internal("begin register mentee"))?;
    if let Some(known) = known_mentee(&tx, &registration).await? {
        return Err(AppError::Conflict(ConflictCode::MenteeKnown {
            mentee_id: known,
        }));
    }
    let by = Recorder {
        user_id: Some(user.user_id),
        channel: ConsentChannel::Coordinator,
    };
    let mentee_id = store(&tx, &registration, &by, now).await?;
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

/// A partner registers a young person through a referral link, for the link's city. The
/// partner records no special-category data: the coordinator asks at the intake, if needed.
/// A known address gets the same answer and no second record, so the link cannot be used to
/// find out who is registered.
pub async fn register_by_referral(
    state: &AppState,
    client_ip: &str,
    token: &str,
    answers: Answers,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let limit = Limit {
        hits: state.settings.applications_per_hour,
        window: Duration::hours(1),
    };
    if !rate_limit::allow(
        &state.db,
        &format!("referral:ip:{}", state.settings.secret.pseudonym(client_ip)),
        limit,
        now,
    )
    .await
    .map_err(db_internal("rate limit"))?
    {
        return Err(AppError::RateLimited);
    }
    let link = valid_link(&state.db, token, now).await?;
    if answers.is_bot() {
        tracing::info!("referral with the honeypot filled in: ignored");
        return Ok(());
    }
    let answers = for_link(answers, link.city_id);
    let mut registration =
        MenteeRegistration::parse(&answers, now.date_naive()).map_err(AppError::Validation)?;
    if registration.referred_by.is_none() {
        registration.referred_by =
            crate::domain::text::ShortText::parse(&link.partner_name, 200).ok();
    }
    check_choices(&state.db, Some(&[link.city_id]), &registration).await?;
    let tx = begin_write(&state.db)
        .await
        .map_err(db_internal("begin referral"))?;
    if known_mentee(&tx, &registration).await?.is_some() {
        tracing::info!(
            link = link.id,
            "referral of a known address: nothing new stored"
        );
        return Ok(());
    }
    let by = Recorder {
        user_id: None,
        channel: ConsentChannel::Referral,
    };
    let mentee_id = store(&tx, &registration, &by, now).await?;
    mentee_referrals::ActiveModel {
        mentee_id: Set(mentee_id),
        referral_link_id: Set(link.id),
    }
    .insert(&tx)
    .await
    .map_err(db_internal("record referral"))?;
    audit::record(&tx, None, "register_by_referral", "mentee", Some(mentee_id))
        .await
        .map_err(db_internal("audit referral"))?;
    tx.commit().await.map_err(db_internal("commit referral"))
}

/// The answers as the link allows them: its city, and no special-category answer.
fn for_link(answers: Answers, city_id: i32) -> Answers {
    let mut pairs: Vec<(String, String)> = answers
        .0
        .into_iter()
        .filter(|(key, _)| {
            ![
                field::CITY,
                field::MIGRANT_BACKGROUND,
                field::SPECIAL_CONSENT,
            ]
            .contains(&key.as_str())
        })
        .collect();
    pairs.push((field::CITY.to_owned(), city_id.to_string()));
    Answers(pairs)
}

/// A mentee still in the programme with the same e-mail address.
async fn known_mentee(
    conn: &impl ConnectionTrait,
    registration: &MenteeRegistration,
) -> Result<Option<i32>, AppError> {
    let Some(email) = &registration.email else {
        return Ok(None);
    };
    Ok(mentees::Entity::find()
        .filter(mentees::Column::Email.eq(email.as_str()))
        .filter(mentees::Column::Status.ne(MenteeStatus::Withdrawn.as_str()))
        .one(conn)
        .await
        .map_err(db_internal("find mentee by e-mail"))?
        .map(|m| m.id))
}

/// The city must be one of `cities`, the sectors and languages ones the platform knows.
async fn check_choices(
    db: &DatabaseConnection,
    cities: Option<&[i32]>,
    registration: &MenteeRegistration,
) -> Result<(), AppError> {
    let ids = |list: Vec<Named>| list.into_iter().map(|n| n.id).collect::<Vec<_>>();
    let cities = ids(queries::cities(db, cities)
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
