//! Registration server functions. Staff only; a coordinator registers in their own cities.

mod get_registration_page;
mod register_mentee;

pub use get_registration_page::*;
pub use register_mentee::*;
