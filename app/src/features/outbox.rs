//! The outbox as admins see it: every e-mail, its state and last error, so
//! that mail works (and can be checked) without an SMTP server.

pub mod api;
pub mod types;
