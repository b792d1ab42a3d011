//! Public application server functions, one per file. None needs a sign-in.

mod apply_as_mentor;
mod confirm_sign_up;
mod get_application_page;

pub use apply_as_mentor::*;
pub use confirm_sign_up::*;
pub use get_application_page::*;
