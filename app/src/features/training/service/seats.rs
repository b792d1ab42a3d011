//! Seats at a session: registering a mentor, and recording whether they came.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QuerySelect, Set,
};

use crate::db::entities::{mentors, training_attendance, training_sessions};
use crate::domain::locale::Locale;
use crate::domain::mentor::MentorStatus;
use crate::error::{AppError, ConflictCode};
use crate::features::auth::SessionUser;
use crate::features::auth::guard::ensure_city;
use crate::features::training::mail;
use crate::features::training::types::TrainingSeat;
use crate::platform::audit;
use crate::platform::database::begin_write;
use crate::platform::errors::{db, db_internal};
use crate::platform::lifecycle::{self, Change};
use crate::platform::outbox;
use crate::platform::state::AppState;

/// The session, if it is in one of the caller's cities. On PostgreSQL the row stays locked
/// until the transaction ends, so two registrations cannot both take the last seat.
pub(super) async fn session_in_scope(
    conn: &impl ConnectionTrait,
    user: &SessionUser,
    id: i32,
) -> Result<training_sessions::Model, AppError> {
    let session = training_sessions::Entity::find_by_id(id)
        .lock_exclusive()
        .one(conn)
        .await
        .map_err(db_internal("load training"))?
        .ok_or(AppError::NotFound)?;
    ensure_city(user, session.city_id)?;
    Ok(session)
}

/// Registers a mentor of the session's city whose intake is done. A mentor just out of the
/// intake moves into training; each gets a calendar invitation.
pub async fn register(
    state: &AppState,
    user: &SessionUser,
    seat: TrainingSeat,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let tx = begin_write(&state.db)
        .await
        .map_err(db_internal("begin register training"))?;
    let session = session_in_scope(&tx, user, seat.session_id).await?;
    let mentor = mentors::Entity::find_by_id(seat.mentor_id)
        .one(&tx)
        .await
        .map_err(db_internal("load mentor"))?
        .filter(|m| m.city_id == session.city_id)
        .ok_or(AppError::NotFound)?;
    let status = MentorStatus::parse(&mentor.status).unwrap_or(MentorStatus::Left);
    if !matches!(status, MentorStatus::IntakeDone | MentorStatus::InTraining) {
        return Err(AppError::Conflict(ConflictCode::IllegalTransition {
            from: status.as_str().to_owned(),
            to: MentorStatus::InTraining.as_str().to_owned(),
        }));
    }
    let taken = training_attendance::Entity::find()
        .filter(training_attendance::Column::TrainingSessionId.eq(session.id))
        .count(&tx)
        .await
        .map_err(db_internal("count seats"))?;
    if taken >= u64::try_from(session.capacity).unwrap_or(0) {
        return Err(AppError::Conflict(ConflictCode::TrainingFull));
    }
    training_attendance::ActiveModel {
        training_session_id: Set(session.id),
        mentor_id: Set(mentor.id),
        attended: Set(None),
    }
    .insert(&tx)
    .await
    .map_err(db("insert seat", ConflictCode::AlreadyRegistered))?;
    if status == MentorStatus::IntakeDone {
        let change = Change {
            from: status,
            to: MentorStatus::InTraining,
            reason: None,
            by: Some(user.user_id),
        };
        lifecycle::change_mentor(&tx, mentor.id, change).await?;
    }
    let invitee = outbox::Recipient {
        name: &mentor.first_name,
        email: &mentor.email,
        locale: Locale::parse(&mentor.locale).unwrap_or(Locale::En),
    };
    outbox::enqueue(&tx, mail::training_invitation(&invitee, &session, now))
        .await
        .map_err(db_internal("enqueue training invitation"))?;
    audit::record(
        &tx,
        Some(user.user_id),
        "register_training",
        "mentor",
        Some(mentor.id),
    )
    .await
    .map_err(db_internal("audit register training"))?;
    tx.commit()
        .await
        .map_err(db_internal("commit register training"))
}

/// Records whether a registered mentor came. It can be corrected later; it cannot be recorded
/// before the session begins.
pub async fn record_attendance(
    db: &DatabaseConnection,
    user: &SessionUser,
    seat: TrainingSeat,
    attended: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let tx = begin_write(db)
        .await
        .map_err(db_internal("begin record attendance"))?;
    let session = session_in_scope(&tx, user, seat.session_id).await?;
    if session.starts_at > now {
        return Err(AppError::Conflict(ConflictCode::TrainingNotStarted));
    }
    let updated = training_attendance::Entity::update_many()
        .col_expr(training_attendance::Column::Attended, Expr::value(attended))
        .filter(training_attendance::Column::TrainingSessionId.eq(session.id))
        .filter(training_attendance::Column::MentorId.eq(seat.mentor_id))
        .exec(&tx)
        .await
        .map_err(db_internal("record attendance"))?;
    if updated.rows_affected != 1 {
        return Err(AppError::NotFound);
    }
    audit::record(
        &tx,
        Some(user.user_id),
        "record_attendance",
        "mentor",
        Some(seat.mentor_id),
    )
    .await
    .map_err(db_internal("audit record attendance"))?;
    tx.commit()
        .await
        .map_err(db_internal("commit record attendance"))
}
