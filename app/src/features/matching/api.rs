//! Matching server functions, one per file. Staff only, scoped to the caller's cities; the
//! ones that change the board are for coordinators and admins.

mod accept_proposals;
mod get_matching_board;
mod get_matching_weights;
mod get_mentee_musts;
mod preview_pair;
mod propose_city_matches;
mod save_matching_weights;
mod save_mentee_musts;
mod set_pair_rule;
mod suggest_matches;

pub use accept_proposals::*;
pub use get_matching_board::*;
pub use get_matching_weights::*;
pub use get_mentee_musts::*;
pub use preview_pair::*;
pub use propose_city_matches::*;
pub use save_matching_weights::*;
pub use save_mentee_musts::*;
pub use set_pair_rule::*;
pub use suggest_matches::*;
