//! The coordinator's screening pipeline: intake interviews (scheduled with a calendar
//! invitation, then recorded as a structured report), status changes with a reason and a
//! history line, and the rule that a mentor is available only after intake and training.

pub mod api;
#[cfg(feature = "ssr")]
pub mod board;
#[cfg(feature = "ssr")]
pub mod mail;
#[cfg(feature = "ssr")]
pub mod panel;
#[cfg(feature = "ssr")]
pub mod service;
pub mod types;
