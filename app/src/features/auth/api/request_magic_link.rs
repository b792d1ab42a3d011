use leptos::prelude::*;

use crate::error::AppError;

/// Mentors ask for a sign-in link by e-mail. The answer is the same whether
/// or not the address belongs to a mentor, so the form reveals nothing.
#[server(prefix = "/api", endpoint = "request_magic_link")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn request_magic_link(email: String) -> Result<(), AppError> {
    use crate::domain::email::Email;
    use crate::features::auth::service;
    use crate::features::auth::throttle::{self, Attempt};
    use crate::platform::errors::db_internal;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let email = Email::parse(&email).map_err(|code| AppError::field("email", code))?;
            throttle::allow(&state, Attempt::LinkRequest(&email)).await?;
            service::issue_magic_link(&state.db, &state.settings, &email)
                .await
                .map_err(db_internal("issue magic link"))
        }
        .await,
    )
}
