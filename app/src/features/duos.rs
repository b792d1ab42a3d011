//! Duos: proposing one (the one-open-duo rule holds in the database, so two
//! coordinators racing for the same person cannot both win) and the mentor's
//! view of their own duo.

pub mod api;
#[cfg(feature = "ssr")]
pub mod service;
pub mod types;
