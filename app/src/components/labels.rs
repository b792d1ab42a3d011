//! Words for domain values (statuses, roles, levels, error codes) in the
//! user's language. A new enum variant fails to compile here until it has
//! its translation.

use crate::domain::application::{HeardFrom, Ineligibility, Step};
use crate::domain::availability::{DayPart, Weekday};
use crate::domain::duo::DuoStatus;
use crate::domain::error::ErrorCode;
use crate::domain::evaluation::Dimension;
use crate::domain::intake::IntakeRecommendation;
use crate::domain::meeting::MeetingTopic;
use crate::domain::mentee::MenteeStatus;
use crate::domain::mentor::MentorStatus;
use crate::domain::monitoring::Alert;
use crate::domain::outcome::{ContractType, Outcome, ReportedOutcome};
use crate::domain::reference::{EducationLevel, LanguageLevel};
use crate::domain::role::Role;
use crate::domain::support::{ContactKind, ContactPerson};
use crate::i18n::*;
use leptos_i18n::I18nContext;

type I18n = I18nContext<Locale>;

pub fn error_code_text(i18n: I18n, code: &ErrorCode) -> String {
    match code {
        ErrorCode::Required => t_string!(i18n, errors.required).to_string(),
        ErrorCode::TooShort { min } => t_string!(i18n, errors.too_short, min = *min).to_string(),
        ErrorCode::TooLong { max } => t_string!(i18n, errors.too_long, max = *max).to_string(),
        ErrorCode::InvalidEmail => t_string!(i18n, errors.invalid_email).to_string(),
        ErrorCode::InvalidPostcode => t_string!(i18n, errors.invalid_postcode).to_string(),
        ErrorCode::InvalidPhone => t_string!(i18n, errors.invalid_phone).to_string(),
        ErrorCode::InvalidYear => t_string!(i18n, errors.invalid_year).to_string(),
        ErrorCode::MentorTooYoung { min_age } => {
            t_string!(i18n, errors.mentor_too_young, min = *min_age).to_string()
        }
        ErrorCode::MenteeAgeOutOfRange { min, max } => {
            t_string!(i18n, errors.mentee_age, min = *min, max = *max).to_string()
        }
        ErrorCode::OutOfRange { min, max } => {
            t_string!(i18n, errors.out_of_range, min = *min, max = *max).to_string()
        }
        ErrorCode::InvalidChoice => t_string!(i18n, errors.invalid_choice).to_string(),
        ErrorCode::InvalidDate => t_string!(i18n, errors.invalid_date).to_string(),
        ErrorCode::InvalidCredentials => t_string!(i18n, errors.invalid_credentials).to_string(),
        ErrorCode::LinkExpired => t_string!(i18n, errors.link_expired).to_string(),
        ErrorCode::CommonPassword => t_string!(i18n, errors.common_password).to_string(),
        ErrorCode::InvalidCharacters => t_string!(i18n, errors.invalid_characters).to_string(),
        ErrorCode::DateInFuture => t_string!(i18n, errors.date_in_future).to_string(),
        ErrorCode::DateInPast => t_string!(i18n, errors.date_in_past).to_string(),
        ErrorCode::DateBeforeStart { start } => t_string!(
            i18n,
            errors.date_before_start,
            date = start.format("%d/%m/%Y").to_string()
        )
        .to_string(),
        ErrorCode::EndNotAfterStart => t_string!(i18n, errors.end_not_after_start).to_string(),
        ErrorCode::PlannedEndTooLate { latest } => t_string!(
            i18n,
            errors.planned_end_too_late,
            date = latest.format("%d/%m/%Y").to_string()
        )
        .to_string(),
    }
}

pub fn role_label(i18n: I18n, role: Role) -> &'static str {
    match role {
        Role::Mentor => t_string!(i18n, role.mentor),
        Role::Coordinator => t_string!(i18n, role.coordinator),
        Role::Manager => t_string!(i18n, role.manager),
        Role::Admin => t_string!(i18n, role.admin),
    }
}

pub fn mentor_status_label(i18n: I18n, status: MentorStatus) -> &'static str {
    match status {
        MentorStatus::Applied => t_string!(i18n, mentor_status.applied),
        MentorStatus::IntakeScheduled => t_string!(i18n, mentor_status.intake_scheduled),
        MentorStatus::IntakeDone => t_string!(i18n, mentor_status.intake_done),
        MentorStatus::InTraining => t_string!(i18n, mentor_status.in_training),
        MentorStatus::Available => t_string!(i18n, mentor_status.available),
        MentorStatus::InDuo => t_string!(i18n, mentor_status.in_duo),
        MentorStatus::Paused => t_string!(i18n, mentor_status.paused),
        MentorStatus::Left => t_string!(i18n, mentor_status.left),
    }
}

pub fn mentee_status_label(i18n: I18n, status: MenteeStatus) -> &'static str {
    match status {
        MenteeStatus::Registered => t_string!(i18n, mentee_status.registered),
        MenteeStatus::IntakeDone => t_string!(i18n, mentee_status.intake_done),
        MenteeStatus::Waiting => t_string!(i18n, mentee_status.waiting),
        MenteeStatus::InDuo => t_string!(i18n, mentee_status.in_duo),
        MenteeStatus::FollowedUp => t_string!(i18n, mentee_status.followed_up),
        MenteeStatus::Withdrawn => t_string!(i18n, mentee_status.withdrawn),
    }
}

pub fn duo_status_label(i18n: I18n, status: DuoStatus) -> &'static str {
    match status {
        DuoStatus::Proposed => t_string!(i18n, duo_status.proposed),
        DuoStatus::Introduced => t_string!(i18n, duo_status.introduced),
        DuoStatus::Active => t_string!(i18n, duo_status.active),
        DuoStatus::Closing => t_string!(i18n, duo_status.closing),
        DuoStatus::Closed => t_string!(i18n, duo_status.closed),
        DuoStatus::Declined => t_string!(i18n, duo_status.declined),
        DuoStatus::StoppedEarly => t_string!(i18n, duo_status.stopped_early),
    }
}

pub fn level_label(i18n: I18n, level: LanguageLevel) -> &'static str {
    match level {
        LanguageLevel::Basic => t_string!(i18n, level.basic),
        LanguageLevel::Intermediate => t_string!(i18n, level.intermediate),
        LanguageLevel::Working => t_string!(i18n, level.working),
        LanguageLevel::Fluent => t_string!(i18n, level.fluent),
        LanguageLevel::Native => t_string!(i18n, level.native),
    }
}

pub fn weekday_label(i18n: I18n, day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => t_string!(i18n, weekday.mon),
        Weekday::Tue => t_string!(i18n, weekday.tue),
        Weekday::Wed => t_string!(i18n, weekday.wed),
        Weekday::Thu => t_string!(i18n, weekday.thu),
        Weekday::Fri => t_string!(i18n, weekday.fri),
        Weekday::Sat => t_string!(i18n, weekday.sat),
        Weekday::Sun => t_string!(i18n, weekday.sun),
    }
}

pub fn day_part_label(i18n: I18n, part: DayPart) -> &'static str {
    match part {
        DayPart::Morning => t_string!(i18n, day_part.morning),
        DayPart::Afternoon => t_string!(i18n, day_part.afternoon),
        DayPart::Evening => t_string!(i18n, day_part.evening),
    }
}

/// A life-cycle reason code (why a mentor paused or left, why a mentee
/// withdrew) in words; an unknown code is shown as stored.
pub fn reason_label(i18n: I18n, code: &str) -> String {
    let text = match code {
        "health" => t_string!(i18n, reason.health),
        "moved" => t_string!(i18n, reason.moved),
        "no_time" => t_string!(i18n, reason.no_time),
        "found_work" => t_string!(i18n, reason.found_work),
        "not_suitable" => t_string!(i18n, reason.not_suitable),
        "personal_reasons" => t_string!(i18n, reason.personal_reasons),
        "other" => t_string!(i18n, reason.other),
        "unreachable" => t_string!(i18n, reason.unreachable),
        "not_interested" => t_string!(i18n, reason.not_interested),
        "not_eligible" => t_string!(i18n, reason.not_eligible),
        "mentor_declined" => t_string!(i18n, reason.mentor_declined),
        "mentee_declined" => t_string!(i18n, reason.mentee_declined),
        "no_connection" => t_string!(i18n, reason.no_connection),
        "availability_mismatch" => t_string!(i18n, reason.availability_mismatch),
        "coordinator_withdrew" => t_string!(i18n, reason.coordinator_withdrew),
        "mentee_found_work" => t_string!(i18n, reason.mentee_found_work),
        "mentee_unreachable" => t_string!(i18n, reason.mentee_unreachable),
        "mentee_withdrew" => t_string!(i18n, reason.mentee_withdrew),
        "mentor_unavailable" => t_string!(i18n, reason.mentor_unavailable),
        "mentor_left" => t_string!(i18n, reason.mentor_left),
        "relationship_issue" => t_string!(i18n, reason.relationship_issue),
        unknown => return unknown.to_owned(),
    };
    text.to_owned()
}

pub fn outcome_label(i18n: I18n, outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Job => t_string!(i18n, outcome.job),
        Outcome::Internship => t_string!(i18n, outcome.internship),
        Outcome::Training => t_string!(i18n, outcome.training),
        Outcome::Studies => t_string!(i18n, outcome.studies),
        Outcome::None => t_string!(i18n, outcome.none),
        Outcome::Unknown => t_string!(i18n, outcome.unknown),
    }
}

pub fn contract_label(i18n: I18n, contract: ContractType) -> &'static str {
    match contract {
        ContractType::Permanent => t_string!(i18n, contract.permanent),
        ContractType::FixedTerm => t_string!(i18n, contract.fixed_term),
        ContractType::TemporaryAgency => t_string!(i18n, contract.temporary_agency),
        ContractType::SocialEmployment => t_string!(i18n, contract.social_employment),
        ContractType::SelfEmployed => t_string!(i18n, contract.self_employed),
        ContractType::Other => t_string!(i18n, contract.other),
    }
}

/// An outcome in one line: "Job · Fixed-term contract · at least 3 months".
pub fn reported_text(i18n: I18n, reported: &ReportedOutcome) -> String {
    let mut parts = vec![outcome_label(i18n, reported.outcome)];
    if let Some(job) = reported.job {
        parts.push(contract_label(i18n, job.contract));
        parts.push(if job.lasts_three_months {
            t_string!(i18n, closing.lasts_yes)
        } else {
            t_string!(i18n, closing.lasts_no)
        });
    }
    parts.join(" · ")
}

pub fn meeting_topic_label(i18n: I18n, topic: MeetingTopic) -> &'static str {
    match topic {
        MeetingTopic::Cv => t_string!(i18n, topic.cv),
        MeetingTopic::CoverLetter => t_string!(i18n, topic.cover_letter),
        MeetingTopic::InterviewPractice => t_string!(i18n, topic.interview_practice),
        MeetingTopic::JobApplications => t_string!(i18n, topic.job_applications),
        MeetingTopic::Network => t_string!(i18n, topic.network),
        MeetingTopic::SectorCodes => t_string!(i18n, topic.sector_codes),
        MeetingTopic::Language => t_string!(i18n, topic.language),
        MeetingTopic::AdminSocialHelp => t_string!(i18n, topic.admin_social_help),
        MeetingTopic::Other => t_string!(i18n, topic.other),
    }
}

/// A duration the way people say it in all three languages: "2 h", "1 h 30".
pub fn duration_text(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m:02}"),
    }
}

pub fn dimension_label(i18n: I18n, dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::SelfConfidence => t_string!(i18n, dimension.self_confidence),
        Dimension::CareerPlan => t_string!(i18n, dimension.career_plan),
        Dimension::JobSearchTools => t_string!(i18n, dimension.job_search_tools),
        Dimension::Language => t_string!(i18n, dimension.language),
        Dimension::Network => t_string!(i18n, dimension.network),
    }
}

/// The self-assessment's question for a dimension, in plain words for the mentee.
pub fn dimension_question(i18n: I18n, dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::SelfConfidence => t_string!(i18n, assessment.q_self_confidence),
        Dimension::CareerPlan => t_string!(i18n, assessment.q_career_plan),
        Dimension::JobSearchTools => t_string!(i18n, assessment.q_job_search_tools),
        Dimension::Language => t_string!(i18n, assessment.q_language),
        Dimension::Network => t_string!(i18n, assessment.q_network),
    }
}

/// The words for a point of the 1–5 answer scale.
pub fn scale_label(i18n: I18n, score: u8) -> &'static str {
    match score {
        1 => t_string!(i18n, assessment.scale_1),
        2 => t_string!(i18n, assessment.scale_2),
        3 => t_string!(i18n, assessment.scale_3),
        4 => t_string!(i18n, assessment.scale_4),
        _ => t_string!(i18n, assessment.scale_5),
    }
}

/// An alert of the coordinator's list in words.
pub fn alert_text(i18n: I18n, alert: &Alert) -> String {
    match *alert {
        Alert::NoMeeting { days } => t_string!(i18n, alert.no_meeting, days = days).to_string(),
        Alert::EndNear { days: 0 } => t_string!(i18n, alert.end_today).to_string(),
        Alert::EndNear { days } => t_string!(i18n, alert.end_near, days = days).to_string(),
        Alert::CheckInDue { done, expected } => {
            t_string!(i18n, alert.check_in_due, done = done, expected = expected).to_string()
        }
        Alert::FollowUpDue { since } => {
            let date = since.format("%d/%m/%Y").to_string();
            t_string!(i18n, alert.follow_up_due, date = date).to_string()
        }
    }
}

pub fn contact_kind_label(i18n: I18n, kind: ContactKind) -> &'static str {
    match kind {
        ContactKind::Phone => t_string!(i18n, contact.phone),
        ContactKind::InPerson => t_string!(i18n, contact.in_person),
        ContactKind::Email => t_string!(i18n, contact.email),
        ContactKind::Video => t_string!(i18n, contact.video),
    }
}

pub fn contact_person_label(i18n: I18n, person: ContactPerson) -> &'static str {
    match person {
        ContactPerson::Mentor => t_string!(i18n, contact.with_mentor),
        ContactPerson::Mentee => t_string!(i18n, contact.with_mentee),
        ContactPerson::Both => t_string!(i18n, contact.with_both),
    }
}

pub fn education_label(i18n: I18n, level: EducationLevel) -> &'static str {
    match level {
        EducationLevel::None => t_string!(i18n, education.none),
        EducationLevel::Primary => t_string!(i18n, education.primary),
        EducationLevel::LowerSecondary => t_string!(i18n, education.lower_secondary),
        EducationLevel::UpperSecondary => t_string!(i18n, education.upper_secondary),
        EducationLevel::Vocational => t_string!(i18n, education.vocational),
        EducationLevel::Bachelor => t_string!(i18n, education.bachelor),
        EducationLevel::Master => t_string!(i18n, education.master),
    }
}

pub fn recommendation_label(i18n: I18n, recommendation: IntakeRecommendation) -> &'static str {
    match recommendation {
        IntakeRecommendation::Proceed => t_string!(i18n, screening.proceed),
        IntakeRecommendation::Hold => t_string!(i18n, screening.hold),
        IntakeRecommendation::NotSuitable => t_string!(i18n, screening.not_suitable),
    }
}

pub fn heard_from_label(i18n: I18n, heard: HeardFrom) -> &'static str {
    match heard {
        HeardFrom::Friend => t_string!(i18n, heard.friend),
        HeardFrom::Press => t_string!(i18n, heard.press),
        HeardFrom::SocialMedia => t_string!(i18n, heard.social_media),
        HeardFrom::Employer => t_string!(i18n, heard.employer),
        HeardFrom::Organisation => t_string!(i18n, heard.organisation),
        HeardFrom::Website => t_string!(i18n, heard.website),
        HeardFrom::Other => t_string!(i18n, heard.other),
    }
}

/// Why an applicant cannot mentor, said kindly and with the reason behind the rule.
pub fn ineligibility_text(i18n: I18n, reason: Ineligibility) -> String {
    match reason {
        Ineligibility::TooYoung { min_age } => {
            t_string!(i18n, apply.ineligible_too_young, min = min_age).to_string()
        }
        Ineligibility::NoSectorExperience => {
            t_string!(i18n, apply.ineligible_no_experience).to_string()
        }
    }
}

pub fn step_title(i18n: I18n, step: Step) -> &'static str {
    match step {
        Step::AboutYou => t_string!(i18n, apply.step_about),
        Step::Place => t_string!(i18n, apply.step_place),
        Step::Experience => t_string!(i18n, apply.step_experience),
        Step::Languages => t_string!(i18n, apply.step_languages),
        Step::Availability => t_string!(i18n, apply.step_availability),
        Step::Motivation => t_string!(i18n, apply.step_motivation),
    }
}
