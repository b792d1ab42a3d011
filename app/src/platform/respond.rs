//! Gives a failed server function the HTTP status its error deserves (422,
//! 401, 403, 404, 409, 500) instead of server_fn's blanket 500.

use http::StatusCode;
use http::header::ACCEPT;
use http::request::Parts;
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

use crate::error::AppError;

pub fn finish<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(error) = &result {
        // Refusals go to the log by kind; the request's line says which route, when, and a
        // pseudonym of who.
        if let AppError::Unauthenticated | AppError::Forbidden | AppError::RateLimited = error {
            tracing::warn!(refusal = %error, "request refused");
        }
        // A plain HTML form post (JavaScript off) is answered with a redirect
        // back to the form; a status here would replace that redirect.
        let plain_form_post = use_context::<Parts>()
            .and_then(|p| {
                p.headers
                    .get(ACCEPT)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned)
            })
            .is_some_and(|accept| accept.contains("text/html"));
        if !plain_form_post && let Some(options) = use_context::<ResponseOptions>() {
            options.set_status(
                StatusCode::from_u16(error.status_code())
                    .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            );
        }
    }
    result
}
