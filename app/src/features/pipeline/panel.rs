//! One person's screening at a glance: the interview planned or held, the training sessions,
//! and the moves the life cycle allows from here.

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use super::service::{Candidate, candidate, screening_of};
use super::types::{PlannedIntake, RecordedIntake, ScreeningPanel, TrainingSeatInfo};
use crate::db::entities::{intake_interviews, training_attendance, training_sessions};
use crate::domain::mentee::MenteeStatus;
use crate::domain::mentor::MentorStatus;
use crate::error::AppError;
use crate::features::auth::SessionUser;
use crate::features::people::types::PersonKind;
use crate::platform::errors::db_internal;

/// Moves made by their own forms (planning or recording the interview, registering for a
/// training session) or by duos, not by the move form.
const MENTOR_ELSEWHERE: [MentorStatus; 4] = [
    MentorStatus::IntakeScheduled,
    MentorStatus::IntakeDone,
    MentorStatus::InTraining,
    MentorStatus::InDuo,
];
const MENTEE_ELSEWHERE: [MenteeStatus; 3] = [
    MenteeStatus::IntakeDone,
    MenteeStatus::InDuo,
    MenteeStatus::FollowedUp,
];

pub async fn load(
    db: &DatabaseConnection,
    user: &SessionUser,
    kind: PersonKind,
    id: i32,
) -> Result<ScreeningPanel, AppError> {
    let person = candidate(db, user, kind, id).await?;
    let interviews = intake_interviews::Entity::find()
        .filter(match kind {
            PersonKind::Mentors => intake_interviews::Column::MentorId.eq(id),
            PersonKind::Mentees => intake_interviews::Column::MenteeId.eq(id),
        })
        .order_by_desc(intake_interviews::Column::ScheduledAt)
        .order_by_desc(intake_interviews::Column::Id)
        .all(db)
        .await
        .map_err(db_internal("panel intakes"))?;
    let planned = interviews
        .iter()
        .find(|i| i.done_at.is_none())
        .map(|i| PlannedIntake {
            interview_id: i.id,
            at: i.scheduled_at,
            place: i.place.clone(),
        });
    let recorded = interviews.iter().find_map(|i| {
        i.done_at.map(|done_at| RecordedIntake {
            done_at,
            recommendation: i.recommendation.clone(),
            scores: [
                i.motivation_score,
                i.communication_score,
                i.sector_knowledge_score,
                i.availability_score,
            ],
        })
    });
    let (status, can_schedule, moves, trainings, missing) = match person {
        Candidate::Mentor(m) => {
            let status = MentorStatus::parse(&m.status).unwrap_or(MentorStatus::Left);
            let moves = MentorStatus::ALL
                .iter()
                .filter(|to| status.can_become(**to) && !MENTOR_ELSEWHERE.contains(to))
                .map(|to| to.as_str().to_owned())
                .collect();
            let can_schedule = matches!(
                status,
                MentorStatus::Applied | MentorStatus::IntakeScheduled
            );
            (
                m.status,
                can_schedule,
                moves,
                trainings_of(db, m.id).await?,
                screening_of(db, m.id).await?.missing(),
            )
        }
        Candidate::Mentee(m) => {
            let status = MenteeStatus::parse(&m.status).unwrap_or(MenteeStatus::Withdrawn);
            let moves = MenteeStatus::ALL
                .iter()
                .filter(|to| status.can_become(**to) && !MENTEE_ELSEWHERE.contains(to))
                .map(|to| to.as_str().to_owned())
                .collect();
            let can_schedule = status == MenteeStatus::Registered;
            (m.status, can_schedule, moves, Vec::new(), Vec::new())
        }
    };
    Ok(ScreeningPanel {
        kind,
        person_id: id,
        status,
        can_schedule,
        planned,
        recorded,
        trainings,
        moves,
        missing,
    })
}

async fn trainings_of(
    db: &DatabaseConnection,
    mentor_id: i32,
) -> Result<Vec<TrainingSeatInfo>, AppError> {
    Ok(training_attendance::Entity::find()
        .filter(training_attendance::Column::MentorId.eq(mentor_id))
        .find_also_related(training_sessions::Entity)
        .order_by_asc(training_attendance::Column::TrainingSessionId)
        .all(db)
        .await
        .map_err(db_internal("panel trainings"))?
        .into_iter()
        .filter_map(|(seat, session)| {
            session.map(|s| TrainingSeatInfo {
                session_id: s.id,
                title: s.title,
                starts_at: s.starts_at,
                attended: seat.attended,
            })
        })
        .collect())
}
