//! Duos: proposing one (the one-open-duo rule holds in the database, so two
//! coordinators racing for the same person cannot both win), its introduction,
//! agreement and start, the meetings its mentor logs, what coordinators and
//! mentors read of it, its closing and follow-ups, and the mentor's return.

pub mod api;
#[cfg(feature = "ssr")]
pub mod assessments;
#[cfg(feature = "ssr")]
pub mod closing;
#[cfg(feature = "ssr")]
pub mod life;
#[cfg(feature = "ssr")]
mod mail;
#[cfg(feature = "ssr")]
pub mod meetings;
#[cfg(feature = "ssr")]
pub mod monitoring;
#[cfg(feature = "ssr")]
pub mod plan;
#[cfg(feature = "ssr")]
pub mod read;
#[cfg(feature = "ssr")]
pub mod returning;
#[cfg(feature = "ssr")]
pub mod service;
pub mod types;
