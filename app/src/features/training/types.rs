use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::features::reference::Named;

/// A session as the coordinator's form sends it: every field as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewTraining {
    pub city_id: String,
    pub title: String,
    /// Brussels time, as an HTML `datetime-local` value: `2026-12-03T09:30`.
    pub starts_at: String,
    pub location: String,
    pub capacity: String,
}

/// One session in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingSummary {
    pub id: i32,
    pub city_id: i32,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub location: String,
    pub capacity: i32,
    pub registered: u32,
    pub attended: u32,
}

/// The sessions of the caller's cities, next first, then the recent past.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingList {
    pub cities: Vec<Named>,
    pub upcoming: Vec<TrainingSummary>,
    pub past: Vec<TrainingSummary>,
}

/// A mentor registered for a session; `attended` stays `None` until it is recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub mentor_id: i32,
    pub name: String,
    pub attended: Option<bool>,
}

/// A mentor of the session's city who may still be registered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registrable {
    pub mentor_id: i32,
    pub name: String,
    /// The stored status: `intake_done` or `in_training`.
    pub status: String,
}

/// One session with its participants and who could join it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingDetail {
    pub session: TrainingSummary,
    pub city: Named,
    /// Whether the session has begun, so attendance can be recorded.
    pub started: bool,
    pub participants: Vec<Participant>,
    pub registrable: Vec<Registrable>,
}

/// Registering a mentor, or recording whether they came.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingSeat {
    pub session_id: i32,
    pub mentor_id: i32,
}
