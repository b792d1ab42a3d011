//! What a coordinator did on the matching board, as recorded in its history.

use crate::domain::string_enum::string_enum;

string_enum! {
    pub enum BoardAction {
        /// The city-wide solver ran and showed its proposals.
        Ran = "ran",
        /// A duo was proposed by hand: dragged, or chosen from a ranked list.
        Proposed = "proposed",
        /// A pair the solver proposed became a proposed duo.
        Accepted = "accepted",
        /// A pair the solver proposed was set aside.
        Rejected = "rejected",
        Locked = "locked",
        Unlocked = "unlocked",
        Banned = "banned",
        Unbanned = "unbanned",
        /// A proposed duo was undone: both people went back to the pool.
        Cancelled = "cancelled",
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::db::migration::values::MATCH_ACTIONS;
    use crate::domain::string_enum::assert_string_enum;

    #[test]
    fn strings_are_the_ones_the_database_allows() {
        let (as_str, parse) = (BoardAction::as_str, BoardAction::parse);
        assert_string_enum(BoardAction::ALL, as_str, parse, MATCH_ACTIONS);
    }
}
