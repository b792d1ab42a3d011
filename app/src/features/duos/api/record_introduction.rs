use leptos::prelude::*;

use crate::domain::duo::DuoStatus;
use crate::error::AppError;
use crate::features::duos::types::IntroductionReport;

/// Records what mentor and mentee answered at their introduction: the duo is introduced, or
/// declined with its reason.
#[server(prefix = "/api", endpoint = "record_introduction")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn record_introduction(report: IntroductionReport) -> Result<DuoStatus, AppError> {
    use crate::features::auth::guard::{DECIDERS, require_role};
    use crate::features::duos::life;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, DECIDERS).await?;
            life::record_introduction(&state.db, &user, report, state.now()).await
        }
        .await,
    )
}
