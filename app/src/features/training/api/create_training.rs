use leptos::prelude::*;

use crate::error::AppError;
use crate::features::training::types::NewTraining;

/// Plans a training session in one of the caller's cities; answers its id.
#[server(prefix = "/api", endpoint = "create_training")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn create_training(training: NewTraining) -> Result<i32, AppError> {
    use crate::features::auth::guard::{STAFF, require_role};
    use crate::features::training::service;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, STAFF).await?;
            service::create(&state.db, &user, training, chrono::Utc::now()).await
        }
        .await,
    )
}
