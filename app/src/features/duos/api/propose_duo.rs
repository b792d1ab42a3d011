use leptos::prelude::*;

use crate::error::AppError;
use crate::features::duos::types::ProposedDuo;

/// A coordinator proposes a duo between an available mentor and a waiting
/// mentee of their city. If either already has an open duo, the answer is a
/// Conflict that names who is taken.
#[server(prefix = "/api", endpoint = "propose_duo")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn propose_duo(mentor_id: i32, mentee_id: i32) -> Result<ProposedDuo, AppError> {
    use crate::domain::role::Role;
    use crate::features::auth::guard::require_role;
    use crate::features::duos::service;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, &[Role::Coordinator, Role::Admin]).await?;
            let action = crate::domain::matching::history::BoardAction::Proposed;
            service::propose(&state.db, &user, mentor_id, mentee_id, action).await
        }
        .await,
    )
}
