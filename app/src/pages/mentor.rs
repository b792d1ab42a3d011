//! The mentor's pages, made for a phone.

pub mod home;
pub mod meeting;
