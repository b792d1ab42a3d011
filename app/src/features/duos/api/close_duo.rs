use leptos::prelude::*;

use crate::error::AppError;
use crate::features::duos::types::OutcomeForm;

/// Closes a duo whose end evaluations are in, with the outcome the mentee reported.
#[server(prefix = "/api", endpoint = "close_duo")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn close_duo(outcome: OutcomeForm) -> Result<(), AppError> {
    use crate::features::auth::guard::{DECIDERS, require_role};
    use crate::features::duos::closing;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, DECIDERS).await?;
            let now = state.now();
            let today = crate::domain::local_time::to_local(now).date();
            closing::close(&state.db, &user, outcome, now, today).await
        }
        .await,
    )
}
