use leptos::prelude::*;

use crate::error::AppError;
use crate::features::matching::types::Suggestions;
use crate::features::people::types::PersonKind;

/// The best candidates for a duo with one waiting mentee or available mentor, explained.
#[server(prefix = "/api", endpoint = "suggest_matches")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn suggest_matches(kind: PersonKind, id: i32) -> Result<Suggestions, AppError> {
    use crate::features::auth::guard::{STAFF, require_role};
    use crate::features::matching::service;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, STAFF).await?;
            service::suggest(&state.db, &user, kind, id, chrono::Utc::now().date_naive()).await
        }
        .await,
    )
}
