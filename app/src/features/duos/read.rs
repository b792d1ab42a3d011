//! What coordinators and mentors read of duos: the coordinator's list, one duo's page with its
//! timeline, and the mentor's home.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::assessments;
use super::closing;
use super::life::load_duo;
use super::meetings;
use super::monitoring;
use super::plan;
use super::returning;
use super::types::{
    Agreement, DuoDetail, DuoRow, DuoSummary, Introduction, Member, MyDuo, StatusLine,
};
use crate::db::entities::{
    duo_agreements, duo_introductions, duo_status_changes, duos, mentees, mentors,
};
use crate::domain::duo::{DuoStatus, IntroductionAnswer, planned_weeks, weeks_between};
use crate::domain::evaluation::EvaluationKind;
use crate::domain::local_time;
use crate::error::AppError;
use crate::features::auth::SessionUser;
use crate::platform::errors::db_internal;

/// Duos shown on one page of the coordinator's list.
pub const LIST_LIMIT: u64 = 200;
/// Meetings the mentor's home shows.
const HOME_MEETINGS: u64 = 5;

fn full_name(first: &str, last: &str) -> String {
    format!("{first} {last}")
}

/// The open duos of the user's cities (all cities for managers and admins), newest first,
/// then the most recently ended ones.
pub async fn list(
    db: &DatabaseConnection,
    user: &SessionUser,
    now: DateTime<Utc>,
) -> Result<Vec<DuoRow>, AppError> {
    let mut query = duos::Entity::find();
    if user.role == crate::domain::role::Role::Coordinator {
        query = query.filter(duos::Column::CityId.is_in(user.city_ids.clone()));
    }
    let rows = query
        .order_by_desc(duos::Column::StatusChangedAt)
        .order_by_desc(duos::Column::Id)
        .limit(LIST_LIMIT)
        .all(db)
        .await
        .map_err(db_internal("list duos"))?;
    let ids: Vec<i32> = rows.iter().map(|d| d.id).collect();
    let mentor_ids: Vec<i32> = rows.iter().map(|d| d.mentor_id).collect();
    let mentee_ids: Vec<i32> = rows.iter().map(|d| d.mentee_id).collect();
    let mentor_names: HashMap<i32, String> = mentors::Entity::find()
        .filter(mentors::Column::Id.is_in(mentor_ids))
        .all(db)
        .await
        .map_err(db_internal("list duo mentors"))?
        .into_iter()
        .map(|m| (m.id, full_name(&m.first_name, &m.last_name)))
        .collect();
    let mentee_names: HashMap<i32, String> = mentees::Entity::find()
        .filter(mentees::Column::Id.is_in(mentee_ids))
        .all(db)
        .await
        .map_err(db_internal("list duo mentees"))?
        .into_iter()
        .map(|m| (m.id, full_name(&m.first_name, &m.last_name)))
        .collect();
    let today = local_time::to_local(now).date();
    let last_meetings = monitoring::last_meetings(db, &ids).await?;
    let mut alerts = monitoring::alerts_of(db, &rows, &last_meetings, today).await?;
    Ok(rows
        .into_iter()
        .filter_map(|d| {
            Some(DuoRow {
                id: d.id,
                status: DuoStatus::parse(&d.status)?,
                mentor_name: mentor_names.get(&d.mentor_id).cloned().unwrap_or_default(),
                mentee_name: mentee_names.get(&d.mentee_id).cloned().unwrap_or_default(),
                started_on: d.started_on,
                planned_end_on: d.planned_end_on,
                last_meeting: last_meetings.get(&d.id).copied(),
                alerts: alerts.remove(&d.id).unwrap_or_default(),
            })
        })
        .collect())
}

/// The agreement of a duo, once it was introduced.
async fn agreement_of(db: &DatabaseConnection, duo_id: i32) -> Result<Option<Agreement>, AppError> {
    Ok(duo_agreements::Entity::find()
        .filter(duo_agreements::Column::DuoId.eq(duo_id))
        .one(db)
        .await
        .map_err(db_internal("load agreement"))?
        .map(|a| Agreement {
            version: a.version,
            mentor_signed_at: a.mentor_signed_at,
            mentee_signed_at: a.mentee_signed_at,
        }))
}

/// One duo with its introduction, agreement, meetings and status history.
pub async fn detail(
    db: &DatabaseConnection,
    user: &SessionUser,
    duo_id: i32,
    now: DateTime<Utc>,
) -> Result<DuoDetail, AppError> {
    let duo = load_duo(db, user, duo_id).await?;
    let status = DuoStatus::parse(&duo.status).ok_or(AppError::NotFound)?;
    let mentor = mentors::Entity::find_by_id(duo.mentor_id)
        .one(db)
        .await
        .map_err(db_internal("load mentor"))?
        .ok_or(AppError::NotFound)?;
    let mentee = mentees::Entity::find_by_id(duo.mentee_id)
        .one(db)
        .await
        .map_err(db_internal("load mentee"))?
        .ok_or(AppError::NotFound)?;
    let introduction = duo_introductions::Entity::find_by_id(duo.id)
        .one(db)
        .await
        .map_err(db_internal("load introduction"))?
        .map(|i| Introduction {
            at: i.scheduled_at,
            place: i.place,
            mentor_answer: i
                .mentor_answer
                .as_deref()
                .and_then(IntroductionAnswer::parse),
            mentee_answer: i
                .mentee_answer
                .as_deref()
                .and_then(IntroductionAnswer::parse),
        });
    let agreement = agreement_of(db, duo.id).await?;
    let history = duo_status_changes::Entity::find()
        .filter(duo_status_changes::Column::DuoId.eq(duo.id))
        .order_by_asc(duo_status_changes::Column::ChangedAt)
        .order_by_asc(duo_status_changes::Column::Id)
        .all(db)
        .await
        .map_err(db_internal("load duo history"))?
        .into_iter()
        .filter_map(|line| {
            Some(StatusLine {
                to: DuoStatus::parse(&line.to_status)?,
                reason: line.reason,
                at: line.changed_at,
            })
        })
        .collect();
    let today = local_time::to_local(now).date();
    let meetings = meetings::list(db, duo.id, None, now).await?;
    // Newest first: the first meeting is the last one held.
    let last: HashMap<i32, NaiveDate> = meetings
        .first()
        .map(|m| (duo.id, m.held_on))
        .into_iter()
        .collect();
    let alerts = monitoring::alerts_of(db, std::slice::from_ref(&duo), &last, today)
        .await?
        .remove(&duo.id)
        .unwrap_or_default();
    Ok(DuoDetail {
        id: duo.id,
        status,
        mentor: Member {
            id: mentor.id,
            name: full_name(&mentor.first_name, &mentor.last_name),
        },
        mentee: Member {
            id: mentee.id,
            name: full_name(&mentee.first_name, &mentee.last_name),
        },
        goal: mentee.goal,
        score: duo.match_score.and_then(|s| u8::try_from(s).ok()),
        introduction,
        agreement,
        started_on: duo.started_on,
        planned_end_on: duo.planned_end_on,
        meetings,
        assessments: assessments::list(db, duo.id).await?,
        alerts,
        contacts: monitoring::contacts(db, duo.id).await?,
        history,
        ended_on: duo.ended_on,
        mentor_evaluation: assessments::mentor_evaluation(db, duo.id).await?,
        closure: closing::closure(db, duo.id).await?,
        follow_ups: closing::follow_ups_of(db, duo.id).await?,
        plan: plan::of(db, duo.id).await?,
        peer_sessions: crate::features::peer::service::attended_during(db, &duo, today).await?,
        today,
    })
}

/// The mentor's open duo, with the weeks done and the latest meetings.
pub async fn my_duo(
    db: &DatabaseConnection,
    mentor_id: i32,
    now: DateTime<Utc>,
) -> Result<MyDuo, AppError> {
    let today = local_time::to_local(now).date();
    let mentor = mentors::Entity::find_by_id(mentor_id)
        .one(db)
        .await
        .map_err(db_internal("load mentor"))?
        .ok_or(AppError::NotFound)?;
    let open = duos::Entity::find()
        .filter(duos::Column::MentorId.eq(mentor_id))
        .filter(duos::Column::Status.is_in(DuoStatus::OPEN.iter().map(|s| s.as_str())))
        .find_also_related(mentees::Entity)
        .one(db)
        .await
        .map_err(db_internal("load open duo"))?;
    let duo = match open {
        Some((duo, Some(mentee))) => {
            let status = DuoStatus::parse(&duo.status).ok_or(AppError::NotFound)?;
            let weeks = |end: NaiveDate| duo.started_on.map(|start| weeks_between(start, end));
            let assessed: Vec<EvaluationKind> = assessments::list(db, duo.id)
                .await?
                .iter()
                .map(|a| a.kind)
                .collect();
            Some(DuoSummary {
                id: duo.id,
                status,
                mentee_first_name: mentee.first_name,
                goal: mentee.goal,
                started_on: duo.started_on,
                planned_end_on: duo.planned_end_on,
                weeks_done: weeks(today.min(duo.planned_end_on.unwrap_or(today))),
                weeks_planned: duo
                    .started_on
                    .zip(duo.planned_end_on)
                    .map(|(start, end)| planned_weeks(start, end)),
                meetings: meetings::list(db, duo.id, Some(HOME_MEETINGS), now).await?,
                start_assessed: assessed.contains(&EvaluationKind::Start),
                end_assessed: assessed.contains(&EvaluationKind::End),
                mentor_evaluated: assessments::mentor_evaluation(db, duo.id).await?.is_some(),
                agreement: agreement_of(db, duo.id).await?,
                plan: plan::of(db, duo.id).await?,
                today,
            })
        }
        _ => None,
    };
    let return_invitation = match duo {
        Some(_) => None,
        None => returning::invitation(db, mentor_id, today).await?,
    };
    Ok(MyDuo {
        mentor_first_name: mentor.first_name,
        duo,
        return_invitation,
    })
}
