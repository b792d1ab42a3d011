use leptos::prelude::*;

use crate::error::AppError;
use crate::features::applications::types::ApplicationPage;

/// The lists the sign-up form offers, and the draft a refused plain form post left behind.
#[server(prefix = "/api", endpoint = "get_application_page")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_application_page(
    #[server(default)] draft: Option<String>,
) -> Result<ApplicationPage, AppError> {
    use crate::features::applications::service;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            service::page(&state.db, draft.as_deref(), chrono::Utc::now()).await
        }
        .await,
    )
}
