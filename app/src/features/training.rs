//! Mentor training: sessions a coordinator plans in a city, the mentors registered for each,
//! and who attended. Registering moves a mentor whose intake is done into training, with a
//! calendar invitation; attendance is what lets the mentor become available.

pub mod api;
#[cfg(feature = "ssr")]
pub mod mail;
#[cfg(feature = "ssr")]
pub mod service;
pub mod types;
