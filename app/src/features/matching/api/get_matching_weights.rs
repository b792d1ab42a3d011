use leptos::prelude::*;

use crate::error::AppError;
use crate::features::matching::types::CityWeights;

/// Every city's weights for the matching score. Admins only.
#[server(prefix = "/api", endpoint = "get_matching_weights")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_matching_weights() -> Result<Vec<CityWeights>, AppError> {
    use crate::domain::role::Role;
    use crate::features::auth::guard::require_role;
    use crate::features::matching::weights;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            require_role(&state, &[Role::Admin]).await?;
            weights::list(&state.db).await
        }
        .await,
    )
}
