use leptos::prelude::*;

use crate::error::AppError;
use crate::features::people::types::PersonKind;
use crate::features::pipeline::types::ScreeningPanel;

/// One person's screening: the interview planned or held, training, and the moves allowed.
#[server(prefix = "/api", endpoint = "get_screening")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_screening(kind: PersonKind, id: i32) -> Result<ScreeningPanel, AppError> {
    use crate::features::auth::guard::{STAFF, require_role};
    use crate::features::pipeline::panel;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, STAFF).await?;
            panel::load(&state.db, &user, kind, id).await
        }
        .await,
    )
}
