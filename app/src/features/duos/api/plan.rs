use leptos::prelude::*;

use crate::error::AppError;
use crate::features::duos::types::PlanItemForm;

/// Adds a goal to a duo's action plan, or a step to one of its goals; returns its id.
#[server(prefix = "/api", endpoint = "add_plan_item")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn add_plan_item(item: PlanItemForm) -> Result<i32, AppError> {
    use crate::domain::role::Role;
    use crate::features::auth::guard::require_role;
    use crate::features::duos::plan;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let roles = [Role::Mentor, Role::Coordinator, Role::Admin];
            let user = require_role(&state, &roles).await?;
            plan::add(&state.db, &user, item, state.now()).await
        }
        .await,
    )
}

/// Ticks a step of the action plan off, or back on.
#[server(prefix = "/api", endpoint = "tick_step")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn tick_step(step_id: i32, done: bool) -> Result<(), AppError> {
    use crate::domain::role::Role;
    use crate::features::auth::guard::require_role;
    use crate::features::duos::plan;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let roles = [Role::Mentor, Role::Coordinator, Role::Admin];
            let user = require_role(&state, &roles).await?;
            plan::tick(&state.db, &user, step_id, done, state.now()).await
        }
        .await,
    )
}
