//! Referral links: made by a coordinator for a partner organisation and one city, opened by
//! the partner to register young people. Only the token's hash is stored.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
};

use super::service::scope;
use super::types::{
    CreatedReferralLink, NewReferralLink, ReferralLinkRow, ReferralLinks, ReferralPage,
    ReferredMentee,
};
use crate::db::entities::{mentee_referrals, mentees, referral_links};
use crate::domain::mentee::MenteeStatus;
use crate::domain::text::ShortText;
use crate::error::{AppError, ErrorCode, FieldError};
use crate::features::auth::SessionUser;
use crate::features::auth::guard::ensure_city;
use crate::features::auth::service::{new_token, token_hash};
use crate::features::reference::queries;
use crate::platform::audit;
use crate::platform::database::begin_write;
use crate::platform::errors::db_internal;

const PARTNER_MAX: usize = 120;
const DAYS_MAX: i64 = 365;

fn parse(input: &NewReferralLink) -> Result<(i32, ShortText, i64), AppError> {
    let mut errors: Vec<FieldError> = Vec::new();
    let city = input.city_id.trim().parse::<i32>().ok();
    if city.is_none() {
        errors.push(ErrorCode::Required.at("city_id"));
    }
    let partner = ShortText::parse(&input.partner_name, PARTNER_MAX)
        .map_err(|code| errors.push(code.at("partner_name")))
        .ok();
    let days = input
        .days
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|d| (1..=DAYS_MAX).contains(d));
    if days.is_none() {
        errors.push(
            ErrorCode::OutOfRange {
                min: 1,
                max: DAYS_MAX,
            }
            .at("days"),
        );
    }
    match (city, partner, days) {
        (Some(city), Some(partner), Some(days)) => Ok((city, partner, days)),
        _ => Err(AppError::Validation(errors)),
    }
}

pub async fn create(
    db: &DatabaseConnection,
    public_url: &str,
    user: &SessionUser,
    input: NewReferralLink,
    now: DateTime<Utc>,
) -> Result<CreatedReferralLink, AppError> {
    let (city_id, partner, days) = parse(&input)?;
    ensure_city(user, city_id).map_err(|_| AppError::field("city_id", ErrorCode::InvalidChoice))?;
    let (token, hash) = new_token();
    let tx = begin_write(db)
        .await
        .map_err(db_internal("begin referral link"))?;
    let link = referral_links::ActiveModel {
        city_id: Set(city_id),
        partner_name: Set(partner.as_str().to_owned()),
        token_hash: Set(hash),
        created_by: Set(Some(user.user_id)),
        created_at: Set(now),
        expires_at: Set(now + Duration::days(days)),
        revoked_at: Set(None),
        ..Default::default()
    }
    .insert(&tx)
    .await
    .map_err(db_internal("insert referral link"))?;
    audit::record(
        &tx,
        Some(user.user_id),
        "create_referral_link",
        "referral_link",
        Some(link.id),
    )
    .await
    .map_err(db_internal("audit referral link"))?;
    tx.commit()
        .await
        .map_err(db_internal("commit referral link"))?;
    Ok(CreatedReferralLink {
        id: link.id,
        url: format!("{}/refer/{token}", public_url.trim_end_matches('/')),
    })
}

pub async fn list(db: &DatabaseConnection, user: &SessionUser) -> Result<ReferralLinks, AppError> {
    let cities = queries::cities(db, scope(user))
        .await
        .map_err(db_internal("cities"))?;
    let city_ids: Vec<i32> = cities.iter().map(|c| c.id).collect();
    let links = referral_links::Entity::find()
        .filter(referral_links::Column::CityId.is_in(city_ids.clone()))
        .order_by_desc(referral_links::Column::CreatedAt)
        .order_by_desc(referral_links::Column::Id)
        .all(db)
        .await
        .map_err(db_internal("referral links"))?;
    let partner: HashMap<i32, String> = links
        .iter()
        .map(|l| (l.id, l.partner_name.clone()))
        .collect();
    let referred = mentee_referrals::Entity::find()
        .filter(mentee_referrals::Column::ReferralLinkId.is_in(partner.keys().copied()))
        .find_also_related(mentees::Entity)
        .all(db)
        .await
        .map_err(db_internal("referred mentees"))?;
    let mut registered: HashMap<i32, u32> = HashMap::new();
    let mut to_review = Vec::new();
    for (referral, mentee) in referred {
        *registered.entry(referral.referral_link_id).or_default() += 1;
        if let Some(m) = mentee.filter(|m| m.status == MenteeStatus::Registered.as_str()) {
            to_review.push(ReferredMentee {
                mentee_id: m.id,
                name: format!("{} {}", m.first_name, m.last_name),
                partner_name: partner
                    .get(&referral.referral_link_id)
                    .cloned()
                    .unwrap_or_default(),
                registered_at: m.created_at,
            });
        }
    }
    to_review.sort_by_key(|m| (m.registered_at, m.mentee_id));
    Ok(ReferralLinks {
        cities,
        links: links
            .into_iter()
            .map(|l| ReferralLinkRow {
                registered: registered.get(&l.id).copied().unwrap_or_default(),
                id: l.id,
                city_id: l.city_id,
                partner_name: l.partner_name,
                created_at: l.created_at,
                expires_at: l.expires_at,
                revoked: l.revoked_at.is_some(),
            })
            .collect(),
        to_review,
    })
}

/// Ends a link at once; what was registered through it stays.
pub async fn revoke(
    db: &DatabaseConnection,
    user: &SessionUser,
    id: i32,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let tx = begin_write(db)
        .await
        .map_err(db_internal("begin revoke link"))?;
    let link = referral_links::Entity::find_by_id(id)
        .one(&tx)
        .await
        .map_err(db_internal("load referral link"))?
        .ok_or(AppError::NotFound)?;
    ensure_city(user, link.city_id)?;
    referral_links::Entity::update_many()
        .col_expr(referral_links::Column::RevokedAt, Expr::value(now))
        .filter(referral_links::Column::Id.eq(id))
        .filter(referral_links::Column::RevokedAt.is_null())
        .exec(&tx)
        .await
        .map_err(db_internal("revoke referral link"))?;
    audit::record(
        &tx,
        Some(user.user_id),
        "revoke_referral_link",
        "referral_link",
        Some(id),
    )
    .await
    .map_err(db_internal("audit revoke link"))?;
    tx.commit().await.map_err(db_internal("commit revoke link"))
}

/// The link behind `token`, if it is still valid. Unknown, expired and revoked links look the
/// same from outside.
pub async fn valid_link(
    conn: &impl sea_orm::ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<referral_links::Model, AppError> {
    referral_links::Entity::find()
        .filter(referral_links::Column::TokenHash.eq(token_hash(token.trim())))
        .filter(referral_links::Column::RevokedAt.is_null())
        .filter(referral_links::Column::ExpiresAt.gt(now))
        .one(conn)
        .await
        .map_err(db_internal("find referral link"))?
        .ok_or(AppError::NotFound)
}

pub async fn page(
    db: &DatabaseConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<ReferralPage, AppError> {
    let link = valid_link(db, token, now).await?;
    let city = queries::cities(db, Some(&[link.city_id]))
        .await
        .map_err(db_internal("referral city"))?
        .pop()
        .ok_or(AppError::NotFound)?;
    Ok(ReferralPage {
        partner_name: link.partner_name,
        city,
        sectors: queries::sectors(db).await.map_err(db_internal("sectors"))?,
        languages: queries::languages(db)
            .await
            .map_err(db_internal("languages"))?,
    })
}
