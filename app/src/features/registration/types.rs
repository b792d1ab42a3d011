use serde::{Deserialize, Serialize};

use crate::features::reference::Named;

/// What the registration form offers to choose from: the caller's cities, every sector and
/// language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationPage {
    pub cities: Vec<Named>,
    pub sectors: Vec<Named>,
    pub languages: Vec<Named>,
}

/// The new mentee's record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registered {
    pub mentee_id: i32,
}

/// A referral link as the coordinator's form sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewReferralLink {
    pub city_id: String,
    pub partner_name: String,
    /// How many days the link stays valid.
    pub days: String,
}

/// A link just made: its address is shown this once, since only its hash is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedReferralLink {
    pub id: i32,
    /// The whole address to give the partner: the platform's public URL, `/refer/<token>`.
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferralLinkRow {
    pub id: i32,
    pub city_id: i32,
    pub partner_name: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub expires_at: chrono::DateTime<chrono::Utc>,
    pub revoked: bool,
    /// Mentees registered through it.
    pub registered: u32,
}

/// A young person a partner registered, still to be seen by a coordinator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferredMentee {
    pub mentee_id: i32,
    pub name: String,
    pub partner_name: String,
    pub registered_at: chrono::DateTime<chrono::Utc>,
}

/// The coordinator's referral page: their links and the registrations to review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferralLinks {
    pub cities: Vec<Named>,
    pub links: Vec<ReferralLinkRow>,
    pub to_review: Vec<ReferredMentee>,
}

/// What a partner's link opens: who it is for, and the lists of the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferralPage {
    pub partner_name: String,
    pub city: Named,
    pub sectors: Vec<Named>,
    pub languages: Vec<Named>,
}
