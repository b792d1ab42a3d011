//! The audit log: who read or changed personal data, when, and from where. The database keeps
//! it append-only (migration 14).

use chrono::Utc;
use http::request::Parts;
use leptos::prelude::use_context;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, Set};

use super::request::client_ip_of;
use super::state::AppState;
use crate::db::entities::audit_log;

/// Appends an entry. Inside a server function, the client's address is taken from its request;
/// background jobs and commands leave none.
pub async fn record(
    conn: &impl ConnectionTrait,
    actor_user_id: Option<i32>,
    action: &str,
    subject_kind: &str,
    subject_id: Option<i32>,
) -> Result<(), DbErr> {
    let from_address = use_context::<Parts>().and_then(|parts| {
        let state = use_context::<AppState>()?;
        Some(client_ip_of(
            &parts.extensions,
            &parts.headers,
            &state.settings,
        ))
    });
    let entry = Entry {
        actor_user_id,
        action,
        subject_kind,
        subject_id,
    };
    append(conn, entry, from_address).await
}

/// Who did what to whose data.
pub struct Entry<'a> {
    pub actor_user_id: Option<i32>,
    pub action: &'a str,
    pub subject_kind: &'a str,
    pub subject_id: Option<i32>,
}

/// Appends an entry made outside a server function, such as a download, with the client's
/// address as the handler read it.
pub async fn append(
    conn: &impl ConnectionTrait,
    entry: Entry<'_>,
    from_address: Option<String>,
) -> Result<(), DbErr> {
    audit_log::ActiveModel {
        actor_user_id: Set(entry.actor_user_id),
        action: Set(entry.action.to_owned()),
        subject_kind: Set(entry.subject_kind.to_owned()),
        subject_id: Set(entry.subject_id),
        detail: Set(None),
        at: Set(Utc::now()),
        from_address: Set(from_address.map(|ip| ip.chars().take(64).collect())),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}
