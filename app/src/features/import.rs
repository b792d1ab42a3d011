//! Importing an existing programme's people and past duos from CSV files, for admins: a dry run
//! that names every problem at its line and column, then the import in one transaction per
//! file, which streams its progress and creates nothing twice when run again.

pub mod api;
#[cfg(feature = "ssr")]
mod known;
#[cfg(feature = "ssr")]
mod run;
#[cfg(feature = "ssr")]
pub mod service;
pub mod types;
pub mod words;
#[cfg(feature = "ssr")]
mod write;
#[cfg(feature = "ssr")]
mod write_duos;
#[cfg(feature = "ssr")]
mod write_mentees;
#[cfg(feature = "ssr")]
mod write_mentors;
