//! Screening against the database: intake interviews and status changes, each in one
//! transaction with its history line, its e-mail and its audit entry.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, Set,
};

use super::mail;
use super::types::{IntakeForSchedule, IntakeReport, ScheduledIntake, StatusChangeRequest};
use crate::db::entities::{intake_interviews, mentees, mentors, training_attendance};
use crate::domain::calendar;
use crate::domain::evaluation::Score;
use crate::domain::intake::IntakeRecommendation;
use crate::domain::locale::Locale;
use crate::domain::mentee::{MenteeStatus, MenteeWithdrawReason};
use crate::domain::mentor::{MentorExitReason, MentorStatus};
use crate::domain::screening::{self, Screening};
use crate::domain::text::ShortText;
use crate::error::{AppError, ConflictCode, ErrorCode, FieldError};
use crate::features::auth::SessionUser;
use crate::features::auth::guard::ensure_city;
use crate::features::people::types::PersonKind;
use crate::platform::audit;
use crate::platform::database::begin_write;
use crate::platform::errors::db_internal;
use crate::platform::lifecycle::{self, Change};
use crate::platform::outbox;
use crate::platform::state::AppState;

const NOTES_MAX: usize = 4000;

/// The person an interview or a change is about, loaded and checked against the caller's
/// cities.
pub(super) enum Candidate {
    Mentor(mentors::Model),
    Mentee(mentees::Model),
}

pub(super) async fn candidate(
    conn: &impl ConnectionTrait,
    user: &SessionUser,
    kind: PersonKind,
    id: i32,
) -> Result<Candidate, AppError> {
    let found = match kind {
        PersonKind::Mentors => mentors::Entity::find_by_id(id)
            .one(conn)
            .await
            .map_err(db_internal("load mentor"))?
            .map(Candidate::Mentor),
        PersonKind::Mentees => mentees::Entity::find_by_id(id)
            .one(conn)
            .await
            .map_err(db_internal("load mentee"))?
            .map(Candidate::Mentee),
    };
    let found = found.ok_or(AppError::NotFound)?;
    let city_id = match &found {
        Candidate::Mentor(m) => m.city_id,
        Candidate::Mentee(m) => m.city_id,
    };
    ensure_city(user, city_id)?;
    Ok(found)
}

/// Plans (or moves) the candidate's intake interview. A mentor who applied moves to "intake
/// scheduled"; a mentee stays registered until the interview is recorded.
pub async fn schedule_intake(
    state: &AppState,
    user: &SessionUser,
    input: IntakeForSchedule,
    now: DateTime<Utc>,
) -> Result<ScheduledIntake, AppError> {
    let (at, place) =
        calendar::parse_appointment(&input.at, &input.place, now).map_err(AppError::Validation)?;
    let tx = begin_write(&state.db)
        .await
        .map_err(db_internal("begin schedule intake"))?;
    let person = candidate(&tx, user, input.kind, input.person_id).await?;
    let (mentor_id, mentee_id) = match &person {
        Candidate::Mentor(m) => {
            let status = MentorStatus::parse(&m.status).unwrap_or(MentorStatus::Left);
            match status {
                MentorStatus::Applied => {
                    let change = Change {
                        from: status,
                        to: MentorStatus::IntakeScheduled,
                        reason: None,
                        by: Some(user.user_id),
                    };
                    lifecycle::change_mentor(&tx, m.id, change).await?;
                }
                MentorStatus::IntakeScheduled => {}
                other => {
                    return Err(other
                        .transition(MentorStatus::IntakeScheduled)
                        .unwrap_err()
                        .into());
                }
            }
            (Some(m.id), None)
        }
        Candidate::Mentee(m) => {
            if m.status != MenteeStatus::Registered.as_str() {
                return Err(AppError::Conflict(ConflictCode::IllegalTransition {
                    from: m.status.clone(),
                    to: MenteeStatus::IntakeDone.as_str().to_owned(),
                }));
            }
            (None, Some(m.id))
        }
    };
    let pending = intake_interviews::Entity::find()
        .filter(intake_interviews::Column::MentorId.eq(mentor_id))
        .filter(intake_interviews::Column::MenteeId.eq(mentee_id))
        .filter(intake_interviews::Column::DoneAt.is_null())
        .one(&tx)
        .await
        .map_err(db_internal("find pending intake"))?;
    let interview_id = match pending {
        Some(interview) => {
            let mut interview: intake_interviews::ActiveModel = interview.into();
            interview.scheduled_at = Set(at);
            interview.place = Set(Some(place.as_str().to_owned()));
            interview.interviewer_id = Set(Some(user.user_id));
            interview
                .update(&tx)
                .await
                .map_err(db_internal("move intake"))?
                .id
        }
        None => {
            intake_interviews::ActiveModel {
                mentor_id: Set(mentor_id),
                mentee_id: Set(mentee_id),
                interviewer_id: Set(Some(user.user_id)),
                scheduled_at: Set(at),
                place: Set(Some(place.as_str().to_owned())),
                ..Default::default()
            }
            .insert(&tx)
            .await
            .map_err(db_internal("insert intake"))?
            .id
        }
    };
    let invitation = match &person {
        Candidate::Mentor(m) => Some(outbox::Recipient {
            name: &m.first_name,
            email: &m.email,
            locale: Locale::parse(&m.locale).unwrap_or(Locale::En),
        }),
        Candidate::Mentee(m) => m.email.as_deref().map(|email| outbox::Recipient {
            name: &m.first_name,
            email,
            locale: Locale::parse(&m.locale).unwrap_or(Locale::En),
        }),
    };
    if let Some(invitee) = invitation {
        let message = mail::intake_invitation(&invitee, interview_id, at, place.as_str(), now);
        outbox::enqueue(&tx, message)
            .await
            .map_err(db_internal("enqueue intake invitation"))?;
    }
    let (subject, subject_id) = match &person {
        Candidate::Mentor(m) => ("mentor", m.id),
        Candidate::Mentee(m) => ("mentee", m.id),
    };
    audit::record(
        &tx,
        Some(user.user_id),
        "schedule_intake",
        subject,
        Some(subject_id),
    )
    .await
    .map_err(db_internal("audit schedule intake"))?;
    tx.commit()
        .await
        .map_err(db_internal("commit schedule intake"))?;
    Ok(ScheduledIntake { interview_id })
}

fn parse_score(field: &str, value: &str, errors: &mut Vec<FieldError>) -> Option<i32> {
    let parsed = match value.trim() {
        "" => Err(ErrorCode::Required),
        v => v
            .parse::<i64>()
            .map_err(|_| ErrorCode::OutOfRange { min: 1, max: 5 })
            .and_then(Score::parse),
    };
    parsed
        .map(|score| i32::from(score.get()))
        .map_err(|code| errors.push(code.at(field)))
        .ok()
}

/// Records the interview's scores and conclusion; the candidate moves to "intake done".
/// Whether they go on is the coordinator's next step, with `change_status`.
pub async fn record_intake(
    db: &DatabaseConnection,
    user: &SessionUser,
    report: IntakeReport,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut errors = Vec::new();
    let motivation = parse_score("motivation", &report.motivation, &mut errors);
    let communication = parse_score("communication", &report.communication, &mut errors);
    let sector_knowledge = parse_score("sector_knowledge", &report.sector_knowledge, &mut errors);
    let availability = parse_score("availability", &report.availability, &mut errors);
    let recommendation = IntakeRecommendation::parse(report.recommendation.trim());
    if recommendation.is_none() {
        errors.push(ErrorCode::Required.at("recommendation"));
    }
    let notes = ShortText::parse_optional(&report.notes, NOTES_MAX)
        .map_err(|code| errors.push(code.at("notes")))
        .ok()
        .flatten();
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let tx = begin_write(db)
        .await
        .map_err(db_internal("begin record intake"))?;
    let interview = intake_interviews::Entity::find_by_id(report.interview_id)
        .one(&tx)
        .await
        .map_err(db_internal("load intake"))?
        .ok_or(AppError::NotFound)?;
    let (kind, person_id) = match (interview.mentor_id, interview.mentee_id) {
        (Some(id), _) => (PersonKind::Mentors, id),
        (None, Some(id)) => (PersonKind::Mentees, id),
        (None, None) => return Err(AppError::NotFound),
    };
    let person = candidate(&tx, user, kind, person_id).await?;
    if interview.done_at.is_some() {
        return Err(AppError::Conflict(ConflictCode::Stale));
    }
    let mut row: intake_interviews::ActiveModel = interview.into();
    row.done_at = Set(Some(now));
    row.interviewer_id = Set(Some(user.user_id));
    row.motivation_score = Set(motivation);
    row.communication_score = Set(communication);
    row.sector_knowledge_score = Set(sector_knowledge);
    row.availability_score = Set(availability);
    row.recommendation = Set(recommendation.map(|r| r.as_str().to_owned()));
    row.notes = Set(notes.map(|n| n.as_str().to_owned()));
    row.update(&tx)
        .await
        .map_err(db_internal("record intake"))?;
    match &person {
        Candidate::Mentor(m) => {
            let from = MentorStatus::parse(&m.status).unwrap_or(MentorStatus::Left);
            let change = Change {
                from,
                to: MentorStatus::IntakeDone,
                reason: None,
                by: Some(user.user_id),
            };
            lifecycle::change_mentor(&tx, m.id, change).await?;
        }
        Candidate::Mentee(m) => {
            let from = MenteeStatus::parse(&m.status).unwrap_or(MenteeStatus::Withdrawn);
            let change = Change {
                from,
                to: MenteeStatus::IntakeDone,
                reason: None,
                by: Some(user.user_id),
            };
            lifecycle::change_mentee(&tx, m.id, change).await?;
        }
    }
    let (subject, subject_id) = match kind {
        PersonKind::Mentors => ("mentor", person_id),
        PersonKind::Mentees => ("mentee", person_id),
    };
    audit::record(
        &tx,
        Some(user.user_id),
        "record_intake",
        subject,
        Some(subject_id),
    )
    .await
    .map_err(db_internal("audit record intake"))?;
    tx.commit()
        .await
        .map_err(db_internal("commit record intake"))
}

/// What the records say about a mentor's screening.
pub async fn screening_of(
    conn: &impl ConnectionTrait,
    mentor_id: i32,
) -> Result<Screening, AppError> {
    let intakes = intake_interviews::Entity::find()
        .filter(intake_interviews::Column::MentorId.eq(mentor_id))
        .filter(intake_interviews::Column::DoneAt.is_not_null())
        .count(conn)
        .await
        .map_err(db_internal("count intakes"))?;
    let trainings = training_attendance::Entity::find()
        .filter(training_attendance::Column::MentorId.eq(mentor_id))
        .filter(training_attendance::Column::Attended.eq(true))
        .count(conn)
        .await
        .map_err(db_internal("count trainings"))?;
    Ok(Screening {
        intake_done: intakes > 0,
        trained: trainings > 0,
    })
}

/// A move on the board. Matching moves (`in_duo`, and `followed_up` for mentees) belong to
/// duos and are refused here.
pub async fn change_status(
    db: &DatabaseConnection,
    user: &SessionUser,
    request: StatusChangeRequest,
) -> Result<(), AppError> {
    let tx = begin_write(db)
        .await
        .map_err(db_internal("begin change status"))?;
    let person = candidate(&tx, user, request.kind, request.person_id).await?;
    let reason = request.reason.trim();
    match person {
        Candidate::Mentor(m) => {
            let to = MentorStatus::parse(request.to.trim())
                .filter(|to| *to != MentorStatus::InDuo)
                .ok_or_else(|| AppError::field("to", ErrorCode::InvalidChoice))?;
            let reason = reason_for(to.needs_reason(), reason, |r| {
                MentorExitReason::parse(r).map(|r| r.as_str())
            })?;
            let from = MentorStatus::parse(&m.status).unwrap_or(MentorStatus::Left);
            let screening = screening_of(&tx, m.id).await?;
            let to = screening::change_mentor(from, to, screening)?;
            let change = Change {
                from,
                to,
                reason,
                by: Some(user.user_id),
            };
            lifecycle::change_mentor(&tx, m.id, change).await?;
            audit::record(
                &tx,
                Some(user.user_id),
                "change_status",
                "mentor",
                Some(m.id),
            )
            .await
            .map_err(db_internal("audit mentor status"))?;
        }
        Candidate::Mentee(m) => {
            let to = MenteeStatus::parse(request.to.trim())
                .filter(|to| !matches!(to, MenteeStatus::InDuo | MenteeStatus::FollowedUp))
                .ok_or_else(|| AppError::field("to", ErrorCode::InvalidChoice))?;
            let reason = reason_for(to.needs_reason(), reason, |r| {
                MenteeWithdrawReason::parse(r).map(|r| r.as_str())
            })?;
            let from = MenteeStatus::parse(&m.status).unwrap_or(MenteeStatus::Withdrawn);
            let change = Change {
                from,
                to,
                reason,
                by: Some(user.user_id),
            };
            lifecycle::change_mentee(&tx, m.id, change).await?;
            audit::record(
                &tx,
                Some(user.user_id),
                "change_status",
                "mentee",
                Some(m.id),
            )
            .await
            .map_err(db_internal("audit mentee status"))?;
        }
    }
    tx.commit()
        .await
        .map_err(db_internal("commit change status"))
}

/// The reason code a change needs, checked against its list; none when it needs none.
fn reason_for(
    needed: bool,
    given: &str,
    parse: impl Fn(&str) -> Option<&'static str>,
) -> Result<Option<&'static str>, AppError> {
    if !needed {
        return Ok(None);
    }
    match given {
        "" => Err(AppError::field("reason", ErrorCode::Required)),
        code => parse(code)
            .map(Some)
            .ok_or_else(|| AppError::field("reason", ErrorCode::InvalidChoice)),
    }
}
