use leptos::prelude::*;

use crate::error::AppError;
use crate::features::training::types::TrainingList;

/// The training sessions of the caller's cities: to come, then the recent past.
#[server(prefix = "/api", endpoint = "list_trainings")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn list_trainings() -> Result<TrainingList, AppError> {
    use crate::features::auth::guard::{STAFF, require_role};
    use crate::features::training::service;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, STAFF).await?;
            service::list(&state.db, &user, chrono::Utc::now()).await
        }
        .await,
    )
}
