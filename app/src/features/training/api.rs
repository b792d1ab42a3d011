//! Training server functions, one per file. Staff only, scoped to the caller's cities.

mod create_training;
mod get_training;
mod list_trainings;
mod record_attendance;
mod register_for_training;

pub use create_training::*;
pub use get_training::*;
pub use list_trainings::*;
pub use record_attendance::*;
pub use register_for_training::*;
