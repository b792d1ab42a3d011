use leptos::prelude::*;
use server_fn::codec::Json;

use crate::error::AppError;
use crate::features::duos::types::MeetingLog;

/// Corrects a meeting the mentor logged, within seven days of logging it.
#[server(prefix = "/api", endpoint = "edit_meeting", input = Json)]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn edit_meeting(meeting_id: i32, log: MeetingLog) -> Result<(), AppError> {
    use crate::domain::role::Role;
    use crate::features::auth::guard::require_role;
    use crate::features::duos::meetings;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, &[Role::Mentor]).await?;
            meetings::edit(&state.db, &user, meeting_id, log, state.now()).await
        }
        .await,
    )
}
