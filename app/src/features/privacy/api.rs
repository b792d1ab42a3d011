//! Server functions of a person's data rights.

use leptos::prelude::*;

use crate::error::AppError;
use crate::features::people::types::PersonKind;
use crate::features::privacy::types::{AuditPage, AuditQuery, ConsentRecord, RetentionPreview};

/// Withdraws one consent: the mentor their own, a coordinator for the people of their cities, an
/// admin for anyone. What depended on it stops in the same step.
#[server(prefix = "/api", endpoint = "withdraw_consent")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn withdraw_consent(consent_id: i32) -> Result<(), AppError> {
    use crate::domain::role::Role;
    use crate::features::auth::guard::require_role;
    use crate::features::privacy::consents;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user =
                require_role(&state, &[Role::Mentor, Role::Coordinator, Role::Admin]).await?;
            consents::withdraw(&state.db, &user, consent_id, state.now()).await
        }
        .await,
    )
}

/// Erases one mentor or mentee, as anonymisation: their values go, the figures stay. Admins only,
/// once the person's duo has ended.
#[server(prefix = "/api", endpoint = "erase_person")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn erase_person(kind: PersonKind, id: i32) -> Result<(), AppError> {
    use crate::features::auth::guard::require_role;
    use crate::features::privacy::erasure;
    use crate::features::privacy::types::ERASERS;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, ERASERS).await?;
            erasure::erase(&state.db, user.user_id, kind, id, state.now()).await
        }
        .await,
    )
}

/// The signed-in mentor's consents, the latest first.
#[server(prefix = "/api", endpoint = "get_my_consents")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_my_consents() -> Result<Vec<ConsentRecord>, AppError> {
    use crate::domain::role::Role;
    use crate::features::auth::guard::require_role;
    use crate::features::people::types::PersonKind;
    use crate::features::privacy::consents;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, &[Role::Mentor]).await?;
            let mentor_id = user.mentor_id.ok_or(AppError::NotFound)?;
            consents::list(&state.db, PersonKind::Mentors, mentor_id).await
        }
        .await,
    )
}

/// The audit log, searched: admins only.
#[server(prefix = "/api", endpoint = "search_audit")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn search_audit(#[server(default)] query: AuditQuery) -> Result<AuditPage, AppError> {
    use crate::domain::local_time::to_local;
    use crate::domain::role::Role;
    use crate::features::auth::guard::require_role;
    use crate::features::privacy::audit_search;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            require_role(&state, &[Role::Admin]).await?;
            let today = to_local(state.now()).date();
            audit_search::search(&state.db, &query, today).await
        }
        .await,
    )
}

/// The retention period and who the retention job anonymises next: admins only.
#[server(prefix = "/api", endpoint = "get_retention")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_retention() -> Result<RetentionPreview, AppError> {
    use crate::domain::role::Role;
    use crate::features::auth::guard::require_role;
    use crate::features::privacy::retention;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            require_role(&state, &[Role::Admin]).await?;
            retention::preview(&state.db, state.now()).await
        }
        .await,
    )
}

/// Sets the retention period, in months after the last activity; the job's next run uses it.
#[server(prefix = "/api", endpoint = "save_retention_months")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn save_retention_months(months: String) -> Result<u32, AppError> {
    use crate::domain::role::Role;
    use crate::features::auth::guard::require_role;
    use crate::features::privacy::retention;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, &[Role::Admin]).await?;
            retention::save_months(&state.db, &user, &months, state.now()).await
        }
        .await,
    )
}
