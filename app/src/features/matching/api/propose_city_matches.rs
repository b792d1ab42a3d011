use leptos::prelude::*;

use crate::error::AppError;
use crate::features::matching::types::CityProposals;

/// The best set of duos for the whole city, solved exactly over the allowed pairs, keeping
/// the city's locked pairs. Nothing is proposed until the coordinator accepts.
#[server(prefix = "/api", endpoint = "propose_city_matches")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn propose_city_matches(city_id: i32) -> Result<CityProposals, AppError> {
    use crate::domain::role::Role;
    use crate::features::auth::guard::require_role;
    use crate::features::matching::board;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, &[Role::Coordinator, Role::Admin]).await?;
            board::propose_city(&state.db, &user, city_id, chrono::Utc::now().date_naive()).await
        }
        .await,
    )
}
