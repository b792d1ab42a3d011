//! Matching server functions, one per file. Staff only, scoped to the caller's cities.

mod suggest_matches;

pub use suggest_matches::*;
