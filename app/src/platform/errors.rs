//! Turns server-side failures into `AppError` without leaking their text:
//! the full cause chain goes to the log under a short reference that the user
//! can quote to support.

use crate::error::{AppError, ConflictCode};
use rand::Rng;
use sea_orm::{DbErr, SqlErr};

/// The id that ties an error shown to a user to its log lines: the request's id when there is
/// a request, else a short random one.
pub fn new_reference() -> String {
    super::request_id::current().unwrap_or_else(|| {
        let n: u32 = rand::rng().random();
        format!("{n:08x}")
    })
}

/// Logs `err` with its whole source chain and returns an opaque `Internal`.
pub fn internal(context: &'static str, err: &(dyn std::error::Error + 'static)) -> AppError {
    let reference = new_reference();
    let mut chain = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        chain.push_str(": ");
        chain.push_str(&cause.to_string());
        source = cause.source();
    }
    tracing::error!(%reference, context, error = %chain, "request failed");
    AppError::Internal { reference }
}

/// The usual mapping for database errors: a unique violation is a conflict the
/// caller names, anything else is internal.
pub fn db(context: &'static str, conflict: ConflictCode) -> impl FnOnce(DbErr) -> AppError {
    move |err| match err.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(_)) => AppError::Conflict(conflict),
        _ => internal(context, &err),
    }
}

/// Database errors where no conflict is expected.
pub fn db_internal(context: &'static str) -> impl FnOnce(DbErr) -> AppError {
    move |err| internal(context, &err)
}
