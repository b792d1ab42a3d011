use leptos::prelude::*;

use crate::error::AppError;
use crate::features::people::types::{PeopleList, PeopleQuery};

/// Mentors or mentees in the caller's cities, filtered and paginated.
#[server(prefix = "/api", endpoint = "list_people")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn list_people(query: PeopleQuery) -> Result<PeopleList, AppError> {
    use crate::features::auth::guard::{STAFF, require_role};
    use crate::features::people::service;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, STAFF).await?;
            service::list(&state.db, &user, query).await
        }
        .await,
    )
}
