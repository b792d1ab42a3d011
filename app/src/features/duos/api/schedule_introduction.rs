use leptos::prelude::*;

use crate::error::AppError;
use crate::features::duos::types::IntroductionPlan;

/// Plans the introduction meeting of a proposed duo; mentor and mentee get a calendar invitation.
#[server(prefix = "/api", endpoint = "schedule_introduction")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn schedule_introduction(plan: IntroductionPlan) -> Result<(), AppError> {
    use crate::features::auth::guard::{DECIDERS, require_role};
    use crate::features::duos::life;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, DECIDERS).await?;
            life::schedule_introduction(&state.db, &user, plan, state.now()).await
        }
        .await,
    )
}
