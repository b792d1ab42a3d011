//! Outbox server functions.

use leptos::prelude::*;

use super::types::OutboxMessage;
use crate::error::AppError;

/// The newest e-mails with their delivery state. Admins only.
#[server(prefix = "/api", endpoint = "list_outbox")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn list_outbox() -> Result<Vec<OutboxMessage>, AppError> {
    use super::types::OUTBOX_PAGE;
    use crate::db::entities::outbox;
    use crate::domain::role::Role;
    use crate::features::auth::guard::require_role;
    use crate::platform::errors::db_internal;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;
    use sea_orm::{EntityTrait, QueryOrder, QuerySelect};

    finish(
        async move {
            let state = AppState::current()?;
            require_role(&state, &[Role::Admin]).await?;
            let rows = outbox::Entity::find()
                .order_by_desc(outbox::Column::Id)
                .limit(OUTBOX_PAGE)
                .all(&state.db)
                .await
                .map_err(db_internal("list outbox"))?;
            Ok(rows
                .into_iter()
                .map(|m| OutboxMessage {
                    id: m.id,
                    created_at: m.created_at,
                    to_address: m.to_address,
                    subject: m.subject,
                    body_text: m.body_text,
                    status: m.status,
                    attempts: m.attempts,
                    last_error: m.last_error,
                })
                .collect())
        }
        .await,
    )
}
