use leptos::prelude::*;

use crate::error::AppError;
use crate::features::duos::types::DuoDetail;

/// One duo and its timeline, for staff of its city.
#[server(prefix = "/api", endpoint = "get_duo")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_duo(id: i32) -> Result<DuoDetail, AppError> {
    use crate::features::auth::guard::{STAFF, require_role};
    use crate::features::duos::read;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, STAFF).await?;
            read::detail(&state.db, &user, id, state.now()).await
        }
        .await,
    )
}
