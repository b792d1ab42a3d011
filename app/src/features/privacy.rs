//! A person's rights over their data (GDPR Art. 15–20): everything the platform holds about one
//! mentor or mentee, found table by table, and exported for them as JSON and CSV; their
//! consents, and withdrawing them; their erasure, as anonymisation.
//!
//! Admins reach everyone; a coordinator reaches the people of their cities.

pub mod api;
#[cfg(feature = "ssr")]
pub mod audit_search;
#[cfg(feature = "ssr")]
pub mod consents;
#[cfg(feature = "ssr")]
pub mod erasure;
#[cfg(feature = "ssr")]
pub mod export;
#[cfg(feature = "ssr")]
pub mod retention;
#[cfg(feature = "ssr")]
pub mod subject;
pub mod types;
