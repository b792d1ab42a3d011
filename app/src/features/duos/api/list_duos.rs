use leptos::prelude::*;

use crate::error::AppError;
use crate::features::duos::types::DuoRow;

/// The duos of the caller's cities, most recently changed first.
#[server(prefix = "/api", endpoint = "list_duos")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn list_duos() -> Result<Vec<DuoRow>, AppError> {
    use crate::features::auth::guard::{STAFF, require_role};
    use crate::features::duos::read;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, STAFF).await?;
            read::list(&state.db, &user, state.now()).await
        }
        .await,
    )
}
