//! Sign-in, sessions and roles. Staff sign in with a password, mentors with a
//! single-use e-mailed link; sessions live in the database so any instance
//! can serve any request. `guard` is what other features call to find out who
//! is asking.

pub mod api;
#[cfg(feature = "ssr")]
pub mod cookies;
#[cfg(feature = "ssr")]
pub mod guard;
#[cfg(feature = "ssr")]
mod mail;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod throttle;
pub mod types;

pub use types::SessionUser;
