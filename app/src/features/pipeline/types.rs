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
