//! Pages for mentors, designed for a phone first.

pub mod home;
