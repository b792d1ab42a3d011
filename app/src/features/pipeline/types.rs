use serde::{Deserialize, Serialize};

use crate::features::people::types::PersonKind;

/// An intake interview to plan, as the coordinator's form sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntakeForSchedule {
    pub kind: PersonKind,
    pub person_id: i32,
    /// Brussels time, as an HTML `datetime-local` value: `2026-12-03T09:30`.
    pub at: String,
    pub place: String,
}

/// What the interviewer concluded, each score 1 to 5 as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntakeReport {
    pub interview_id: i32,
    pub motivation: String,
    pub communication: String,
    pub sector_knowledge: String,
    pub availability: String,
    pub recommendation: String,
    #[serde(default)]
    pub notes: String,
}

/// A status change asked for on the pipeline board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChangeRequest {
    pub kind: PersonKind,
    pub person_id: i32,
    /// The status to move to, as stored (`in_training`, `left`, …).
    pub to: String,
    /// A reason code; required when refusing, pausing or withdrawing.
    #[serde(default)]
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduledIntake {
    pub interview_id: i32,
}

/// The board's filters, as they appear in the address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PipelineQuery {
    #[serde(default)]
    pub city_id: Option<i32>,
    #[serde(default)]
    pub sector_id: Option<i32>,
    #[serde(default)]
    pub language_id: Option<i32>,
    #[serde(default)]
    pub search: Option<String>,
}

/// One person on the board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PipelineCard {
    pub id: i32,
    pub name: String,
    /// The stored status, which is the board's column.
    pub status: String,
    pub since: chrono::DateTime<chrono::Utc>,
    pub sector_ids: Vec<i32>,
    pub language_ids: Vec<i32>,
    /// The interview still to come, if one is planned.
    pub intake_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// A city's board: mentors and mentees in screening, and the lists to filter by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pipeline {
    pub cities: Vec<crate::features::reference::Named>,
    pub sectors: Vec<crate::features::reference::Named>,
    pub languages: Vec<crate::features::reference::Named>,
    /// The city shown; `None` when the caller may see no city at all.
    pub city_id: Option<i32>,
    pub mentors: Vec<PipelineCard>,
    pub mentees: Vec<PipelineCard>,
}
