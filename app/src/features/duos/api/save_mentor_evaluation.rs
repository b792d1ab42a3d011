use leptos::prelude::*;

use crate::error::AppError;
use crate::features::duos::types::MentorEvaluationForm;

/// Records the mentor's end evaluation of a closing duo: on their phone, or typed in by the
/// coordinator from paper.
#[server(prefix = "/api", endpoint = "save_mentor_evaluation")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn save_mentor_evaluation(evaluation: MentorEvaluationForm) -> Result<(), AppError> {
    use crate::domain::role::Role;
    use crate::features::auth::guard::require_role;
    use crate::features::duos::assessments;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let roles = [Role::Mentor, Role::Coordinator, Role::Admin];
            let user = require_role(&state, &roles).await?;
            assessments::save_mentor_evaluation(&state.db, &user, evaluation, state.now()).await
        }
        .await,
    )
}
