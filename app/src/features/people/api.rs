//! People server functions.

mod get_person;
mod list_people;

pub use get_person::*;
pub use list_people::*;
