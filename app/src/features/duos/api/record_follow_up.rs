use leptos::prelude::*;

use crate::error::AppError;
use crate::features::duos::types::OutcomeForm;

/// Records what the mentee reported at a due follow-up (`outcome.target` is the follow-up).
#[server(prefix = "/api", endpoint = "record_follow_up")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn record_follow_up(outcome: OutcomeForm) -> Result<(), AppError> {
    use crate::features::auth::guard::{DECIDERS, require_role};
    use crate::features::duos::closing;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, DECIDERS).await?;
            let today = crate::domain::local_time::to_local(state.now()).date();
            closing::record_follow_up(&state.db, &user, outcome, today).await
        }
        .await,
    )
}
