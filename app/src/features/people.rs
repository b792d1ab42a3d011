//! Mentors and mentees as coordinators see them: filtered, searchable,
//! paginated lists scoped to the coordinator's cities, and one person's
//! details with their status history.

pub mod api;
#[cfg(feature = "ssr")]
pub mod service;
pub mod types;
