use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::features::reference::Named;

/// A session as the coordinator's form sends it: every field as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewPeerSession {
    pub city_id: String,
    pub held_on: String,
    pub topic: String,
    #[serde(default)]
    pub location: String,
}

/// One session in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeerSummary {
    pub id: i32,
    pub city_id: i32,
    pub held_on: NaiveDate,
    pub topic: String,
    pub location: Option<String>,
    pub attended: u32,
}

/// The sessions of the caller's cities, newest first, and the cities to plan one in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeerList {
    pub cities: Vec<Named>,
    pub sessions: Vec<PeerSummary>,
}

/// A mentor who may have come: the city's mentors in a duo, and anyone recorded as present.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeerMentor {
    pub mentor_id: i32,
    pub name: String,
    pub attended: bool,
}

/// One session with its mentors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeerDetail {
    pub session: PeerSummary,
    pub city: Named,
    /// Whether the day has come, so attendance can be recorded.
    pub started: bool,
    pub mentors: Vec<PeerMentor>,
}
