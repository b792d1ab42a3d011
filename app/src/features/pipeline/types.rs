use serde::{Deserialize, Serialize};

use crate::domain::mentee::MenteeStatus;
use crate::domain::mentor::MentorStatus;
use crate::features::people::types::PersonKind;

/// The mentor stages the board shows, in column order.
pub const MENTOR_STAGES: [MentorStatus; 7] = [
    MentorStatus::Applied,
    MentorStatus::IntakeScheduled,
    MentorStatus::IntakeDone,
    MentorStatus::InTraining,
    MentorStatus::Available,
    MentorStatus::Paused,
    MentorStatus::Left,
];

/// The mentee stages the board shows, in column order.
pub const MENTEE_STAGES: [MenteeStatus; 3] = [
    MenteeStatus::Registered,
    MenteeStatus::IntakeDone,
    MenteeStatus::Waiting,
];

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
    /// A public sign-up whose address is not confirmed yet (mentors only).
    pub unconfirmed: bool,
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
    /// The columns, as `mentors-{status}` or `mentees-{status}`, whose stage holds more people
    /// than the column shows.
    #[serde(default)]
    pub cut_columns: Vec<String>,
}

/// An intake interview still to hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedIntake {
    pub interview_id: i32,
    pub at: chrono::DateTime<chrono::Utc>,
    pub place: Option<String>,
}

/// The conclusion of the last interview held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedIntake {
    pub done_at: chrono::DateTime<chrono::Utc>,
    /// `proceed`, `hold` or `not_suitable`.
    pub recommendation: Option<String>,
    /// Motivation, communication, sector knowledge and availability, each 1–5.
    pub scores: [Option<i32>; 4],
}

/// A training session a mentor is registered for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingSeatInfo {
    pub session_id: i32,
    pub title: String,
    pub starts_at: chrono::DateTime<chrono::Utc>,
    pub attended: Option<bool>,
}

/// Where a person is in screening, and what the coordinator can do next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScreeningPanel {
    pub kind: PersonKind,
    pub person_id: i32,
    /// The stored status.
    pub status: String,
    /// Whether an interview may be planned (or moved) now.
    pub can_schedule: bool,
    pub planned: Option<PlannedIntake>,
    pub recorded: Option<RecordedIntake>,
    /// Mentors only: the training sessions they are registered for.
    pub trainings: Vec<TrainingSeatInfo>,
    /// Statuses the person can be moved to from here, by the move form.
    pub moves: Vec<String>,
    /// Mentors only: the screening steps still missing before `available`.
    pub missing: Vec<crate::domain::screening::ScreeningStep>,
}
