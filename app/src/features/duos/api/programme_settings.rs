use leptos::prelude::*;

use crate::error::AppError;

/// The rest after a closed duo before its mentor is invited back, in weeks.
#[server(prefix = "/api", endpoint = "get_return_pause")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_return_pause() -> Result<u32, AppError> {
    use crate::domain::role::Role;
    use crate::features::auth::guard::require_role;
    use crate::features::duos::returning;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            require_role(&state, &[Role::Admin]).await?;
            returning::pause_weeks(&state.db).await
        }
        .await,
    )
}

/// Sets the rest after a closed duo; it applies to duos closed from now on.
#[server(prefix = "/api", endpoint = "save_return_pause")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn save_return_pause(weeks: String) -> Result<u32, AppError> {
    use crate::domain::role::Role;
    use crate::features::auth::guard::require_role;
    use crate::features::duos::returning;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, &[Role::Admin]).await?;
            returning::save_pause_weeks(&state.db, &user, &weeks, state.now()).await
        }
        .await,
    )
}
