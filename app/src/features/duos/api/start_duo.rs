use leptos::prelude::*;

use crate::error::AppError;
use crate::features::duos::types::DuoStart;

/// Starts active mentoring, once both sides signed the agreement.
#[server(prefix = "/api", endpoint = "start_duo")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn start_duo(start: DuoStart) -> Result<(), AppError> {
    use crate::features::auth::guard::{DECIDERS, require_role};
    use crate::features::duos::life;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, DECIDERS).await?;
            let now = state.now();
            let today = crate::domain::local_time::to_local(now).date();
            life::start(&state.db, &user, start, now, today).await
        }
        .await,
    )
}
