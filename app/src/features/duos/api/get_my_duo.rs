use leptos::prelude::*;

use crate::error::AppError;
use crate::features::duos::types::MyDuo;

/// The signed-in mentor's open duo, if any, with the weeks done and the latest meetings.
#[server(prefix = "/api", endpoint = "get_my_duo")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_my_duo() -> Result<MyDuo, AppError> {
    use crate::domain::role::Role;
    use crate::features::auth::guard::require_role;
    use crate::features::duos::read;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, &[Role::Mentor]).await?;
            let mentor_id = user.mentor_id.ok_or(AppError::NotFound)?;
            read::my_duo(&state.db, mentor_id, state.now()).await
        }
        .await,
    )
}
