//! Pages for administrators.

pub mod audit;
pub mod import;
mod import_layouts;
mod import_report;
mod import_run;
pub mod outbox;
pub mod retention;
pub mod settings;
mod user_form;
pub mod users;
pub mod weights;
