use leptos::prelude::*;

use crate::error::AppError;
use crate::features::matching::types::{BoardQuery, MatchingBoard};

/// A city's matching board: waiting mentees and available mentors, filtered and paged, with
/// the open proposals, locks, bans and the board's history.
#[server(prefix = "/api", endpoint = "get_matching_board")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_matching_board(
    #[server(default)] query: BoardQuery,
) -> Result<MatchingBoard, AppError> {
    use crate::features::auth::guard::{STAFF, require_role};
    use crate::features::matching::board;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, STAFF).await?;
            board::load(&state.db, &user, query, chrono::Utc::now().date_naive()).await
        }
        .await,
    )
}
