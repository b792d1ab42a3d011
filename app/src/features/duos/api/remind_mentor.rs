use leptos::prelude::*;

use crate::error::AppError;

/// Sends the mentor of an active duo a friendly reminder to log their meetings.
#[server(prefix = "/api", endpoint = "remind_mentor")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn remind_mentor(duo_id: i32) -> Result<(), AppError> {
    use crate::features::auth::guard::{DECIDERS, require_role};
    use crate::features::duos::monitoring;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, DECIDERS).await?;
            let url = state.settings.public_url.clone();
            monitoring::remind_mentor(&state.db, &url, &user, duo_id).await
        }
        .await,
    )
}
