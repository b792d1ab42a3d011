use leptos::prelude::*;

use crate::error::AppError;
use crate::features::duos::types::ClosingForm;

/// Starts closing an active duo: at its planned end, or early with a reason.
#[server(prefix = "/api", endpoint = "begin_closing")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn begin_closing(closing: ClosingForm) -> Result<(), AppError> {
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
            closing::begin(&state.db, &user, closing, now, today).await
        }
        .await,
    )
}
