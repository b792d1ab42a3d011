use leptos::prelude::*;

use crate::error::AppError;
use crate::features::pipeline::types::StatusChangeRequest;

/// Moves a candidate along the pipeline, or out of it with a reason.
#[server(prefix = "/api", endpoint = "change_status")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn change_status(change: StatusChangeRequest) -> Result<(), AppError> {
    use crate::features::auth::guard::{STAFF, require_role};
    use crate::features::pipeline::service;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, STAFF).await?;
            service::change_status(&state.db, &user, change).await
        }
        .await,
    )
}
