use leptos::prelude::*;
use server_fn::codec::Json;

use crate::error::AppError;
use crate::features::duos::types::{LoggedMeeting, MeetingLog};

/// Logs a meeting of the mentor's duo. Sending the same log again (same key) answers with the
/// meeting already stored.
#[server(prefix = "/api", endpoint = "log_meeting", input = Json)]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn log_meeting(log: MeetingLog) -> Result<LoggedMeeting, AppError> {
    use crate::domain::role::Role;
    use crate::features::auth::guard::require_role;
    use crate::features::duos::meetings;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, &[Role::Mentor]).await?;
            meetings::log(&state.db, &state.group_commit, &user, log, state.now()).await
        }
        .await,
    )
}
