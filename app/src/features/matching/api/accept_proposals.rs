use leptos::prelude::*;
use server_fn::codec::Json;

use crate::error::AppError;
use crate::features::matching::types::{Accepted, PairIds};

/// Turns the solver's pairs the coordinator accepted into proposed duos, each on its own: a
/// pair someone took meanwhile is reported, and the others still go through.
#[server(prefix = "/api", endpoint = "accept_proposals", input = Json)]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn accept_proposals(pairs: Vec<PairIds>) -> Result<Vec<Accepted>, AppError> {
    use crate::domain::role::Role;
    use crate::features::auth::guard::require_role;
    use crate::features::matching::board;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, &[Role::Coordinator, Role::Admin]).await?;
            board::accept(&state.db, &user, pairs).await
        }
        .await,
    )
}
