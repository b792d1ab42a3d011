//! Duo server functions.

mod get_my_duo;
mod propose_duo;

pub use get_my_duo::*;
pub use propose_duo::*;
