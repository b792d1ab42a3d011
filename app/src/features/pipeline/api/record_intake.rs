use leptos::prelude::*;

use crate::error::AppError;
use crate::features::pipeline::types::IntakeReport;

/// Records how an intake interview went; the candidate moves to "intake done".
#[server(prefix = "/api", endpoint = "record_intake")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn record_intake(report: IntakeReport) -> Result<(), AppError> {
    use crate::features::auth::guard::{STAFF, require_role};
    use crate::features::pipeline::service;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, STAFF).await?;
            service::record_intake(&state.db, &user, report, chrono::Utc::now()).await
        }
        .await,
    )
}
