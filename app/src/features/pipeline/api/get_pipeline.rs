use leptos::prelude::*;

use crate::error::AppError;
use crate::features::pipeline::types::{Pipeline, PipelineQuery};

/// A city's screening board: candidates per stage, filtered by sector, language and name.
#[server(prefix = "/api", endpoint = "get_pipeline")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_pipeline(#[server(default)] query: PipelineQuery) -> Result<Pipeline, AppError> {
    use crate::features::auth::guard::{STAFF, require_role};
    use crate::features::pipeline::board;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, STAFF).await?;
            board::load(&state.db, &user, query, chrono::Utc::now()).await
        }
        .await,
    )
}
