//! The dashboard's server function, for staff: managers and admins see every city,
//! coordinators theirs.

use leptos::prelude::*;

use super::types::{ImpactQuery, ImpactReport};
use crate::error::AppError;

/// The figures of a selection, with their splits per city and per cohort.
#[server(prefix = "/api", endpoint = "get_impact")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_impact(#[server(default)] query: ImpactQuery) -> Result<ImpactReport, AppError> {
    use crate::features::auth::guard::{STAFF, require_role};
    use crate::features::impact::service;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, STAFF).await?;
            let today = crate::domain::local_time::to_local(state.now()).date();
            service::report(&state.db, &user, &query, today).await
        }
        .await,
    )
}
