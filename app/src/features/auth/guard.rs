//! Who is asking. Every server function starts here: `require_user` for
//! anyone signed in, `require_role` for a role, and `SessionUser::
//! may_access_city` for a coordinator's city scope.

use http::request::Parts;
use leptos::prelude::use_context;

use super::cookies;
use super::service;
use super::types::SessionUser;
use crate::domain::role::Role;
use crate::error::AppError;
use crate::platform::errors::db_internal;
use crate::platform::state::AppState;

/// The signed-in user of the current request, or `None`.
pub async fn current_user(state: &AppState) -> Result<Option<SessionUser>, AppError> {
    let Some(token) = session_token(state) else {
        return Ok(None);
    };
    service::resolve_session(&state.db, &state.settings, &token)
        .await
        .map_err(db_internal("resolve session"))
}

pub fn session_token(state: &AppState) -> Option<String> {
    let parts = use_context::<Parts>()?;
    cookies::read(
        &parts.headers,
        cookies::session_cookie_name(&state.settings),
    )
}

pub async fn require_user(state: &AppState) -> Result<SessionUser, AppError> {
    current_user(state).await?.ok_or(AppError::Unauthenticated)
}

pub async fn require_role(state: &AppState, roles: &[Role]) -> Result<SessionUser, AppError> {
    let user = require_user(state).await?;
    if roles.contains(&user.role) {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}

/// Staff who work with people: coordinators (in their cities), managers and
/// admins.
pub const STAFF: &[Role] = &[Role::Coordinator, Role::Manager, Role::Admin];

/// Staff who change duos: coordinators (in their cities) and admins. Managers read.
pub const DECIDERS: &[Role] = &[Role::Coordinator, Role::Admin];

/// Refuses unless `user` may reach records of `city_id`: a coordinator of
/// another city gets Forbidden, through the UI or a direct call alike.
pub fn ensure_city(user: &SessionUser, city_id: i32) -> Result<(), AppError> {
    if user.may_access_city(city_id) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// The cities `user` may see, and the one a staff page shows: `requested` when the user may
/// see it, else the first of theirs. `None` when they may see no city at all.
pub async fn chosen_city(
    db: &sea_orm::DatabaseConnection,
    user: &SessionUser,
    requested: Option<i32>,
) -> Result<(Vec<crate::features::reference::Named>, Option<i32>), AppError> {
    let scope = (user.role == Role::Coordinator).then_some(user.city_ids.as_slice());
    let cities = crate::features::reference::queries::cities(db, scope)
        .await
        .map_err(db_internal("cities"))?;
    let city_id = match requested {
        Some(id) => {
            ensure_city(user, id)?;
            if !cities.iter().any(|c| c.id == id) {
                return Err(AppError::NotFound);
            }
            Some(id)
        }
        None => cities.first().map(|c| c.id),
    };
    Ok((cities, city_id))
}
