use leptos::prelude::*;

use crate::error::AppError;

/// Ends a referral link at once; the registrations made through it stay.
#[server(prefix = "/api", endpoint = "revoke_referral_link")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn revoke_referral_link(id: i32) -> Result<(), AppError> {
    use crate::features::auth::guard::{STAFF, require_role};
    use crate::features::registration::links;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, STAFF).await?;
            links::revoke(&state.db, &user, id, chrono::Utc::now()).await
        }
        .await,
    )
}
