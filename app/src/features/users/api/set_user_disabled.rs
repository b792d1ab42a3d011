use leptos::prelude::*;

use crate::error::AppError;

/// Disables (ending every session of the account) or re-enables a user.
/// Admins only, and never their own account.
#[server(prefix = "/api", endpoint = "set_user_disabled")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn set_user_disabled(user_id: i32, disabled: bool) -> Result<(), AppError> {
    use crate::domain::role::Role;
    use crate::features::auth::guard::require_role;
    use crate::features::users::service;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let admin = require_role(&state, &[Role::Admin]).await?;
            if admin.user_id == user_id {
                return Err(AppError::Forbidden);
            }
            service::set_disabled(&state.db, &admin, user_id, disabled).await
        }
        .await,
    )
}
