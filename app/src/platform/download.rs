//! Files sent from a plain GET link (CSV and JSON exports): the session cookie checked as a
//! server function checks it, a refusal as the typed `AppError`, and the download headers.

use axum::response::{IntoResponse, Response};
use http::{HeaderMap, HeaderValue, StatusCode, header};

use super::errors::db_internal;
use super::state::AppState;
use crate::domain::role::Role;
use crate::error::AppError;
use crate::features::auth::types::SessionUser;
use crate::features::auth::{cookies, service as auth};

/// The signed-in user behind the request's session cookie, if their role is one of `roles`.
pub async fn session_user(
    state: &AppState,
    headers: &HeaderMap,
    roles: &[Role],
) -> Result<SessionUser, AppError> {
    let token = cookies::read(headers, cookies::session_cookie_name(&state.settings))
        .ok_or(AppError::Unauthenticated)?;
    let user = auth::resolve_session(&state.db, &state.settings, &token)
        .await
        .map_err(db_internal("download session"))?
        .ok_or(AppError::Unauthenticated)?;
    if roles.contains(&user.role) {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}

/// The error as JSON, with its status.
pub fn refusal(error: AppError) -> Response {
    let status =
        StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_string(&error).unwrap_or_default();
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// `body` as a file named `name`, never cached: exports hold personal or programme data.
pub fn attachment(content_type: &'static str, name: &str, body: String) -> Response {
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
        .unwrap_or(HeaderValue::from_static("attachment"));
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        body,
    )
        .into_response()
}
