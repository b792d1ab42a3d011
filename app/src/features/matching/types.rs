use serde::{Deserialize, Serialize};

use crate::domain::matching::score::{Reason, Score};
use crate::features::people::types::PersonKind;

/// A candidate for a duo with one person, with the score and what it is made of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    pub id: i32,
    pub name: String,
    pub score: Score,
}

/// Someone who cannot be matched with this person, and every reason why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotAllowed {
    pub id: i32,
    pub name: String,
    pub reasons: Vec<Reason>,
}

/// The best candidates for one waiting mentee (mentors) or one available mentor (mentees).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestions {
    /// The kind of the candidates: mentors for a mentee, mentees for a mentor.
    pub candidates: PersonKind,
    /// Why this person cannot be matched at all right now, when that is so.
    pub own_reasons: Vec<Reason>,
    pub allowed: Vec<Suggestion>,
    /// How many candidates are ruled out, and the closest few with their reasons.
    pub forbidden_count: u32,
    pub forbidden: Vec<NotAllowed>,
    pub sectors: Vec<crate::features::reference::Named>,
    pub languages: Vec<crate::features::reference::Named>,
}
