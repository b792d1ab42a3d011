//! Wire types for user administration.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::role::Role;
use crate::features::reference::Named;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRow {
    pub id: i32,
    pub display_name: String,
    pub email: String,
    pub role: Role,
    pub city_ids: Vec<i32>,
    pub disabled: bool,
    pub last_sign_in_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserList {
    pub users: Vec<UserRow>,
    pub cities: Vec<Named>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserForCreate {
    pub display_name: String,
    pub email: String,
    pub role: Role,
    pub password: String,
    /// An empty list is sent as no field at all in a form encoding.
    #[serde(default)]
    pub city_ids: Vec<i32>,
}
