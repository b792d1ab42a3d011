//! Duo persistence.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, QueryFilter, Set, SqlErr,
};

use super::life::{advance, release_pair};
use super::types::ProposedDuo;
use crate::db::entities::{duo_status_changes, duos, match_locks, mentees, mentors};
use crate::domain::duo::{DeclineReason, DuoStatus};
use crate::domain::matching::history::BoardAction;
use crate::domain::matching::score::evaluate;
use crate::domain::mentee::MenteeStatus;
use crate::domain::mentor::MentorStatus;
use crate::error::{AppError, ConflictCode};
use crate::features::auth::SessionUser;
use crate::features::auth::guard::ensure_city;
use crate::features::matching::history::{self, Event};
use crate::features::matching::pool;
use crate::platform::database::begin_write;
use crate::platform::errors::{db_internal, internal};
use crate::platform::lifecycle::{self, Change};

/// Proposes a duo, after the same hard constraints as the matching engine: city, status,
/// a shared working language, the mentee's musts, and the board's bans. `action` says how the
/// coordinator chose the pair, for the board's history.
pub async fn propose(
    db: &DatabaseConnection,
    user: &SessionUser,
    mentor_id: i32,
    mentee_id: i32,
    action: BoardAction,
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
    let city_id = mentor.city_id;
    let pair = pool::load_pair(&tx, mentor, mentee, now.date_naive()).await?;
    let score = match (pair.mentors.first(), pair.mentees.first()) {
        (Some(mentor), Some(mentee)) => evaluate(&pair.context, mentor, mentee)
            .map_err(|f| AppError::Conflict(ConflictCode::PairForbidden { reasons: f.reasons }))?,
        _ => return Err(AppError::NotFound),
    };
    let duo = duos::ActiveModel {
        mentor_id: Set(mentor_id),
        mentee_id: Set(mentee_id),
        city_id: Set(city_id),
        status: Set(DuoStatus::Proposed.as_str().to_owned()),
        match_score: Set(Some(i32::from(score.total))),
        proposed_by: Set(Some(user.user_id)),
        proposed_at: Set(now),
        status_changed_at: Set(now),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&tx)
    .await
    .map_err(busy_conflict)?;
    let by = Some(user.user_id);
    record_status(&tx, duo.id, None, DuoStatus::Proposed, None, by).await?;
    pool_move(&tx, (mentor_id, mentee_id), PoolMove::IntoDuo, by).await?;
    // A lock on either person has done its work, or can no longer be kept.
    match_locks::Entity::delete_many()
        .filter(
            Condition::any()
                .add(match_locks::Column::MentorId.eq(mentor_id))
                .add(match_locks::Column::MenteeId.eq(mentee_id)),
        )
        .exec(&tx)
        .await
        .map_err(db_internal("clear locks"))?;
    history::record(
        &tx,
        Event {
            score: Some(score.total),
            duo_id: Some(duo.id),
            ..Event::pair(city_id, action, mentor_id, mentee_id, user.user_id)
        },
    )
    .await?;
    tx.commit().await.map_err(busy_conflict)?;
    Ok(ProposedDuo {
        id: duo.id,
        mentor_id,
        mentee_id,
        score: score.total,
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

/// Undoes a proposal that has not been introduced yet: the duo is declined as withdrawn by the
/// coordinator, and both people go back to the pool.
pub async fn cancel(
    db: &DatabaseConnection,
    user: &SessionUser,
    duo_id: i32,
) -> Result<(), AppError> {
    let tx = begin_write(db).await.map_err(db_internal("begin cancel"))?;
    let duo = duos::Entity::find_by_id(duo_id)
        .one(&tx)
        .await
        .map_err(db_internal("load duo"))?
        .ok_or(AppError::NotFound)?;
    ensure_city(user, duo.city_id)?;
    let from = DuoStatus::parse(&duo.status).ok_or(AppError::NotFound)?;
    if from != DuoStatus::Proposed {
        // Once introduced, a duo ends through the introduction's decline, with its reason.
        return Err(AppError::Conflict(ConflictCode::IllegalTransition {
            from: from.as_str().to_owned(),
            to: "cancelled".to_owned(),
        }));
    }
    let by = Some(user.user_id);
    let reason = Some(DeclineReason::CoordinatorWithdrew.as_str());
    advance(&tx, &duo, DuoStatus::Declined, reason, by, Utc::now()).await?;
    // The proposal was withdrawn, not the mentee's turn.
    release_pair(&tx, &duo, by).await?;
    history::record(
        &tx,
        Event {
            duo_id: Some(duo_id),
            ..Event::pair(
                duo.city_id,
                BoardAction::Cancelled,
                duo.mentor_id,
                duo.mentee_id,
                user.user_id,
            )
        },
    )
    .await?;
    tx.commit().await.map_err(db_internal("commit cancel"))?;
    Ok(())
}

/// One row of a duo's status history.
pub(super) async fn record_status(
    conn: &impl ConnectionTrait,
    duo_id: i32,
    from: Option<DuoStatus>,
    to: DuoStatus,
    reason: Option<&str>,
    by: Option<i32>,
) -> Result<(), AppError> {
    duo_status_changes::ActiveModel {
        duo_id: Set(duo_id),
        from_status: Set(from.map(|s| s.as_str().to_owned())),
        to_status: Set(to.as_str().to_owned()),
        reason: Set(reason.map(str::to_owned)),
        note: Set(None),
        changed_by: Set(by),
        changed_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await
    .map_err(db_internal("record duo status"))?;
    Ok(())
}

/// Where a proposal takes its mentor and mentee, or an undone one gives them back.
#[derive(Clone, Copy)]
pub(super) enum PoolMove {
    IntoDuo,
    BackToPool,
}

pub(super) async fn pool_move(
    conn: &impl ConnectionTrait,
    (mentor_id, mentee_id): (i32, i32),
    step: PoolMove,
    by: Option<i32>,
) -> Result<(), AppError> {
    let (mentor, mentee) = match step {
        PoolMove::IntoDuo => (
            (MentorStatus::Available, MentorStatus::InDuo),
            (MenteeStatus::Waiting, MenteeStatus::InDuo),
        ),
        PoolMove::BackToPool => (
            (MentorStatus::InDuo, MentorStatus::Available),
            (MenteeStatus::InDuo, MenteeStatus::Waiting),
        ),
    };
    let (reason, (from, to)) = (None, mentor);
    lifecycle::change_mentor(
        conn,
        mentor_id,
        Change {
            from,
            to,
            reason,
            by,
        },
    )
    .await?;
    let (from, to) = mentee;
    lifecycle::change_mentee(
        conn,
        mentee_id,
        Change {
            from,
            to,
            reason,
            by,
        },
    )
    .await
}
