use leptos::prelude::*;

use crate::error::AppError;
use crate::features::auth::types::SessionUser;

/// Signs a mentor in with the token from their e-mail. Posted from the
/// landing page's button, never done on GET, so a mail scanner that follows
/// the link does not use it up.
#[server(prefix = "/api", endpoint = "redeem_magic_link")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn redeem_magic_link(token: String) -> Result<SessionUser, AppError> {
    use super::sign_in::user_agent;
    use crate::error::ErrorCode;
    use crate::features::auth::throttle::{self, Attempt};
    use crate::features::auth::{cookies, service};
    use crate::platform::errors::db_internal;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            throttle::allow(&state, Attempt::LinkUse).await?;
            let invalid = || AppError::field("token", ErrorCode::LinkExpired);
            if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(invalid());
            }
            let user = service::redeem_magic_link(&state.db, &token)
                .await
                .map_err(db_internal("redeem magic link"))?
                .ok_or_else(invalid)?;
            let session = service::start_session(&state.db, user.id, &state.settings, user_agent())
                .await
                .map_err(db_internal("start session"))?;
            let user = service::load_session_user(&state.db, user)
                .await
                .map_err(db_internal("load session user"))?;
            tracing::info!(user_id = user.user_id, "signed in by link");
            cookies::send_sign_in(&state.settings, &session, user.locale);
            leptos_axum::redirect(user.home_path());
            Ok(user)
        }
        .await,
    )
}
