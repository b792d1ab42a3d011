use leptos::prelude::*;

use crate::error::AppError;

/// Undoes a proposed duo before its introduction: both people go back to the pool.
#[server(prefix = "/api", endpoint = "cancel_proposal")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn cancel_proposal(duo_id: i32) -> Result<(), AppError> {
    use crate::domain::role::Role;
    use crate::features::auth::guard::require_role;
    use crate::features::duos::service;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, &[Role::Coordinator, Role::Admin]).await?;
            service::cancel(&state.db, &user, duo_id).await
        }
        .await,
    )
}
