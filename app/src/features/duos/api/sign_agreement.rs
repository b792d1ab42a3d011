use leptos::prelude::*;

use crate::domain::evaluation::Respondent;
use crate::error::AppError;

/// Records one side's signature of the duo agreement: a mentor signs their own side, a
/// coordinator records either side signed at the meeting.
#[server(prefix = "/api", endpoint = "sign_agreement")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn sign_agreement(duo_id: i32, side: Respondent) -> Result<(), AppError> {
    use crate::domain::role::Role;
    use crate::features::auth::guard::require_role;
    use crate::features::duos::life;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let roles = [Role::Mentor, Role::Coordinator, Role::Admin];
            let user = require_role(&state, &roles).await?;
            life::sign_agreement(&state.db, &user, duo_id, side, state.now()).await
        }
        .await,
    )
}
