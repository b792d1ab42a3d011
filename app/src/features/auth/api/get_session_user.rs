use leptos::prelude::*;

use crate::error::AppError;
use crate::features::auth::types::SessionUser;

/// Who is signed in, if anyone. Public: it only ever describes the caller.
#[server(prefix = "/api", endpoint = "get_session_user")]
pub async fn get_session_user() -> Result<Option<SessionUser>, AppError> {
    use crate::features::auth::guard;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(async move { guard::current_user(&AppState::current()?).await }.await)
}
