//! The audit log: who read or changed personal data, and when.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, Set};

use crate::db::entities::audit_log;

pub async fn record(
    conn: &impl ConnectionTrait,
    actor_user_id: Option<i32>,
    action: &str,
    subject_kind: &str,
    subject_id: Option<i32>,
) -> Result<(), DbErr> {
    audit_log::ActiveModel {
        actor_user_id: Set(actor_user_id),
        action: Set(action.to_owned()),
        subject_kind: Set(subject_kind.to_owned()),
        subject_id: Set(subject_id),
        detail: Set(None),
        at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}
