//! The server: configuration, start-up, demo data and background jobs around
//! the shared `app` crate. `main.rs` only parses the command line.

pub mod backup;
pub mod config;
pub mod create_user;
pub mod hello_world;
pub mod jobs;
pub mod mailer;
pub mod precompress;
pub mod request_log;
pub mod security;
pub mod seed;
pub mod solve_assignment;
pub mod startup;
pub mod telemetry;
