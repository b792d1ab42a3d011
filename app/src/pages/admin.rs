//! Pages for administrators.

pub mod audit;
pub mod outbox;
pub mod settings;
mod user_form;
pub mod users;
pub mod weights;
