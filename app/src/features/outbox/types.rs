//! Wire types for the outbox page.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxMessage {
    pub id: i32,
    pub created_at: DateTime<Utc>,
    pub to_address: String,
    pub subject: String,
    pub body_text: String,
    pub status: String,
    pub attempts: i32,
    pub last_error: Option<String>,
}

/// How many messages the page shows, newest first.
pub const OUTBOX_PAGE: u64 = 200;
