//! Background work that runs beside the web server.

pub mod outbox_sender;
pub mod retention;
pub mod return_invitations;
