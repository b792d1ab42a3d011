//! Pages anyone can open.

pub mod home;
pub mod magic_link;
pub mod refer;
pub mod sign_in;
pub mod volunteer;
