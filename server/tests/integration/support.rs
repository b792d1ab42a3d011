//! Test support: databases, fixtures and a running app.

pub mod app;
pub mod canaries;
pub mod db;
pub mod fixtures;
pub mod process;
pub mod rows;
pub mod smtp;
