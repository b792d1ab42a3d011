use leptos::prelude::*;

use crate::error::AppError;
use crate::features::registration::types::{CreatedReferralLink, NewReferralLink};

/// Makes a referral link for a partner organisation; its address is answered this once.
#[server(prefix = "/api", endpoint = "create_referral_link")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn create_referral_link(link: NewReferralLink) -> Result<CreatedReferralLink, AppError> {
    use crate::features::auth::guard::{STAFF, require_role};
    use crate::features::registration::links;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, STAFF).await?;
            links::create(
                &state.db,
                &state.settings.public_url,
                &user,
                link,
                chrono::Utc::now(),
            )
            .await
        }
        .await,
    )
}
