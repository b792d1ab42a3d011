use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::matching::history::BoardAction;
use crate::domain::matching::score::{Reason, Score};
use crate::domain::reference::LanguageLevel;
use crate::domain::weekly_slots::WeeklySlots;
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

/// The matching board's filters and pages, as they appear in the address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardQuery {
    #[serde(default)]
    pub city_id: Option<i32>,
    #[serde(default)]
    pub sector_id: Option<i32>,
    #[serde(default)]
    pub language_id: Option<i32>,
    #[serde(default)]
    pub search: Option<String>,
    /// 1-based.
    #[serde(default)]
    pub mentee_page: Option<u32>,
    #[serde(default)]
    pub mentor_page: Option<u32>,
}

/// One person on the matching board: what a coordinator weighs at a glance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardCard {
    pub id: i32,
    pub name: String,
    /// Goal sectors of a mentee; sectors of a mentor.
    pub sector_ids: Vec<i32>,
    pub languages: Vec<(i32, LanguageLevel)>,
    pub slots: WeeklySlots,
    /// Mentees: days since they started waiting.
    pub days_waiting: Option<u32>,
    /// Mentors: duos completed.
    pub completed_duos: Option<u32>,
}

/// One page of a board column, of those that pass the filters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardColumn {
    pub cards: Vec<BoardCard>,
    /// Cards that pass the filters, on every page.
    pub total: u32,
    /// 1-based, at most `pages`.
    pub page: u32,
    pub pages: u32,
}

/// A pair the board shows outside the columns: a proposed duo, a lock or a ban.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairView {
    pub mentor_id: i32,
    pub mentor: String,
    pub mentee_id: i32,
    pub mentee: String,
    /// The duo, for a proposed duo.
    pub duo_id: Option<i32>,
}

/// One line of the board's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub action: BoardAction,
    pub mentor: Option<String>,
    pub mentee: Option<String>,
    pub score: Option<u8>,
    pub pairs: Option<u32>,
    /// The user's display name.
    pub by: Option<String>,
    pub at: DateTime<Utc>,
}

/// A city's matching board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchingBoard {
    pub cities: Vec<crate::features::reference::Named>,
    pub sectors: Vec<crate::features::reference::Named>,
    pub languages: Vec<crate::features::reference::Named>,
    /// The city shown; `None` when the caller may see no city at all.
    pub city_id: Option<i32>,
    pub mentees: BoardColumn,
    pub mentors: BoardColumn,
    /// Duos proposed and not yet introduced, which can still be undone.
    pub proposed: Vec<PairView>,
    pub locks: Vec<PairView>,
    pub bans: Vec<PairView>,
    pub history: Vec<HistoryEntry>,
}

/// What dragging one person onto another would give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairPreview {
    pub mentor_id: i32,
    pub mentor: String,
    pub mentee_id: i32,
    pub mentee: String,
    /// The score, when the pair is allowed.
    pub score: Option<Score>,
    /// Why the pair is forbidden; empty when it is allowed.
    pub reasons: Vec<Reason>,
}

/// The solver's proposals for a whole city.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CityProposals {
    pub proposals: Vec<ProposedPair>,
    /// Waiting mentees and available mentors the proposals leave out.
    pub unmatched_mentees: u32,
    pub unmatched_mentors: u32,
    /// How long the solver took, scoring included, in milliseconds.
    pub solve_ms: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposedPair {
    pub mentor_id: i32,
    pub mentor: String,
    pub mentee_id: i32,
    pub mentee: String,
    pub locked: bool,
    pub score: Score,
}

/// A mentor and a mentee, by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PairIds {
    pub mentor_id: i32,
    pub mentee_id: i32,
}

/// What a coordinator decides about a pair on the board.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PairRule {
    /// Keep this pair in every city-wide proposal (replacing either person's other lock).
    Lock,
    Unlock,
    /// Never propose this pair.
    Ban,
    Unban,
    /// Set a solver proposal aside; recorded in the history only.
    Reject,
}

/// How accepting one proposed pair went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accepted {
    pub pair: PairIds,
    pub result: Result<i32, crate::error::AppError>,
}

/// A city's matching weights, as an admin sees and edits them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CityWeights {
    pub city: crate::features::reference::Named,
    pub weights: crate::domain::matching::score::Weights,
    /// `false` while the city uses the programme's defaults.
    pub customised: bool,
    pub updated_at: Option<DateTime<Utc>>,
    pub updated_by: Option<String>,
}

/// New weights for a city, each as typed: a whole number from 0 to 100.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeightsForm {
    pub city_id: i32,
    /// One value per criterion, keyed by its name (`sector`, `availability`, …).
    pub values: Vec<(String, String)>,
}

/// The conditions recorded for a mentee's mentor.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MenteeMusts {
    pub mentee_id: i32,
    pub same_sector: bool,
    pub shared_slot: bool,
    pub within_km: Option<u16>,
}

/// The conditions as the coordinator's form sends them; the distance as typed, blank for none.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MustsForm {
    pub mentee_id: i32,
    #[serde(default)]
    pub same_sector: bool,
    #[serde(default)]
    pub shared_slot: bool,
    #[serde(default)]
    pub within_km: String,
}
