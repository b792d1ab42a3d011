use leptos::prelude::*;

use crate::error::AppError;
use crate::features::training::types::TrainingSeat;

/// Records whether a registered mentor came to a session that has begun.
#[server(prefix = "/api", endpoint = "record_attendance")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn record_attendance(seat: TrainingSeat, attended: bool) -> Result<(), AppError> {
    use crate::features::auth::guard::{STAFF, require_role};
    use crate::features::training::service;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, STAFF).await?;
            service::record_attendance(&state.db, &user, seat, attended, chrono::Utc::now()).await
        }
        .await,
    )
}
