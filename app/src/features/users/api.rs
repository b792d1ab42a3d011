//! User administration server functions, one per file.

mod create_user;
mod list_users;
mod set_user_cities;
mod set_user_disabled;

pub use create_user::*;
pub use list_users::*;
pub use set_user_cities::*;
pub use set_user_disabled::*;
