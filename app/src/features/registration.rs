//! Registering a young jobseeker as a mentee: by a coordinator of their city, or by a partner
//! organisation through a referral link a coordinator made for it. The answers are checked by
//! `domain::registration`, the same parse the form runs in the browser.

pub mod api;
#[cfg(feature = "ssr")]
pub mod links;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
mod store;
pub mod types;
