//! `AppError`: the one error type that crosses the server-function boundary.
//! Database and I/O failures become `Internal` with a reference id; their text
//! stays in the server log.

use serde::{Deserialize, Serialize};
use server_fn::codec::JsonEncoding;
use server_fn::error::{FromServerFnError, ServerFnErrorErr};

pub use crate::domain::error::{ErrorCode, FieldError};
use crate::domain::matching::score::Reason;
use crate::domain::screening::ScreeningStep;

/// Why a request could not be applied to the current state of the data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictCode {
    /// The mentor already has an open duo.
    MentorBusy,
    /// The mentee already has an open duo.
    MenteeBusy,
    /// The person is not in a status that allows this.
    NotMatchable,
    /// A user with this e-mail address already exists.
    EmailTaken,
    /// A status change the life cycle does not allow.
    IllegalTransition { from: String, to: String },
    /// Someone else changed the record first; reload and try again.
    Stale,
    /// A mentor cannot become available before these screening steps.
    NotScreened { missing: Vec<ScreeningStep> },
    /// The training session has no seat left.
    TrainingFull,
    /// The mentor is already registered for this training session.
    AlreadyRegistered,
    /// Attendance can be recorded once the session has begun.
    TrainingNotStarted,
    /// A mentee with this e-mail address is already registered: this one.
    MenteeKnown { mentee_id: i32 },
    /// The pair breaks a hard constraint of matching: every reason that applies.
    PairForbidden { reasons: Vec<Reason> },
    /// A duo starts once mentor and mentee both signed its agreement.
    AgreementUnsigned,
    /// A meeting log can be changed by its mentor for seven days only.
    EditWindowClosed,
    /// A duo closes once the mentee's end self-assessment and the mentor's evaluation are in.
    EvaluationsMissing,
    /// A follow-up is recorded from its due date on.
    FollowUpNotDue { due_on: chrono::NaiveDate },
    /// Taking part cannot be withdrawn, nor the person erased, while their duo runs: the duo
    /// ends first.
    InOpenDuo,
    /// The person is anonymous already.
    Anonymised,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("invalid input")]
    Validation(Vec<FieldError>),
    #[error("sign-in required")]
    Unauthenticated,
    #[error("not allowed")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("conflict: {0:?}")]
    Conflict(ConflictCode),
    /// Too many attempts from one address or for one account; try again later.
    #[error("too many requests")]
    RateLimited,
    #[error("internal error, reference {reference}")]
    Internal { reference: String },
    /// Raised in the browser when the server could not be reached at all.
    #[error("server unreachable")]
    Unreachable,
}

impl AppError {
    pub fn field(field: &str, code: ErrorCode) -> Self {
        AppError::Validation(vec![FieldError {
            field: field.to_owned(),
            code,
        }])
    }

    /// The errors attached to one form field, for display next to it.
    pub fn field_errors(&self, field: &str) -> Vec<ErrorCode> {
        match self {
            AppError::Validation(errors) => errors
                .iter()
                .filter(|e| e.field == field)
                .map(|e| e.code.clone())
                .collect(),
            _ => Vec::new(),
        }
    }

    pub fn status_code(&self) -> u16 {
        match self {
            AppError::Validation(_) => 422,
            AppError::Unauthenticated => 401,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::Conflict(_) => 409,
            AppError::RateLimited => 429,
            AppError::Internal { .. } => 500,
            AppError::Unreachable => 503,
        }
    }
}

impl From<crate::domain::error::TransitionError> for AppError {
    fn from(e: crate::domain::error::TransitionError) -> Self {
        AppError::Conflict(ConflictCode::IllegalTransition {
            from: e.from.to_string(),
            to: e.to.to_string(),
        })
    }
}

impl From<crate::domain::screening::MentorChangeError> for AppError {
    fn from(e: crate::domain::screening::MentorChangeError) -> Self {
        use crate::domain::screening::MentorChangeError;
        match e {
            MentorChangeError::Transition(t) => t.into(),
            MentorChangeError::NotScreened(missing) => {
                AppError::Conflict(ConflictCode::NotScreened { missing })
            }
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // Malformed or missing arguments are the caller's fault, not ours.
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_) => {
                AppError::field("request", ErrorCode::InvalidChoice)
            }
            ServerFnErrorErr::Request(_) => AppError::Unreachable,
            other => AppError::Internal {
                reference: internal_reference(&other),
            },
        }
    }
}

#[cfg(feature = "ssr")]
fn internal_reference(err: &ServerFnErrorErr) -> String {
    let reference = crate::platform::errors::new_reference();
    tracing::error!(%reference, error = %err, "server function transport error");
    reference
}

#[cfg(not(feature = "ssr"))]
fn internal_reference(_err: &ServerFnErrorErr) -> String {
    "client".to_owned()
}
