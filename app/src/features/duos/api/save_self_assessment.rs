use leptos::prelude::*;

use crate::error::AppError;
use crate::features::duos::types::SelfAssessmentForm;

/// Records the mentee's self-assessment on the five dimensions: filled in with their mentor on
/// the phone, or by the coordinator.
#[server(prefix = "/api", endpoint = "save_self_assessment")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn save_self_assessment(assessment: SelfAssessmentForm) -> Result<(), AppError> {
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
            assessments::save(&state.db, &user, assessment, state.now()).await
        }
        .await,
    )
}
