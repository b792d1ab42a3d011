//! SeaORM entities, one module per table, named like the table. Status and
//! kind columns are plain strings here; the domain layer parses them, and the
//! CHECK constraints in `migration` hold the allowed values.

pub mod application_drafts;
pub mod audit_log;
pub mod availability_slots;
pub mod cities;
pub mod closures;
pub mod consents;
pub mod coordinator_contacts;
pub mod duo_agreements;
pub mod duo_status_changes;
pub mod duos;
pub mod evaluations;
pub mod follow_ups;
pub mod goal_steps;
pub mod goals;
pub mod intake_interviews;
pub mod job_leases;
pub mod languages;
pub mod magic_links;
pub mod match_bans;
pub mod matching_weights;
pub mod meeting_topics;
pub mod meetings;
pub mod mentee_languages;
pub mod mentee_referrals;
pub mod mentee_sectors;
pub mod mentee_status_changes;
pub mod mentees;
pub mod mentor_languages;
pub mod mentor_sectors;
pub mod mentor_status_changes;
pub mod mentors;
pub mod outbox;
pub mod peer_attendance;
pub mod peer_sessions;
pub mod postcodes;
pub mod rate_limits;
pub mod referral_links;
pub mod sector_relations;
pub mod sectors;
pub mod sessions;
pub mod training_attendance;
pub mod training_sessions;
pub mod user_cities;
pub mod users;
