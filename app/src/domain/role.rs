//! `Role`: what a signed-in user may do, from mentor up to admin.

use super::string_enum::string_enum;

string_enum! {
    /// Ordered by reach: each role sees at least what the one before it sees.
    #[derive(PartialOrd, Ord)]
    pub enum Role {
        Mentor = "mentor",
        Coordinator = "coordinator",
        Manager = "manager",
        Admin = "admin",
    }
}

impl Role {
    /// Programme staff: may see personal data of the people in their cities.
    pub fn is_staff(self) -> bool {
        matches!(self, Role::Coordinator | Role::Manager | Role::Admin)
    }

    /// Managers and admins work across cities; coordinators only in the cities assigned to them.
    pub fn sees_all_cities(self) -> bool {
        matches!(self, Role::Manager | Role::Admin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::string_enum::assert_string_enum;

    #[test]
    fn strings() {
        let expected = ["mentor", "coordinator", "manager", "admin"];
        assert_string_enum(Role::ALL, Role::as_str, Role::parse, &expected);
    }

    #[test]
    fn reach_per_role() {
        let table = [
            (Role::Mentor, false, false),
            (Role::Coordinator, true, false),
            (Role::Manager, true, true),
            (Role::Admin, true, true),
        ];
        for (role, staff, all_cities) in table {
            assert_eq!(role.is_staff(), staff, "{role}");
            assert_eq!(role.sees_all_cities(), all_cities, "{role}");
        }
    }
}
