//! Pages for coordinators and programme managers.

pub mod people;
pub mod person;
