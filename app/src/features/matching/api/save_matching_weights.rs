use leptos::prelude::*;
use server_fn::codec::Json;

use crate::error::AppError;
use crate::features::matching::types::WeightsForm;

/// Sets one city's weights for the matching score; every criterion 0–100. Admins only.
#[server(prefix = "/api", endpoint = "save_matching_weights", input = Json)]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn save_matching_weights(form: WeightsForm) -> Result<(), AppError> {
    use crate::domain::role::Role;
    use crate::features::auth::guard::require_role;
    use crate::features::matching::weights;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, &[Role::Admin]).await?;
            weights::save(&state.db, &user, form).await
        }
        .await,
    )
}
