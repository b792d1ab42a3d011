use leptos::prelude::*;

use crate::error::AppError;
use crate::features::training::types::TrainingDetail;

/// One session, its participants, and the mentors who could still join it.
#[server(prefix = "/api", endpoint = "get_training")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_training(id: i32) -> Result<TrainingDetail, AppError> {
    use crate::features::auth::guard::{STAFF, require_role};
    use crate::features::training::service;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, STAFF).await?;
            service::detail(&state.db, &user, id, chrono::Utc::now()).await
        }
        .await,
    )
}
