//! Pipeline server functions, one per file. Staff only, scoped to the caller's cities.

mod change_status;
mod get_pipeline;
mod get_screening;
mod record_intake;
mod schedule_intake;

pub use change_status::*;
pub use get_pipeline::*;
pub use get_screening::*;
pub use record_intake::*;
pub use schedule_intake::*;
