//! The audit log: who read or changed personal data, when, and from where. The database keeps
//! it append-only (migration 14).

use chrono::Utc;
use http::request::Parts;
use leptos::prelude::use_context;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, Set};

use super::request::client_ip_of;
use super::state::AppState;
use crate::db::entities::audit_log;

/// Appends an entry. Inside a request, the client's address is taken from it; background jobs
/// and commands leave none.
pub async fn record(
    conn: &impl ConnectionTrait,
    actor_user_id: Option<i32>,
    action: &str,
    subject_kind: &str,
    subject_id: Option<i32>,
) -> Result<(), DbErr> {
    let from_address = use_context::<Parts>().and_then(|parts| {
        let state = use_context::<AppState>()?;
        let ip = client_ip_of(&parts.extensions, &parts.headers, &state.settings);
        Some(ip.chars().take(64).collect::<String>())
    });
    audit_log::ActiveModel {
        actor_user_id: Set(actor_user_id),
        action: Set(action.to_owned()),
        subject_kind: Set(subject_kind.to_owned()),
        subject_id: Set(subject_id),
        detail: Set(None),
        at: Set(Utc::now()),
        from_address: Set(from_address),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}
