//! The mentor's pages, made for a phone.

pub mod assessment;
pub mod data;
pub mod home;
pub mod meeting;
pub mod plan;
