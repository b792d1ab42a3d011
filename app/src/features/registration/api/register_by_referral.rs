use leptos::prelude::*;
use server_fn::codec::Json;

use crate::domain::application::Answers;
use crate::error::AppError;

/// A partner registers a young person through a referral link. Limited per address.
#[server(prefix = "/api", endpoint = "register_by_referral", input = Json)]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn register_by_referral(token: String, answers: Answers) -> Result<(), AppError> {
    use crate::features::registration::service;
    use crate::platform::request::client_ip;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            service::register_by_referral(
                &state,
                &client_ip(&state.settings),
                &token,
                answers,
                chrono::Utc::now(),
            )
            .await
        }
        .await,
    )
}
