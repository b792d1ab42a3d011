//! Duo server functions.

mod cancel_proposal;
mod get_my_duo;
mod propose_duo;

pub use cancel_proposal::*;
pub use get_my_duo::*;
pub use propose_duo::*;
