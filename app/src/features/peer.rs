//! Peer-exchange sessions: group sessions where mentors share their experience, every two
//! months or so per city. Coordinators plan them and record who came; a duo page counts the
//! sessions its mentor attended while the duo ran (two are expected).

pub mod api;
#[cfg(feature = "ssr")]
pub mod service;
pub mod types;
