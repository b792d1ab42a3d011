//! Matching people for duos: the city's pool loaded for the engine in `domain::matching`, and
//! suggestions for one person with their explanation, and the coordinator's matching board.

pub mod api;
#[cfg(feature = "ssr")]
pub mod board;
#[cfg(feature = "ssr")]
pub mod history;
#[cfg(feature = "ssr")]
pub mod musts;
#[cfg(feature = "ssr")]
pub mod pool;
#[cfg(feature = "ssr")]
pub mod service;
pub mod types;
#[cfg(feature = "ssr")]
pub mod weights;
