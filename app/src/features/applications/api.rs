//! Public application server functions, one per file. None needs a sign-in.

mod apply_as_mentor;
mod get_application_page;

pub use apply_as_mentor::*;
pub use get_application_page::*;
