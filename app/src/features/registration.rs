//! Registering a young jobseeker as a mentee: by a coordinator of their city. The answers are
//! checked by `domain::registration`, the same parse the form runs in the browser.

pub mod api;
#[cfg(feature = "ssr")]
pub mod service;
pub mod types;
