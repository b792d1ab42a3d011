//! Staff accounts, their roles and city scopes, managed by admins.
//! Disabling an account ends all its sessions at once.

pub mod api;
#[cfg(feature = "ssr")]
pub mod service;
pub mod types;
