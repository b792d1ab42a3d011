use leptos::prelude::*;

use crate::error::AppError;
use crate::features::registration::types::RegistrationPage;

/// The lists the mentee registration form chooses from.
#[server(prefix = "/api", endpoint = "get_registration_page")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_registration_page() -> Result<RegistrationPage, AppError> {
    use crate::features::auth::guard::{STAFF, require_role};
    use crate::features::registration::service;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, STAFF).await?;
            service::page(&state.db, &user).await
        }
        .await,
    )
}
