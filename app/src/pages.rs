//! One `XxxPage` component per file, grouped by who uses them.

pub mod admin;
pub mod coordinator;
pub mod mentor;
pub mod public;
