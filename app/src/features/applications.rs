//! Public mentor applications: the sign-up page anyone can reach, its answers checked by the
//! shared domain code, the applicant's record and confirmation e-mail, and the guards against
//! duplicates and spam (same answer for a known address, honeypot, rate limit per address).

pub mod api;
#[cfg(feature = "ssr")]
pub mod form_post;
#[cfg(feature = "ssr")]
pub mod mail;
#[cfg(feature = "ssr")]
pub mod service;
pub mod types;
