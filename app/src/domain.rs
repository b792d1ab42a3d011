//! The pure domain: people, duos, meetings, evaluations and outcomes, with no I/O.
//!
//! Shared by the browser (WASM) and the server. Every input becomes a type here through one
//! `parse` function; the current date is always passed in, never read from a clock.

mod string_enum;

pub mod application;
pub mod availability;
pub mod birth_year;
pub mod calendar;
pub mod consent;
pub mod duo;
pub mod duo_period;
pub mod email;
pub mod error;
pub mod evaluation;
pub mod impact;
pub mod import;
pub mod intake;
pub mod local_time;
pub mod locale;
pub mod matching;
pub mod meeting;
pub mod mentee;
pub mod mentor;
pub mod monitoring;
pub mod outcome;
pub mod password;
pub mod person;
pub mod plan;
pub mod reference;
pub mod registration;
pub mod retention;
pub mod returning;
pub mod role;
pub mod screening;
pub mod support;
pub mod text;
pub mod weekly_slots;
