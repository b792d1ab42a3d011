//! Matching people for duos: the city's pool loaded for the engine in `domain::matching`, and
//! suggestions for one person with their explanation.

pub mod api;
#[cfg(feature = "ssr")]
pub mod pool;
#[cfg(feature = "ssr")]
pub mod service;
pub mod types;
