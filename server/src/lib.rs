//! The server: configuration, start-up, demo data and background jobs around
//! the shared `app` crate. `main.rs` only parses the command line.

pub mod config;
pub mod create_user;
pub mod jobs;
pub mod mailer;
pub mod seed;
pub mod solve_assignment;
pub mod startup;
pub mod telemetry;
