use leptos::prelude::*;

use crate::error::AppError;
use crate::features::pipeline::types::{IntakeForSchedule, ScheduledIntake};

/// Plans an intake interview; the candidate gets an e-mail with a calendar invitation.
#[server(prefix = "/api", endpoint = "schedule_intake")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn schedule_intake(intake: IntakeForSchedule) -> Result<ScheduledIntake, AppError> {
    use crate::features::auth::guard::{STAFF, require_role};
    use crate::features::pipeline::service;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, STAFF).await?;
            service::schedule_intake(&state, &user, intake, chrono::Utc::now()).await
        }
        .await,
    )
}
