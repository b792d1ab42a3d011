use leptos::prelude::*;

use crate::error::AppError;
use crate::features::training::types::TrainingSeat;

/// Registers a mentor whose intake is done; they get a calendar invitation.
#[server(prefix = "/api", endpoint = "register_for_training")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn register_for_training(seat: TrainingSeat) -> Result<(), AppError> {
    use crate::features::auth::guard::{STAFF, require_role};
    use crate::features::training::service;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, STAFF).await?;
            service::register(&state, &user, seat, chrono::Utc::now()).await
        }
        .await,
    )
}
