use leptos::prelude::*;

use crate::error::AppError;
use crate::features::registration::types::ReferralLinks;

/// The referral links of the caller's cities, and the young people registered through them who are still to be seen.
#[server(prefix = "/api", endpoint = "list_referral_links")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn list_referral_links() -> Result<ReferralLinks, AppError> {
    use crate::features::auth::guard::{STAFF, require_role};
    use crate::features::registration::links;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, STAFF).await?;
            links::list(&state.db, &user).await
        }
        .await,
    )
}
