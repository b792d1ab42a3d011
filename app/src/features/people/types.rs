//! Wire types for the people lists and detail pages.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::availability::WeeklySlots;
use crate::domain::mentee::MenteeStatus;
use crate::domain::mentor::MentorStatus;
use crate::domain::reference::LanguageLevel;
use crate::features::privacy::types::ConsentRecord;
pub use crate::features::reference::Named;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum PersonKind {
    #[default]
    Mentors,
    Mentees,
}

impl PersonKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PersonKind::Mentors => "mentors",
            PersonKind::Mentees => "mentees",
        }
    }

    /// One such person: how the audit log names its subjects.
    pub fn singular(self) -> &'static str {
        match self {
            PersonKind::Mentors => "mentor",
            PersonKind::Mentees => "mentee",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "mentors" => Some(PersonKind::Mentors),
            "mentees" => Some(PersonKind::Mentees),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "status")]
pub enum PersonStatus {
    Mentor(MentorStatus),
    Mentee(MenteeStatus),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PeopleQuery {
    pub kind: PersonKind,
    /// A status value of the chosen kind, or empty for all.
    pub status: Option<String>,
    pub sector_id: Option<i32>,
    pub city_id: Option<i32>,
    pub search: Option<String>,
    /// 1-based.
    pub page: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonRow {
    pub id: i32,
    pub name: String,
    pub city_id: i32,
    pub status: PersonStatus,
    pub sector_ids: Vec<i32>,
    pub status_since: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeopleList {
    pub rows: Vec<PersonRow>,
    pub total: u64,
    pub page: u32,
    pub pages: u32,
    /// Cities the caller may filter on, and every sector, for the filter form
    /// and for naming the ids in `rows`.
    pub cities: Vec<Named>,
    pub sectors: Vec<Named>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectorExperience {
    pub sector: Named,
    /// Mentors' years in the sector; `None` for a mentee's goal sector.
    pub years: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpokenLanguage {
    pub language: Named,
    pub level: LanguageLevel,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub at: DateTime<Utc>,
    pub from: Option<PersonStatus>,
    pub to: PersonStatus,
    pub reason: Option<String>,
    pub by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonDetail {
    pub id: i32,
    pub kind: PersonKind,
    pub first_name: String,
    pub last_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub birth_year: i32,
    pub postcode: i32,
    pub city: Named,
    pub status: PersonStatus,
    pub sectors: Vec<SectorExperience>,
    pub languages: Vec<SpokenLanguage>,
    pub availability: WeeklySlots,
    /// Mentees only.
    pub goal: Option<String>,
    /// Mentees only, and only for the coordinators of their city: the eligibility answer,
    /// recorded with explicit consent. `None` when not recorded or not to be shown.
    pub migrant_background: Option<bool>,
    pub history: Vec<StatusChange>,
    /// When the person was anonymised (erasure or retention); their values are gone.
    pub anonymised_at: Option<DateTime<Utc>>,
    /// Whether the reader acts on the person's data rights: downloads everything about them and
    /// records a withdrawal of consent (`privacy::types::EXPORTERS`).
    pub may_act_on_data: bool,
    /// Whether the reader may erase the person (`privacy::types::ERASERS`).
    pub may_erase: bool,
    /// Filled in by `get_person`.
    pub consents: Vec<ConsentRecord>,
}

/// Rows per page in the people lists.
pub const PAGE_SIZE: u64 = 25;
