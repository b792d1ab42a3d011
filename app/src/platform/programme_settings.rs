//! The programme's one row of settings (id 1), which admins change one form at a time. Until an
//! admin first saves one, there is no row and each reader applies its domain default.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseConnection, EntityTrait, Set};

use super::audit;
use super::database::begin_write;
use super::errors::db_internal;
use crate::db::entities::programme_settings::{ActiveModel, Entity, Model};
use crate::error::AppError;
use crate::features::auth::SessionUser;

/// The settings, if an admin ever saved any.
pub async fn load(conn: &impl ConnectionTrait) -> Result<Option<Model>, AppError> {
    Entity::find_by_id(1)
        .one(conn)
        .await
        .map_err(db_internal("load settings"))
}

/// Saves what `set` puts in the row, leaving the other settings as they are (or at their
/// defaults when the row is new), and writes who did it to the audit log.
pub async fn save(
    db: &DatabaseConnection,
    user: &SessionUser,
    now: DateTime<Utc>,
    set: impl FnOnce(&mut ActiveModel),
) -> Result<(), AppError> {
    let tx = begin_write(db)
        .await
        .map_err(db_internal("begin settings"))?;
    let existing = load(&tx).await?;
    let mut row = ActiveModel {
        id: Set(1),
        updated_at: Set(now),
        updated_by: Set(Some(user.user_id)),
        ..Default::default()
    };
    set(&mut row);
    match existing {
        Some(_) => row.update(&tx).await.map(drop),
        None => row.insert(&tx).await.map(drop),
    }
    .map_err(db_internal("save settings"))?;
    audit::record(
        &tx,
        Some(user.user_id),
        "programme_settings",
        "settings",
        None,
    )
    .await
    .map_err(db_internal("audit settings"))?;
    tx.commit().await.map_err(db_internal("commit settings"))
}
