use leptos::prelude::*;

use crate::domain::returning::ReturnAnswer;
use crate::error::AppError;

/// The signed-in mentor's answer to the invitation to start another duo.
#[server(prefix = "/api", endpoint = "answer_return")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn answer_return(answer: ReturnAnswer) -> Result<(), AppError> {
    use crate::domain::role::Role;
    use crate::features::auth::guard::require_role;
    use crate::features::duos::returning;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, &[Role::Mentor]).await?;
            let now = state.now();
            let today = crate::domain::local_time::to_local(now).date();
            returning::answer(&state.db, &user, answer, now, today).await
        }
        .await,
    )
}
