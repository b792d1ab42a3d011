//! Checks a dashboard request against the reader's cities and assembles the figures.

use chrono::NaiveDate;
use sea_orm::ConnectionTrait;

use super::queries::{DuoByDuo, Grouping, Scope, figures_with};
use super::types::{CityFigures, CohortFigures, ImpactQuery, ImpactReport, Selection};
use crate::domain::error::ErrorCode;
use crate::domain::impact::{Figures, Period, Quarter, parse_period};
use crate::domain::role::Role;
use crate::error::AppError;
use crate::features::auth::guard::ensure_city;
use crate::features::auth::types::SessionUser;
use crate::features::reference::queries::cities;
use crate::platform::errors::db_internal;

/// How many cohorts the trend lines show.
pub const TREND_QUARTERS: usize = 8;
/// How many cohorts the selection offers: three years.
pub const COHORT_CHOICES: usize = 12;

/// The checked selection and the duos it covers, or the fields that are wrong.
pub fn scope_of(
    user: &SessionUser,
    query: &ImpactQuery,
    today: NaiveDate,
) -> Result<(Selection, Scope), AppError> {
    let mut errors = Vec::new();
    let cohort = match query.cohort.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => Quarter::parse(text).or_else(|| {
            errors.push(ErrorCode::InvalidChoice.at("cohort"));
            None
        }),
    };
    let period = match parse_period(query.from.as_deref(), query.to.as_deref(), today) {
        Ok(period) => Some(period),
        Err(error) => {
            errors.push(error.field_error());
            None
        }
    };
    let Some(period) = period.filter(|_| errors.is_empty()) else {
        return Err(AppError::Validation(errors));
    };
    if let Some(city) = query.city {
        ensure_city(user, city)?;
    }
    let cities = match (query.city, user.role) {
        (Some(city), _) => Some(vec![city]),
        (None, Role::Coordinator) => Some(user.city_ids.clone()),
        (None, _) => None,
    };
    let all_time = period == Period::until(today);
    let selection = Selection {
        city: query.city,
        cohort,
        period,
        all_time,
    };
    let scope = Scope {
        cities,
        cohort,
        period,
        today,
    };
    Ok((selection, scope))
}

/// The reader's cities: all of them for managers and admins, their own for a coordinator.
fn reader_scope(user: &SessionUser) -> Option<&[i32]> {
    (user.role == Role::Coordinator).then_some(user.city_ids.as_slice())
}

pub async fn report(
    conn: &impl ConnectionTrait,
    user: &SessionUser,
    query: &ImpactQuery,
    today: NaiveDate,
) -> Result<ImpactReport, AppError> {
    let (selection, scope) = scope_of(user, query, today)?;
    let readable = cities(conn, reader_scope(user))
        .await
        .map_err(db_internal("impact cities"))?;
    if let Some(city) = selection.city
        && !readable.iter().any(|c| c.id == city)
    {
        return Err(AppError::NotFound);
    }
    let quarters = Quarter::last(TREND_QUARTERS, today);
    let every_city = Scope {
        cities: reader_scope(user).map(<[i32]>::to_vec),
        ..scope.clone()
    };
    let every_cohort = Scope {
        cohort: None,
        ..scope.clone()
    };
    let duo_by_duo = DuoByDuo::read(conn, [&scope, &every_city, &every_cohort])
        .await
        .map_err(db_internal("impact duo by duo"))?;
    let total = figures_with(conn, &scope, &Grouping::Total, &duo_by_duo)
        .await
        .map_err(db_internal("impact figures"))?
        .remove(&0)
        .unwrap_or_else(Figures::empty);
    let mut per_city = figures_with(conn, &every_city, &Grouping::City, &duo_by_duo)
        .await
        .map_err(db_internal("impact by city"))?;
    let by_city = readable
        .iter()
        .map(|city| CityFigures {
            city: city.clone(),
            figures: per_city
                .remove(&i64::from(city.id))
                .unwrap_or_else(Figures::empty),
        })
        .collect();
    let cohorts = Grouping::Cohort(quarters.clone());
    let mut per_cohort = figures_with(conn, &every_cohort, &cohorts, &duo_by_duo)
        .await
        .map_err(db_internal("impact by cohort"))?;
    let by_cohort = quarters
        .iter()
        .enumerate()
        .map(|(i, &cohort)| CohortFigures {
            cohort,
            figures: per_cohort
                .remove(&(i as i64))
                .unwrap_or_else(Figures::empty),
        })
        .collect();

    Ok(ImpactReport {
        today,
        cities: readable,
        cohorts: Quarter::last(COHORT_CHOICES, today),
        selection,
        total,
        by_city,
        by_cohort,
    })
}
