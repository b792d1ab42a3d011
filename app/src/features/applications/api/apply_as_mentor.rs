use leptos::prelude::*;
use server_fn::codec::Json;

use crate::domain::application::Answers;
use crate::error::AppError;
use crate::features::applications::types::ApplyOutcome;

/// Someone from the public applies to become a mentor. Open to anyone, limited per address.
#[server(prefix = "/api", endpoint = "apply_as_mentor", input = Json)]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn apply_as_mentor(answers: Answers) -> Result<ApplyOutcome, AppError> {
    use crate::features::applications::service;
    use crate::platform::request::client_ip;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            service::apply(
                &state,
                &client_ip(&state.settings),
                answers,
                chrono::Utc::now(),
            )
            .await
        }
        .await,
    )
}
