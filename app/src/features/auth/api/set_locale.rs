use leptos::prelude::*;

use crate::domain::locale::Locale;
use crate::error::AppError;

/// Remembers the chosen language: in a cookie for everyone, and on the
/// account of a signed-in user so that e-mails follow it too.
#[server(prefix = "/api", endpoint = "set_locale")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn set_locale(locale: Locale) -> Result<(), AppError> {
    use crate::features::auth::{cookies, guard, service};
    use crate::platform::errors::db_internal;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            if let Some(user) = guard::current_user(&state).await? {
                service::set_locale(&state.db, user.user_id, locale)
                    .await
                    .map_err(db_internal("set locale"))?;
            }
            cookies::send(cookies::locale_set(&state.settings, locale));
            Ok(())
        }
        .await,
    )
}
