use leptos::prelude::*;
use server_fn::codec::Json;

use crate::domain::application::Answers;
use crate::error::AppError;
use crate::features::registration::types::Registered;

/// Registers a mentee in one of the caller's cities, with the consents they gave.
#[server(prefix = "/api", endpoint = "register_mentee", input = Json)]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn register_mentee(answers: Answers) -> Result<Registered, AppError> {
    use crate::features::auth::guard::{STAFF, require_role};
    use crate::features::registration::service;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, STAFF).await?;
            service::register(&state.db, &user, answers, chrono::Utc::now()).await
        }
        .await,
    )
}
