use leptos::prelude::*;

use crate::error::AppError;
use crate::features::matching::types::MenteeMusts;

/// The conditions recorded for a mentee's mentor.
#[server(prefix = "/api", endpoint = "get_mentee_musts")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_mentee_musts(mentee_id: i32) -> Result<MenteeMusts, AppError> {
    use crate::features::auth::guard::{STAFF, require_role};
    use crate::features::matching::musts;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, STAFF).await?;
            musts::get(&state.db, &user, mentee_id).await
        }
        .await,
    )
}
