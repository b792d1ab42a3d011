use leptos::prelude::*;

use crate::error::AppError;
use crate::features::users::types::UserList;

/// Every account with its role and cities. Admins only.
#[server(prefix = "/api", endpoint = "list_users")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn list_users() -> Result<UserList, AppError> {
    use crate::domain::role::Role;
    use crate::features::auth::guard::require_role;
    use crate::features::users::service;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            require_role(&state, &[Role::Admin]).await?;
            service::list(&state.db).await
        }
        .await,
    )
}
