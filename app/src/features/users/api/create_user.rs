use leptos::prelude::*;

use crate::error::AppError;
use crate::features::users::types::{UserForCreate, UserRow};

/// Adds a staff account with a first password. Admins only.
#[server(prefix = "/api", endpoint = "create_user")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn create_user(user: UserForCreate) -> Result<UserRow, AppError> {
    use crate::domain::role::Role;
    use crate::features::auth::guard::require_role;
    use crate::features::users::service;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let admin = require_role(&state, &[Role::Admin]).await?;
            service::create(&state.db, &admin, user).await
        }
        .await,
    )
}
