use leptos::prelude::*;

use crate::error::AppError;

/// Ends the session on the server, not only in the browser.
#[server(prefix = "/api", endpoint = "sign_out")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::features::auth::{cookies, guard, service};
    use crate::platform::errors::db_internal;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            if let Some(token) = guard::session_token(&state) {
                service::end_session(&state.db, &token)
                    .await
                    .map_err(db_internal("end session"))?;
            }
            cookies::send(cookies::session_clear(&state.settings));
            leptos_axum::redirect("/");
            Ok(())
        }
        .await,
    )
}
