//! Server-only infrastructure shared by every feature: database access,
//! application state, error reporting, the e-mail outbox and the audit log.

pub mod audit;
pub mod consent;
pub mod database;
pub mod download;
pub mod errors;
pub mod group_commit;
pub mod headers;
pub mod lifecycle;
pub mod outbox;
pub mod passwords;
pub mod programme_settings;
pub mod rate_limit;
pub mod request;
pub mod request_id;
pub mod respond;
pub mod secret;
pub mod state;
