//! A person's rights over their data (GDPR Art. 15–20): everything the platform holds about one
//! mentor or mentee, found table by table, and exported for them as JSON and CSV.
//!
//! Admins reach everyone; a coordinator reaches the people of their cities.

#[cfg(feature = "ssr")]
pub mod export;
#[cfg(feature = "ssr")]
pub mod subject;
pub mod types;
