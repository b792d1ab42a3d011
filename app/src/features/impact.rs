//! The impact dashboard: the programme's figures per city, cohort and period, computed live from
//! the duos, with the tables behind its charts exported as CSV for funders.
//!
//! Staff read it: managers and admins for every city, coordinators for theirs.

pub mod api;
#[cfg(feature = "ssr")]
pub mod export;
#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
pub mod service;
pub mod types;
pub mod words;
