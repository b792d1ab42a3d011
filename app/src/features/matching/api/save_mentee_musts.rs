use leptos::prelude::*;

use crate::error::AppError;
use crate::features::matching::types::MustsForm;

/// Records the conditions for a mentee's mentor; matching refuses any mentor who fails one.
#[server(prefix = "/api", endpoint = "save_mentee_musts")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn save_mentee_musts(form: MustsForm) -> Result<(), AppError> {
    use crate::domain::role::Role;
    use crate::features::auth::guard::require_role;
    use crate::features::matching::musts;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, &[Role::Coordinator, Role::Admin]).await?;
            musts::save(&state.db, &user, form).await
        }
        .await,
    )
}
