use leptos::prelude::*;
use server_fn::codec::Json;

use crate::error::AppError;
use crate::features::matching::types::{PairIds, PairRule};

/// Locks, unlocks, bans, unbans or rejects a pair on the matching board; the board's history
/// records who did it and when.
#[server(prefix = "/api", endpoint = "set_pair_rule", input = Json)]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn set_pair_rule(pair: PairIds, rule: PairRule) -> Result<(), AppError> {
    use crate::domain::role::Role;
    use crate::features::auth::guard::require_role;
    use crate::features::matching::board;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, &[Role::Coordinator, Role::Admin]).await?;
            board::set_rule(
                &state.db,
                &user,
                pair,
                rule,
                chrono::Utc::now().date_naive(),
            )
            .await
        }
        .await,
    )
}
