//! Duo persistence.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, Set, SqlErr,
};

use super::types::{DuoSummary, MyDuo, ProposedDuo};
use crate::db::entities::{duo_status_changes, duos, mentees, mentors};
use crate::domain::duo::DuoStatus;
use crate::domain::mentee::MenteeStatus;
use crate::domain::mentor::MentorStatus;
use crate::error::{AppError, ConflictCode};
use crate::features::auth::SessionUser;
use crate::features::auth::guard::ensure_city;
use crate::platform::database::begin_write;
use crate::platform::errors::{db_internal, internal};
use crate::platform::lifecycle::{self, Change};

fn open_statuses() -> impl Iterator<Item = &'static str> {
    DuoStatus::OPEN.iter().map(|s| s.as_str())
}

pub async fn my_duo(db: &DatabaseConnection, mentor_id: i32) -> Result<MyDuo, AppError> {
    let mentor = mentors::Entity::find_by_id(mentor_id)
        .one(db)
        .await
        .map_err(db_internal("load mentor"))?
        .ok_or(AppError::NotFound)?;
    let open = duos::Entity::find()
        .filter(duos::Column::MentorId.eq(mentor_id))
        .filter(duos::Column::Status.is_in(open_statuses()))
        .find_also_related(mentees::Entity)
        .one(db)
        .await
        .map_err(db_internal("load open duo"))?;
    let duo = open.and_then(|(duo, mentee)| {
        let mentee = mentee?;
        Some(DuoSummary {
            id: duo.id,
            status: DuoStatus::parse(&duo.status)?,
            mentee_first_name: mentee.first_name,
            goal: mentee.goal,
            started_on: duo.started_on,
            planned_end_on: duo.planned_end_on,
        })
    });
    Ok(MyDuo {
        mentor_first_name: mentor.first_name,
        duo,
    })
}

pub async fn propose(
    db: &DatabaseConnection,
    user: &SessionUser,
    mentor_id: i32,
    mentee_id: i32,
) -> Result<ProposedDuo, AppError> {
    let tx = begin_write(db)
        .await
        .map_err(db_internal("begin propose"))?;
    let mentor = mentors::Entity::find_by_id(mentor_id)
        .one(&tx)
        .await
        .map_err(db_internal("load mentor"))?
        .ok_or(AppError::NotFound)?;
    let mentee = mentees::Entity::find_by_id(mentee_id)
        .one(&tx)
        .await
        .map_err(db_internal("load mentee"))?
        .ok_or(AppError::NotFound)?;
    ensure_city(user, mentor.city_id)?;
    ensure_city(user, mentee.city_id)?;
    if mentor.city_id != mentee.city_id {
        return Err(AppError::Conflict(ConflictCode::NotMatchable));
    }
    let mentor_status = MentorStatus::parse(&mentor.status);
    let mentee_status = MenteeStatus::parse(&mentee.status);
    if mentor_status == Some(MentorStatus::InDuo) {
        return Err(AppError::Conflict(ConflictCode::MentorBusy));
    }
    if mentee_status == Some(MenteeStatus::InDuo) {
        return Err(AppError::Conflict(ConflictCode::MenteeBusy));
    }
    if mentor_status != Some(MentorStatus::Available)
        || mentee_status != Some(MenteeStatus::Waiting)
    {
        return Err(AppError::Conflict(ConflictCode::NotMatchable));
    }

    let now = Utc::now();
    let duo = duos::ActiveModel {
        mentor_id: Set(mentor_id),
        mentee_id: Set(mentee_id),
        city_id: Set(mentor.city_id),
        status: Set(DuoStatus::Proposed.as_str().to_owned()),
        proposed_by: Set(Some(user.user_id)),
        proposed_at: Set(now),
        status_changed_at: Set(now),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&tx)
    .await
    .map_err(busy_conflict)?;
    duo_status_changes::ActiveModel {
        duo_id: Set(duo.id),
        from_status: Set(None),
        to_status: Set(DuoStatus::Proposed.as_str().to_owned()),
        reason: Set(None),
        note: Set(None),
        changed_by: Set(Some(user.user_id)),
        changed_at: Set(now),
        ..Default::default()
    }
    .insert(&tx)
    .await
    .map_err(db_internal("record duo status"))?;
    let by = Some(user.user_id);
    lifecycle::change_mentor(
        &tx,
        mentor_id,
        Change {
            from: MentorStatus::Available,
            to: MentorStatus::InDuo,
            reason: None,
            by,
        },
    )
    .await?;
    lifecycle::change_mentee(
        &tx,
        mentee_id,
        Change {
            from: MenteeStatus::Waiting,
            to: MenteeStatus::InDuo,
            reason: None,
            by,
        },
    )
    .await?;
    tx.commit().await.map_err(busy_conflict)?;
    Ok(ProposedDuo {
        id: duo.id,
        mentor_id,
        mentee_id,
    })
}

/// A unique violation here can only come from the one-open-duo indexes: a
/// concurrent proposal took the mentor or the mentee first. The index name
/// says which.
fn busy_conflict(err: DbErr) -> AppError {
    match err.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(message)) if message.contains("mentee") => {
            AppError::Conflict(ConflictCode::MenteeBusy)
        }
        Some(SqlErr::UniqueConstraintViolation(_)) => AppError::Conflict(ConflictCode::MentorBusy),
        _ => internal("insert duo", &err),
    }
}
