use leptos::prelude::*;

use crate::error::AppError;
use crate::features::matching::types::{PairIds, PairPreview};

/// What a duo of this mentor and mentee would score, explained, or why it is forbidden: the
/// board's live preview while dragging.
#[server(prefix = "/api", endpoint = "preview_pair")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn preview_pair(pair: PairIds) -> Result<PairPreview, AppError> {
    use crate::features::auth::guard::{STAFF, require_role};
    use crate::features::matching::board;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, STAFF).await?;
            board::preview(&state.db, &user, pair, chrono::Utc::now().date_naive()).await
        }
        .await,
    )
}
