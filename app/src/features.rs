//! One module per capability. Each has thin `api` server functions (who is
//! asking, may they, call the service) and a server-only `service`.

pub mod applications;
pub mod auth;
pub mod duos;
pub mod impact;
pub mod import;
pub mod matching;
pub mod outbox;
pub mod peer;
pub mod people;
pub mod pipeline;
pub mod privacy;
pub mod reference;
pub mod registration;
pub mod training;
pub mod users;
