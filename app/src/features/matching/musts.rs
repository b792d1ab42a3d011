//! The conditions a coordinator records for a mentee's mentor, e.g. after the intake: matching
//! treats each as a hard constraint.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, IntoActiveModel};

use super::types::{MenteeMusts, MustsForm};
use crate::db::entities::{mentee_musts, mentees};
use crate::domain::matching::score::Must;
use crate::error::AppError;
use crate::features::auth::SessionUser;
use crate::features::auth::guard::ensure_city;
use crate::platform::database::begin_write;
use crate::platform::errors::db_internal;

/// The stored row as the engine's list of musts.
pub fn musts_of(row: &mentee_musts::Model) -> Vec<Must> {
    let km = row.within_km.and_then(|km| u16::try_from(km).ok());
    let mut musts = Vec::new();
    if row.same_sector {
        musts.push(Must::SameSector);
    }
    if row.shared_slot {
        musts.push(Must::SharedSlot);
    }
    musts.extend(km.map(Must::WithinKm));
    musts
}

async fn mentee_in_scope(
    db: &impl sea_orm::ConnectionTrait,
    user: &SessionUser,
    mentee_id: i32,
) -> Result<(), AppError> {
    let mentee = mentees::Entity::find_by_id(mentee_id)
        .one(db)
        .await
        .map_err(db_internal("load mentee"))?
        .ok_or(AppError::NotFound)?;
    ensure_city(user, mentee.city_id)
}

pub async fn get(
    db: &DatabaseConnection,
    user: &SessionUser,
    mentee_id: i32,
) -> Result<MenteeMusts, AppError> {
    mentee_in_scope(db, user, mentee_id).await?;
    let row = mentee_musts::Entity::find_by_id(mentee_id)
        .one(db)
        .await
        .map_err(db_internal("load musts"))?;
    Ok(match row {
        Some(row) => MenteeMusts {
            mentee_id,
            same_sector: row.same_sector,
            shared_slot: row.shared_slot,
            within_km: row.within_km.and_then(|km| u16::try_from(km).ok()),
        },
        None => MenteeMusts {
            mentee_id,
            ..MenteeMusts::default()
        },
    })
}

pub async fn save(
    db: &DatabaseConnection,
    user: &SessionUser,
    form: MustsForm,
) -> Result<(), AppError> {
    let musts = Must::from_form(form.same_sector, form.shared_slot, &form.within_km)
        .map_err(|code| AppError::field("within_km", code))?;
    let tx = begin_write(db).await.map_err(db_internal("begin musts"))?;
    mentee_in_scope(&tx, user, form.mentee_id).await?;
    let within_km = musts.iter().find_map(|m| match m {
        Must::WithinKm(km) => Some(i32::from(*km)),
        _ => None,
    });
    let row = mentee_musts::Model {
        mentee_id: form.mentee_id,
        same_sector: musts.contains(&Must::SameSector),
        shared_slot: musts.contains(&Must::SharedSlot),
        within_km,
        updated_by: Some(user.user_id),
        updated_at: Utc::now(),
    };
    let known = mentee_musts::Entity::find_by_id(form.mentee_id)
        .one(&tx)
        .await
        .map_err(db_internal("load musts"))?;
    let active = row.into_active_model().reset_all();
    if known.is_some() {
        active
            .update(&tx)
            .await
            .map_err(db_internal("update musts"))?;
    } else {
        active
            .insert(&tx)
            .await
            .map_err(db_internal("insert musts"))?;
    }
    tx.commit().await.map_err(db_internal("commit musts"))
}
