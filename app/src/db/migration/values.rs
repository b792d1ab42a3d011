//! The value lists that CHECK constraints enforce. They are part of the schema:
//! adding a value needs a new migration (on SQLite, a table rebuild), so change
//! them together with the domain enums that parse these strings.

pub const ROLES: &[&str] = &["mentor", "coordinator", "manager", "admin"];
pub const LOCALES: &[&str] = &["fr", "nl", "en"];
pub const LANGUAGE_LEVELS: &[&str] = &["basic", "intermediate", "working", "fluent", "native"];
pub const EDUCATION_LEVELS: &[&str] = &[
    "none",
    "primary",
    "lower_secondary",
    "upper_secondary",
    "vocational",
    "bachelor",
    "master",
];

pub const MENTOR_STATUSES: &[&str] = &[
    "applied",
    "intake_scheduled",
    "intake_done",
    "in_training",
    "available",
    "in_duo",
    "paused",
    "left",
];
pub const MENTOR_EXIT_REASONS: &[&str] = &[
    "health",
    "moved",
    "no_time",
    "found_work",
    "not_suitable",
    "personal_reasons",
    "other",
];
pub const MENTEE_STATUSES: &[&str] = &[
    "registered",
    "intake_done",
    "waiting",
    "in_duo",
    "followed_up",
    "withdrawn",
];
pub const MENTEE_WITHDRAW_REASONS: &[&str] = &[
    "found_work",
    "unreachable",
    "moved",
    "not_interested",
    "not_eligible",
    "personal_reasons",
    "other",
];

pub const DUO_STATUSES: &[&str] = &[
    "proposed",
    "introduced",
    "active",
    "closing",
    "closed",
    "declined",
    "stopped_early",
];
/// The statuses in which a duo holds its mentor and its mentee.
pub const OPEN_DUO_STATUSES: &[&str] = &["proposed", "introduced", "active", "closing"];
/// Decline reasons followed by stop reasons: `duos.reason_code` takes either.
pub const DUO_REASONS: &[&str] = &[
    "mentor_declined",
    "mentee_declined",
    "no_connection",
    "availability_mismatch",
    "coordinator_withdrew",
    "mentee_found_work",
    "mentee_unreachable",
    "mentee_withdrew",
    "mentor_unavailable",
    "mentor_left",
    "relationship_issue",
    "moved",
    "health",
    "other",
];

pub const MEETING_TOPICS: &[&str] = &[
    "cv",
    "cover_letter",
    "interview_practice",
    "job_applications",
    "network",
    "sector_codes",
    "language",
    "admin_social_help",
    "other",
];
pub const CONTACT_KINDS: &[&str] = &["phone", "in_person", "email", "video"];
pub const EVALUATION_KINDS: &[&str] = &["start", "mid", "end"];
pub const RESPONDENTS: &[&str] = &["mentee", "mentor"];
/// The five self-assessment dimensions, each a 1–5 score column.
pub const DIMENSIONS: &[&str] = &[
    "self_confidence",
    "career_plan",
    "job_search_tools",
    "language",
    "network",
];
pub const OUTCOMES: &[&str] = &[
    "job",
    "internship",
    "training",
    "studies",
    "none",
    "unknown",
];

pub const CONSENT_PURPOSES: &[&str] = &["programme", "special_category", "communication"];
pub const CONSENT_CHANNELS: &[&str] = &["web_form", "paper", "coordinator", "referral"];
pub const RECOMMENDATIONS: &[&str] = &["proceed", "hold", "not_suitable"];
pub const DAY_PARTS: &[&str] = &["morning", "afternoon", "evening"];
pub const OUTBOX_STATUSES: &[&str] = &["pending", "sent", "failed"];
/// What a coordinator did on the matching board (`domain::matching::history::BoardAction`).
pub const MATCH_ACTIONS: &[&str] = &[
    "ran",
    "proposed",
    "accepted",
    "rejected",
    "locked",
    "unlocked",
    "banned",
    "unbanned",
    "cancelled",
];
/// The largest distance a mentee's "within N km" condition may name (`domain::matching::MAX_MUST_KM`).
pub const MAX_MUST_KM: i32 = 200;
/// Who a coordinator's check-in was with (`domain::support::ContactPerson`).
pub const CONTACT_PERSONS: &[&str] = &["mentor", "mentee", "both"];
/// What mentor and mentee each said at their introduction meeting.
pub const INTRODUCTION_ANSWERS: &[&str] = &["accepted", "declined"];
/// The contract of a job outcome (`domain::outcome::ContractType`).
pub const CONTRACT_TYPES: &[&str] = &[
    "permanent",
    "fixed_term",
    "temporary_agency",
    "social_employment",
    "self_employed",
    "other",
];
/// What a mentor answered to the invitation to start another duo.
pub const RETURN_ANSWERS: &[&str] = &["accepted", "declined"];
