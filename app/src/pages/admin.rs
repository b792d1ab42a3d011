//! Pages for administrators.

pub mod audit;
pub mod outbox;
pub mod retention;
pub mod settings;
mod user_form;
pub mod users;
pub mod weights;
