use leptos::prelude::*;

use crate::error::AppError;
use crate::features::duos::types::ContactForm;

/// Logs a coordinator's check-in with the mentor or the mentee of a duo.
#[server(prefix = "/api", endpoint = "log_contact")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn log_contact(contact: ContactForm) -> Result<(), AppError> {
    use crate::features::auth::guard::{DECIDERS, require_role};
    use crate::features::duos::monitoring;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, DECIDERS).await?;
            let now = state.now();
            let today = crate::domain::local_time::to_local(now).date();
            monitoring::log_contact(&state.db, &user, contact, now, today).await
        }
        .await,
    )
}
