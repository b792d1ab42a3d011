use leptos::prelude::*;

use crate::error::AppError;

/// The applicant confirms their e-mail address with the token of the sign-up's link. Open to
/// anyone, limited per address like the sign-up itself.
#[server(prefix = "/api", endpoint = "confirm_sign_up")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn confirm_sign_up(token: String) -> Result<(), AppError> {
    use chrono::Duration;

    use crate::features::applications::service;
    use crate::platform::errors::db_internal;
    use crate::platform::rate_limit::{self, Limit};
    use crate::platform::request::client_ip;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let now = state.now();
            let limit = Limit {
                hits: state.settings.applications_per_hour,
                window: Duration::hours(1),
            };
            let bucket = format!(
                "confirm:ip:{}",
                state.settings.secret.pseudonym(&client_ip(&state.settings))
            );
            if !rate_limit::allow(&state.db, &bucket, limit, now)
                .await
                .map_err(db_internal("rate limit"))?
            {
                return Err(AppError::RateLimited);
            }
            service::confirm(&state.db, &token, now).await
        }
        .await,
    )
}
