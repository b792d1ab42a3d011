//! Each city's weights for the matching score: the defaults until an admin sets them.

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, IntoActiveModel, Set};

use super::types::{CityWeights, WeightsForm};
use crate::db::entities::{matching_weights, users};
use crate::domain::error::{ErrorCode, FieldError};
use crate::domain::matching::score::{Criterion, MAX_WEIGHT, Weights};
use crate::error::AppError;
use crate::features::auth::SessionUser;
use crate::features::reference::queries;
use crate::platform::database::begin_write;
use crate::platform::errors::db_internal;

fn weights_of(row: &matching_weights::Model) -> Option<Weights> {
    Weights::parse(
        [
            row.sector,
            row.availability,
            row.distance,
            row.language,
            row.waiting,
            row.experience,
            row.intake,
        ]
        .map(i64::from),
    )
    .ok()
}

pub async fn list(db: &DatabaseConnection) -> Result<Vec<CityWeights>, AppError> {
    let cities = queries::cities(db, None)
        .await
        .map_err(db_internal("weights cities"))?;
    let rows: HashMap<i32, matching_weights::Model> = matching_weights::Entity::find()
        .all(db)
        .await
        .map_err(db_internal("weights"))?
        .into_iter()
        .map(|r| (r.city_id, r))
        .collect();
    let users: HashMap<i32, String> = users::Entity::find()
        .all(db)
        .await
        .map_err(db_internal("weights users"))?
        .into_iter()
        .filter(|u| rows.values().any(|r| r.updated_by == Some(u.id)))
        .map(|u| (u.id, u.display_name))
        .collect();
    Ok(cities
        .into_iter()
        .map(|city| {
            let row = rows.get(&city.id);
            let weights = row.and_then(weights_of);
            CityWeights {
                customised: weights.is_some(),
                weights: weights.unwrap_or(Weights::DEFAULT),
                updated_at: row.map(|r| r.updated_at),
                updated_by: row
                    .and_then(|r| r.updated_by)
                    .and_then(|id| users.get(&id).cloned()),
                city,
            }
        })
        .collect())
}

/// Every value is checked; each one out of range or not a number is named by its criterion.
pub fn parse(form: &WeightsForm) -> Result<Weights, AppError> {
    let mut values = [0_i64; Criterion::COUNT];
    let mut errors = Vec::new();
    for (&criterion, value) in Criterion::ALL.iter().zip(values.iter_mut()) {
        let typed = (form.values.iter())
            .find(|(name, _)| name == criterion.as_str())
            .map(|(_, v)| v.trim())
            .unwrap_or_default();
        match typed.parse::<i64>() {
            Ok(n) if (0..=i64::from(MAX_WEIGHT)).contains(&n) => *value = n,
            _ if typed.is_empty() => errors.push(FieldError {
                field: criterion.as_str().to_owned(),
                code: ErrorCode::Required,
            }),
            _ => errors.push(FieldError {
                field: criterion.as_str().to_owned(),
                code: ErrorCode::OutOfRange {
                    min: 0,
                    max: MAX_WEIGHT.into(),
                },
            }),
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    Weights::parse(values).map_err(|e| AppError::field(e.criterion.as_str(), e.code))
}

pub async fn save(
    db: &DatabaseConnection,
    user: &SessionUser,
    form: WeightsForm,
) -> Result<(), AppError> {
    let weights = parse(&form)?;
    let tx = begin_write(db)
        .await
        .map_err(db_internal("begin weights"))?;
    let known = queries::cities(&tx, Some(&[form.city_id]))
        .await
        .map_err(db_internal("weights city"))?;
    if known.is_empty() {
        return Err(AppError::field("city_id", ErrorCode::InvalidChoice));
    }
    let [
        sector,
        availability,
        distance,
        language,
        waiting,
        experience,
        intake,
    ] = weights.values().map(i32::from);
    let row = matching_weights::Model {
        city_id: form.city_id,
        sector,
        availability,
        distance,
        language,
        waiting,
        experience,
        intake,
        updated_at: Utc::now(),
        updated_by: Some(user.user_id),
    };
    let existing = matching_weights::Entity::find_by_id(form.city_id)
        .one(&tx)
        .await
        .map_err(db_internal("load weights"))?;
    let mut active = row.into_active_model();
    if existing.is_some() {
        // Every column is set: an update of the whole row.
        active = active.reset_all();
        active.city_id = sea_orm::ActiveValue::Unchanged(form.city_id);
        active
            .update(&tx)
            .await
            .map_err(db_internal("update weights"))?;
    } else {
        active.city_id = Set(form.city_id);
        active
            .insert(&tx)
            .await
            .map_err(db_internal("insert weights"))?;
    }
    tx.commit().await.map_err(db_internal("commit weights"))
}
