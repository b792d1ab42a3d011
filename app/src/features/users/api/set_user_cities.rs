use leptos::prelude::*;

use crate::error::AppError;

/// Replaces the cities a coordinator works in. Admins only.
#[server(prefix = "/api", endpoint = "set_user_cities")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn set_user_cities(
    user_id: i32,
    #[server(default)] city_ids: Vec<i32>,
) -> Result<(), AppError> {
    use crate::domain::role::Role;
    use crate::features::auth::guard::require_role;
    use crate::features::users::service;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let admin = require_role(&state, &[Role::Admin]).await?;
            service::set_cities(&state.db, &admin, user_id, city_ids).await
        }
        .await,
    )
}
