//! Changing a mentor's or mentee's life-cycle status: the domain decides
//! whether the step is allowed, the update only applies if nobody changed the
//! status in between, and the history row says who did it and when.

use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use crate::db::entities::{mentee_status_changes, mentees, mentor_status_changes, mentors};
use crate::domain::mentee::MenteeStatus;
use crate::domain::mentor::MentorStatus;
use crate::error::{AppError, ConflictCode};
use crate::platform::errors::db_internal;

pub struct Change<'a, S> {
    pub from: S,
    pub to: S,
    pub reason: Option<&'a str>,
    pub by: Option<i32>,
}

pub async fn change_mentor(
    conn: &impl ConnectionTrait,
    mentor_id: i32,
    change: Change<'_, MentorStatus>,
) -> Result<(), AppError> {
    change.from.transition(change.to)?;
    let now = Utc::now();
    let updated = mentors::Entity::update_many()
        .col_expr(mentors::Column::Status, Expr::value(change.to.as_str()))
        .col_expr(
            mentors::Column::StatusReason,
            Expr::value(change.reason.map(str::to_owned)),
        )
        .col_expr(mentors::Column::StatusChangedAt, Expr::value(now))
        .col_expr(mentors::Column::UpdatedAt, Expr::value(now))
        .filter(mentors::Column::Id.eq(mentor_id))
        .filter(mentors::Column::Status.eq(change.from.as_str()))
        .exec(conn)
        .await
        .map_err(db_internal("update mentor status"))?;
    if updated.rows_affected != 1 {
        return Err(AppError::Conflict(ConflictCode::Stale));
    }
    mentor_status_changes::ActiveModel {
        mentor_id: Set(mentor_id),
        from_status: Set(Some(change.from.as_str().to_owned())),
        to_status: Set(change.to.as_str().to_owned()),
        reason: Set(change.reason.map(str::to_owned)),
        note: Set(None),
        changed_by: Set(change.by),
        changed_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await
    .map_err(db_internal("record mentor status change"))?;
    Ok(())
}

pub async fn change_mentee(
    conn: &impl ConnectionTrait,
    mentee_id: i32,
    change: Change<'_, MenteeStatus>,
) -> Result<(), AppError> {
    change.from.transition(change.to)?;
    let now = Utc::now();
    let mut update = mentees::Entity::update_many()
        .col_expr(mentees::Column::Status, Expr::value(change.to.as_str()))
        .col_expr(
            mentees::Column::StatusReason,
            Expr::value(change.reason.map(str::to_owned)),
        )
        .col_expr(mentees::Column::StatusChangedAt, Expr::value(now))
        .col_expr(mentees::Column::UpdatedAt, Expr::value(now));
    if change.to == MenteeStatus::Waiting {
        // Waiting time, and with it matching priority, counts from here.
        update = update.col_expr(
            mentees::Column::WaitingSince,
            Expr::value(Some(now.date_naive())),
        );
    }
    let updated = update
        .filter(mentees::Column::Id.eq(mentee_id))
        .filter(mentees::Column::Status.eq(change.from.as_str()))
        .exec(conn)
        .await
        .map_err(db_internal("update mentee status"))?;
    if updated.rows_affected != 1 {
        return Err(AppError::Conflict(ConflictCode::Stale));
    }
    mentee_status_changes::ActiveModel {
        mentee_id: Set(mentee_id),
        from_status: Set(Some(change.from.as_str().to_owned())),
        to_status: Set(change.to.as_str().to_owned()),
        reason: Set(change.reason.map(str::to_owned)),
        note: Set(None),
        changed_by: Set(change.by),
        changed_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await
    .map_err(db_internal("record mentee status change"))?;
    Ok(())
}
