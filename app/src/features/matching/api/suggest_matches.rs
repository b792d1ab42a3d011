use leptos::prelude::*;

use crate::error::AppError;
use crate::features::matching::types::{BoardQuery, Suggestions};
use crate::features::people::types::PersonKind;

/// The best candidates for a duo with one waiting mentee or available mentor, explained;
/// on the matching board, among the candidates its filters (`within`) show.
#[server(prefix = "/api", endpoint = "suggest_matches")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn suggest_matches(
    kind: PersonKind,
    id: i32,
    #[server(default)] within: BoardQuery,
) -> Result<Suggestions, AppError> {
    use crate::features::auth::guard::{STAFF, require_role};
    use crate::features::matching::service;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, STAFF).await?;
            let today = chrono::Utc::now().date_naive();
            service::suggest(&state.db, &user, kind, id, &within, today).await
        }
        .await,
    )
}
