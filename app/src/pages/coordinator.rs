//! Pages for coordinators and programme managers.

pub mod duo;
mod duo_closing;
pub mod duos;
pub mod impact;
pub mod matching;
mod musts;
pub mod new_mentee;
pub mod peer_sessions;
pub mod people;
pub mod person;
pub mod pipeline;
pub mod referrals;
pub mod screening;
mod screening_forms;
mod suggestions;
pub mod training;
pub mod training_session;
