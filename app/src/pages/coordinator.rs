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

lazy_page!(PeopleRoute, people::PeoplePage);
lazy_page!(PipelineRoute, pipeline::PipelinePage);
lazy_page!(MatchingRoute, matching::MatchingPage);
lazy_page!(NewMenteeRoute, new_mentee::NewMenteePage);
lazy_page!(ReferralsRoute, referrals::ReferralsPage);
lazy_page!(TrainingsRoute, training::TrainingsPage);
lazy_page!(TrainingSessionRoute, training_session::TrainingSessionPage);
lazy_page!(PeerSessionsRoute, peer_sessions::PeerSessionsPage);
lazy_page!(PeerSessionRoute, peer_sessions::PeerSessionPage);
lazy_page!(DuosRoute, duos::DuosPage);
lazy_page!(ImpactRoute, impact::ImpactPage);
lazy_page!(DuoRoute, duo::DuoPage);
lazy_page!(PersonRoute, person::PersonPage);
