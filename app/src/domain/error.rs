//! Validation codes and illegal status changes: errors as data, translated by the UI.
//!
//! No variant carries an English sentence; each page turns a code into FR, NL or EN.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::string_enum::string_enum;

/// Every way a `parse` function in the domain can refuse its input.
///
/// Serialised with a `code` tag, e.g. `{"code":"too_long","max":80}`, so the client can pick
/// a translation and fill in the numbers.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ErrorCode {
    #[error("required")]
    Required,
    #[error("too_short (min {min})")]
    TooShort { min: u32 },
    #[error("too_long (max {max})")]
    TooLong { max: u32 },
    #[error("invalid_characters")]
    InvalidCharacters,
    #[error("invalid_email")]
    InvalidEmail,
    #[error("invalid_postcode")]
    InvalidPostcode,
    #[error("invalid_phone")]
    InvalidPhone,
    #[error("invalid_year")]
    InvalidYear,
    #[error("mentor_too_young (min age {min_age})")]
    MentorTooYoung { min_age: u32 },
    #[error("mentee_age_out_of_range ({min}..={max})")]
    MenteeAgeOutOfRange { min: u32, max: u32 },
    #[error("out_of_range ({min}..={max})")]
    OutOfRange { min: i64, max: i64 },
    #[error("invalid_choice")]
    InvalidChoice,
    #[error("invalid_date")]
    InvalidDate,
    #[error("date_in_future")]
    DateInFuture,
    /// An appointment planned in the past.
    #[error("date_in_past")]
    DateInPast,
    #[error("date_before_start ({start})")]
    DateBeforeStart { start: NaiveDate },
    #[error("end_not_after_start")]
    EndNotAfterStart,
    #[error("planned_end_too_late (latest {latest})")]
    PlannedEndTooLate { latest: NaiveDate },
    /// Sign-in refused; deliberately silent on whether the e-mail exists.
    #[error("invalid_credentials")]
    InvalidCredentials,
    /// A sign-in link that expired or was already used.
    #[error("link_expired")]
    LinkExpired,
    /// A password among the 10,000 most common ones.
    #[error("common_password")]
    CommonPassword,
}

impl ErrorCode {
    /// Attaches the code to a form field, for `AppError::Validation`.
    pub fn at(self, field: impl Into<String>) -> FieldError {
        FieldError {
            field: field.into(),
            code: self,
        }
    }
}

/// One refused form field; the UI shows it next to that field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: ErrorCode,
}

string_enum! {
    /// Which life cycle refused a status change.
    #[derive(PartialOrd, Ord)]
    pub enum Lifecycle {
        Mentor = "mentor",
        Mentee = "mentee",
        Duo = "duo",
    }
}

/// A status change the life cycle does not allow, e.g. a closed duo becoming active again.
///
/// Statuses are kept as their stored strings so the error crosses the wire unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{lifecycle} status cannot change from {from} to {to}")]
pub struct TransitionError {
    pub lifecycle: Lifecycle,
    pub from: String,
    pub to: String,
}

impl TransitionError {
    pub fn new(lifecycle: Lifecycle, from: &str, to: &str) -> Self {
        Self {
            lifecycle,
            from: from.to_owned(),
            to: to.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::string_enum::assert_string_enum;

    #[test]
    fn codes_serialise_as_tagged_data() {
        let json = serde_json::to_string(&ErrorCode::TooLong { max: 80 }).unwrap();
        assert_eq!(json, r#"{"code":"too_long","max":80}"#);
        let json = serde_json::to_string(&ErrorCode::Required).unwrap();
        assert_eq!(json, r#"{"code":"required"}"#);
    }

    #[test]
    fn codes_round_trip_through_json() {
        let start = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
        let codes = [
            ErrorCode::Required,
            ErrorCode::MenteeAgeOutOfRange { min: 18, max: 33 },
            ErrorCode::OutOfRange { min: 15, max: 480 },
            ErrorCode::DateBeforeStart { start },
            ErrorCode::PlannedEndTooLate { latest: start },
        ];
        for code in codes {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(serde_json::from_str::<ErrorCode>(&json).unwrap(), code);
        }
    }

    #[test]
    fn field_error_keeps_field_and_code() {
        let error = ErrorCode::InvalidEmail.at("email");
        assert_eq!(error.field, "email");
        let json = serde_json::to_string(&error).unwrap();
        assert_eq!(serde_json::from_str::<FieldError>(&json).unwrap(), error);
    }

    #[test]
    fn transition_error_round_trips() {
        let error = TransitionError::new(Lifecycle::Duo, "closed", "active");
        assert_eq!(
            error.to_string(),
            "duo status cannot change from closed to active"
        );
        let json = serde_json::to_string(&error).unwrap();
        assert_eq!(
            serde_json::from_str::<TransitionError>(&json).unwrap(),
            error
        );
    }

    #[test]
    fn lifecycle_strings() {
        let expected = ["mentor", "mentee", "duo"];
        assert_string_enum(
            Lifecycle::ALL,
            Lifecycle::as_str,
            Lifecycle::parse,
            &expected,
        );
    }
}
