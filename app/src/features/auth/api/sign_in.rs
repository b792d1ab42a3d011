use leptos::prelude::*;

use crate::error::AppError;
use crate::features::auth::types::SessionUser;

/// Staff sign-in with e-mail and password. A wrong e-mail and a wrong password
/// get the same answer.
#[server(prefix = "/api", endpoint = "sign_in")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn sign_in(email: String, password: String) -> Result<SessionUser, AppError> {
    use crate::domain::email::Email;
    use crate::error::ErrorCode;
    use crate::features::auth::throttle::{self, Attempt};
    use crate::features::auth::{cookies, guard, service};
    use crate::platform::errors::db_internal;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let email = Email::parse(&email).map_err(|code| AppError::field("email", code))?;
            if password.is_empty() {
                return Err(AppError::field("password", ErrorCode::Required));
            }
            throttle::allow(&state, Attempt::SignIn(&email)).await?;
            let Some(user) = service::authenticate(&state.db, &email, password).await? else {
                tracing::info!("sign-in refused: wrong e-mail or password");
                throttle::wrong_password(&state, &email).await?;
                return Err(AppError::field("password", ErrorCode::InvalidCredentials));
            };
            if let Some(old) = guard::session_token(&state) {
                service::end_session(&state.db, &old)
                    .await
                    .map_err(db_internal("end previous session"))?;
            }
            let token = service::start_session(&state.db, user.id, &state.settings, user_agent())
                .await
                .map_err(db_internal("start session"))?;
            let user = service::load_session_user(&state.db, user)
                .await
                .map_err(db_internal("load session user"))?;
            tracing::info!(
                user_id = user.user_id,
                role = user.role.as_str(),
                "signed in"
            );
            cookies::send_sign_in(&state.settings, &token, user.locale);
            leptos_axum::redirect(user.home_path());
            Ok(user)
        }
        .await,
    )
}

#[cfg(feature = "ssr")]
pub(super) fn user_agent() -> Option<String> {
    use_context::<http::request::Parts>()?
        .headers
        .get(http::header::USER_AGENT)?
        .to_str()
        .ok()
        .map(str::to_owned)
}
