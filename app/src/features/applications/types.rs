use serde::{Deserialize, Serialize};

use crate::domain::application::{Answers, Ineligibility};
use crate::error::FieldError;
use crate::features::reference::Named;

/// What an applicant is told. `Received` is the answer for a new address, a known address and
/// a bot alike, so the page never reveals who has applied before.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ApplyOutcome {
    Received,
    Ineligible(Vec<Ineligibility>),
}

/// Why a plain form post came back to the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DraftOutcome {
    Refused(Vec<FieldError>),
    Ineligible(Vec<Ineligibility>),
}

/// The answers of a refused plain form post, shown again with what was wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub answers: Answers,
    pub outcome: DraftOutcome,
}

/// Everything the sign-up page shows: the lists to choose from and, after a refused plain form
/// post, the answers given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationPage {
    pub cities: Vec<Named>,
    pub sectors: Vec<Named>,
    pub languages: Vec<Named>,
    pub draft: Option<Draft>,
}

/// Where the link of the sign-up's e-mail lands; its token is in the query.
pub const CONFIRM_PATH: &str = "/volunteer/confirm";
