//! What the browser may know about the signed-in user: no hashes, no tokens.

use serde::{Deserialize, Serialize};

use crate::domain::locale::Locale;
use crate::domain::role::Role;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionUser {
    pub user_id: i32,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub locale: Locale,
    /// Cities a coordinator works in; empty for roles that see all cities.
    pub city_ids: Vec<i32>,
    /// Set when the user is a mentor.
    pub mentor_id: Option<i32>,
}

impl SessionUser {
    /// Whether this user may see or change people and duos of `city_id`.
    pub fn may_access_city(&self, city_id: i32) -> bool {
        match self.role {
            Role::Admin | Role::Manager => true,
            Role::Coordinator => self.city_ids.contains(&city_id),
            Role::Mentor => false,
        }
    }

    /// Whether this user may see special-category data (a mentee's migrant background) of
    /// people in `city_id`: only the coordinators of that city, who need it for eligibility.
    pub fn may_see_special_category(&self, city_id: i32) -> bool {
        self.role == Role::Coordinator && self.city_ids.contains(&city_id)
    }

    /// The page a user lands on after signing in.
    pub fn home_path(&self) -> &'static str {
        match self.role {
            Role::Mentor => "/mentor",
            Role::Admin => "/admin/users",
            Role::Coordinator | Role::Manager => "/coordinator",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(role: Role, city_ids: Vec<i32>) -> SessionUser {
        SessionUser {
            user_id: 1,
            email: "a@example.be".into(),
            display_name: "A".into(),
            role,
            locale: Locale::Fr,
            city_ids,
            mentor_id: None,
        }
    }

    #[test]
    fn coordinators_reach_only_their_cities() {
        let coordinator = user(Role::Coordinator, vec![1, 3]);
        assert!(coordinator.may_access_city(1));
        assert!(coordinator.may_access_city(3));
        assert!(!coordinator.may_access_city(2));
    }

    #[test]
    fn admins_and_managers_reach_every_city_and_mentors_none() {
        assert!(user(Role::Admin, vec![]).may_access_city(5));
        assert!(user(Role::Manager, vec![]).may_access_city(5));
        assert!(!user(Role::Mentor, vec![1]).may_access_city(1));
    }
}
