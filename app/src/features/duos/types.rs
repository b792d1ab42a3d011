//! Wire types for duos.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::duo::DuoStatus;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyDuo {
    pub mentor_first_name: String,
    pub duo: Option<DuoSummary>,
}

/// What a mentor sees of their open duo: the mentee's first name only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuoSummary {
    pub id: i32,
    pub status: DuoStatus,
    pub mentee_first_name: String,
    pub goal: Option<String>,
    pub started_on: Option<NaiveDate>,
    pub planned_end_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposedDuo {
    pub id: i32,
    pub mentor_id: i32,
    pub mentee_id: i32,
    /// The pair's score when proposed, 0–100.
    pub score: u8,
}
