//! Peer-session server functions, for staff of the session's city.

use leptos::prelude::*;

use super::types::{NewPeerSession, PeerDetail, PeerList};
use crate::error::AppError;

/// The sessions of the caller's cities.
#[server(prefix = "/api", endpoint = "list_peer_sessions")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn list_peer_sessions() -> Result<PeerList, AppError> {
    use crate::features::auth::guard::{STAFF, require_role};
    use crate::features::peer::service;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, STAFF).await?;
            service::list(&state.db, &user).await
        }
        .await,
    )
}

/// Plans a session in one of the caller's cities; returns its id.
#[server(prefix = "/api", endpoint = "create_peer_session")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn create_peer_session(session: NewPeerSession) -> Result<i32, AppError> {
    use crate::features::auth::guard::{DECIDERS, require_role};
    use crate::features::peer::service;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, DECIDERS).await?;
            let today = crate::domain::local_time::to_local(state.now()).date();
            service::create(&state.db, &user, session, today).await
        }
        .await,
    )
}

/// One session with the mentors who may have come.
#[server(prefix = "/api", endpoint = "get_peer_session")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_peer_session(id: i32) -> Result<PeerDetail, AppError> {
    use crate::features::auth::guard::{STAFF, require_role};
    use crate::features::peer::service;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, STAFF).await?;
            let today = crate::domain::local_time::to_local(state.now()).date();
            service::detail(&state.db, &user, id, today).await
        }
        .await,
    )
}

/// Records whether a mentor came to a session whose day has come.
#[server(prefix = "/api", endpoint = "set_peer_attendance")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn set_peer_attendance(
    session_id: i32,
    mentor_id: i32,
    attended: bool,
) -> Result<(), AppError> {
    use crate::features::auth::guard::{DECIDERS, require_role};
    use crate::features::peer::service;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, DECIDERS).await?;
            let today = crate::domain::local_time::to_local(state.now()).date();
            service::set_attendance(&state.db, &user, session_id, mentor_id, attended, today).await
        }
        .await,
    )
}
