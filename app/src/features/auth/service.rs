//! Passwords, sessions and magic links, against the database.

use chrono::{Duration, Utc};
use rand::RngCore;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, Set,
};
use sha2::{Digest, Sha256};

use super::types::SessionUser;
use crate::db::entities::{magic_links, mentors, sessions, user_cities, users};
use crate::domain::email::Email;
use crate::domain::locale::Locale;
use crate::domain::role::Role;
use crate::error::AppError;
use crate::platform::errors::db_internal;
use crate::platform::outbox;
use crate::platform::passwords::{DECOY_HASH, verify_password};
use crate::platform::state::Settings;

/// Magic links are valid for 15 minutes and once.
pub const MAGIC_LINK_TTL: Duration = Duration::minutes(15);
/// `last_seen_at` is refreshed at most this often, so reading a page does not
/// cost a write every time.
const TOUCH_EVERY: Duration = Duration::minutes(5);

/// A fresh random token (sent to the browser or by e-mail) and its SHA-256,
/// which is all the database keeps.
pub fn new_token() -> (String, String) {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let token = hex::encode(bytes);
    let hash = token_hash(&token);
    (token, hash)
}

pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// The staff user with this e-mail and password, if both match and the
/// account is active.
pub async fn authenticate(
    db: &DatabaseConnection,
    email: &Email,
    password: String,
) -> Result<Option<users::Model>, AppError> {
    let user = users::Entity::find()
        .filter(users::Column::Email.eq(email.as_str()))
        .one(db)
        .await
        .map_err(db_internal("find user for sign-in"))?;
    let hash = user
        .as_ref()
        .and_then(|u| u.password_hash.clone())
        .unwrap_or_else(|| DECOY_HASH.to_owned());
    let matches = verify_password(hash, password).await;
    Ok(user.filter(|u| matches && u.password_hash.is_some() && u.disabled_at.is_none()))
}

/// Creates a session for `user_id` and returns the token for the cookie. A
/// new token at every sign-in means a session id planted before sign-in is
/// worthless afterwards.
pub async fn start_session(
    conn: &impl ConnectionTrait,
    user_id: i32,
    settings: &Settings,
    user_agent: Option<String>,
) -> Result<String, DbErr> {
    let (token, hash) = new_token();
    let now = Utc::now();
    let lifetime = Duration::from_std(settings.session_lifetime).unwrap_or(Duration::days(30));
    sessions::ActiveModel {
        id: Set(hash),
        user_id: Set(user_id),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(now + lifetime),
        user_agent: Set(user_agent.map(|ua| ua.chars().take(200).collect())),
    }
    .insert(conn)
    .await?;
    users::Entity::update_many()
        .col_expr(users::Column::LastSignInAt, Expr::value(Some(now)))
        .filter(users::Column::Id.eq(user_id))
        .exec(conn)
        .await?;
    Ok(token)
}

pub async fn end_session(db: &DatabaseConnection, token: &str) -> Result<(), DbErr> {
    sessions::Entity::delete_by_id(token_hash(token))
        .exec(db)
        .await?;
    Ok(())
}

/// The user behind a session token, if the session is still valid: not past
/// its absolute expiry, not idle too long, and the user not disabled.
pub async fn resolve_session(
    db: &DatabaseConnection,
    settings: &Settings,
    token: &str,
) -> Result<Option<SessionUser>, DbErr> {
    let hash = token_hash(token);
    let Some((session, Some(user))) = sessions::Entity::find_by_id(hash.clone())
        .find_also_related(users::Entity)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let now = Utc::now();
    let idle = Duration::from_std(settings.session_idle).unwrap_or(Duration::days(3));
    if session.expires_at <= now || session.last_seen_at + idle <= now || user.disabled_at.is_some()
    {
        sessions::Entity::delete_by_id(hash).exec(db).await?;
        return Ok(None);
    }
    if session.last_seen_at + TOUCH_EVERY <= now {
        sessions::Entity::update_many()
            .col_expr(sessions::Column::LastSeenAt, Expr::value(now))
            .filter(sessions::Column::Id.eq(hash))
            .exec(db)
            .await?;
    }
    load_session_user(db, user).await.map(Some)
}

pub async fn load_session_user(
    conn: &impl ConnectionTrait,
    user: users::Model,
) -> Result<SessionUser, DbErr> {
    let city_ids = user_cities::Entity::find()
        .filter(user_cities::Column::UserId.eq(user.id))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| c.city_id)
        .collect();
    let mentor_id = mentors::Entity::find()
        .filter(mentors::Column::UserId.eq(user.id))
        .one(conn)
        .await?
        .map(|m| m.id);
    Ok(SessionUser {
        user_id: user.id,
        email: user.email,
        display_name: user.display_name,
        role: Role::parse(&user.role).unwrap_or(Role::Mentor),
        locale: Locale::parse(&user.locale).unwrap_or(Locale::En),
        city_ids,
        mentor_id,
    })
}

/// Sends a sign-in link to an active mentor with this e-mail. Says nothing
/// about whether the address is known: the caller answers the same either way.
pub async fn issue_magic_link(
    db: &DatabaseConnection,
    settings: &Settings,
    email: &Email,
) -> Result<(), DbErr> {
    let Some(user) = users::Entity::find()
        .filter(users::Column::Email.eq(email.as_str()))
        .filter(users::Column::Role.eq(Role::Mentor.as_str()))
        .filter(users::Column::DisabledAt.is_null())
        .one(db)
        .await?
    else {
        return Ok(());
    };
    let (token, hash) = new_token();
    let now = Utc::now();
    let locale = Locale::parse(&user.locale).unwrap_or(Locale::En);
    let link = format!("{}/auth/link?token={token}", settings.public_url);
    let tx = crate::platform::database::begin_write(db).await?;
    magic_links::ActiveModel {
        token_hash: Set(hash),
        user_id: Set(user.id),
        created_at: Set(now),
        expires_at: Set(now + MAGIC_LINK_TTL),
        used_at: Set(None),
    }
    .insert(&tx)
    .await?;
    outbox::enqueue(&tx, super::mail::magic_link(&user, locale, &link)).await?;
    tx.commit().await
}

/// Marks the link used and returns its user, if it was valid and unused. The
/// conditional update makes "single use" hold even for two clicks at once.
pub async fn redeem_magic_link(
    db: &DatabaseConnection,
    token: &str,
) -> Result<Option<users::Model>, DbErr> {
    let hash = token_hash(token);
    let now = Utc::now();
    let tx = crate::platform::database::begin_write(db).await?;
    let used = magic_links::Entity::update_many()
        .col_expr(magic_links::Column::UsedAt, Expr::value(Some(now)))
        .filter(magic_links::Column::TokenHash.eq(hash.as_str()))
        .filter(magic_links::Column::UsedAt.is_null())
        .filter(magic_links::Column::ExpiresAt.gt(now))
        .exec(&tx)
        .await?;
    if used.rows_affected != 1 {
        tx.rollback().await?;
        return Ok(None);
    }
    let user = magic_links::Entity::find_by_id(hash)
        .find_also_related(users::Entity)
        .one(&tx)
        .await?
        .and_then(|(_, user)| user)
        .filter(|u| u.disabled_at.is_none());
    tx.commit().await?;
    Ok(user)
}

pub async fn set_locale(
    db: &DatabaseConnection,
    user_id: i32,
    locale: Locale,
) -> Result<(), DbErr> {
    users::Entity::update_many()
        .col_expr(users::Column::Locale, Expr::value(locale.as_str()))
        .filter(users::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}
