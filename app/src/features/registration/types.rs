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
