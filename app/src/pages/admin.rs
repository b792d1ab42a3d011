//! Pages for administrators.

pub mod outbox;
mod user_form;
pub mod users;
pub mod weights;
