use leptos::prelude::*;

use crate::error::AppError;
use crate::features::registration::types::ReferralPage;

/// What a partner's referral link opens. Open to anyone holding a valid link; an unknown,
/// expired or revoked link is NotFound.
#[server(prefix = "/api", endpoint = "get_referral_page")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_referral_page(token: String) -> Result<ReferralPage, AppError> {
    use crate::features::registration::links;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            links::page(&state.db, &token, chrono::Utc::now()).await
        }
        .await,
    )
}
