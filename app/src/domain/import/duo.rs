//! A past duo row: who, when, how it ended, and the outcome the mentee reported at the end and
//! at the 3-, 6- and 12-month follow-ups. Only ended duos come in (closed, or stopped early);
//! the outcome is read by the closing form's own `parse_reported`.

use chrono::NaiveDate;

use super::cells::{Problems, Row, parse_date};
use super::fields::choice;
use super::{Issue, Problem};
use crate::domain::duo::{DuoStatus, StopReason};
use crate::domain::email::Email;
use crate::domain::error::ErrorCode;
use crate::domain::outcome::{FollowUpMonth, Outcome, ReportedOutcome, parse_reported};

/// The columns of the follow-up outcomes, with their month.
pub const FOLLOW_UP_COLUMNS: [(&str, FollowUpMonth); 3] = [
    ("outcome_3_months", FollowUpMonth::M3),
    ("outcome_6_months", FollowUpMonth::M6),
    ("outcome_12_months", FollowUpMonth::M12),
];

/// The closing form's columns, which only a closed duo fills in.
const CLOSURE_COLUMNS: [&str; 3] = ["outcome", "contract_type", "lasts_three_months"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FollowUpRecord {
    pub month: FollowUpMonth,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuoRecord {
    pub mentor_email: Email,
    pub mentee_email: Email,
    pub started_on: NaiveDate,
    pub ended_on: NaiveDate,
    /// `Closed` or `StoppedEarly`.
    pub status: DuoStatus,
    pub reason: Option<StopReason>,
    /// The outcome at closure: `Some` exactly for a closed duo.
    pub outcome: Option<ReportedOutcome>,
    pub follow_ups: Vec<FollowUpRecord>,
}

fn not_future(day: NaiveDate, today: NaiveDate) -> Result<NaiveDate, ErrorCode> {
    if day > today {
        Err(ErrorCode::DateInFuture)
    } else {
        Ok(day)
    }
}

pub(super) fn check(row: &Row<'_>, today: NaiveDate) -> Result<DuoRecord, Vec<Problem>> {
    let mut p = Problems::new(row.line);
    let mentor_email = p.keep("mentor_email", Email::parse(row.get("mentor_email")));
    let mentee_email = p.keep("mentee_email", Email::parse(row.get("mentee_email")));
    let started_on = p.keep(
        "started_on",
        parse_date(row.get("started_on")).and_then(|d| not_future(d, today)),
    );
    let ended_on = parse_date(row.get("ended_on")).and_then(|end| match started_on {
        Some(start) if end < start => Err(ErrorCode::DateBeforeStart { start }),
        _ => not_future(end, today),
    });
    let ended_on = p.keep("ended_on", ended_on);
    let status = choice(row.get("status"), DuoStatus::parse).and_then(|s| match s {
        DuoStatus::Closed | DuoStatus::StoppedEarly => Ok(s),
        _ => Err(ErrorCode::InvalidChoice),
    });
    let status = p.keep("status", status);
    let reason = match row.get("reason").to_lowercase().as_str() {
        "" if status == Some(DuoStatus::StoppedEarly) => Err(ErrorCode::Required),
        "" => Ok(None),
        code => StopReason::parse(code)
            .map(Some)
            .ok_or(ErrorCode::InvalidChoice),
    };
    let reason = p.keep("reason", reason);
    let outcome = match status {
        Some(DuoStatus::Closed) => parse_reported(
            &row.get("outcome").to_lowercase(),
            &row.get("contract_type").to_lowercase(),
            &row.get("lasts_three_months").to_lowercase(),
        )
        .map_err(|errors| {
            for error in errors {
                p.add(&error.field, Issue::Invalid(error.code));
            }
        })
        .ok(),
        Some(_) => {
            for column in CLOSURE_COLUMNS {
                if !row.get(column).is_empty() {
                    p.add(column, Issue::NotForThisStatus);
                }
            }
            None
        }
        None => None,
    };
    let mut follow_ups = Vec::new();
    for (column, month) in FOLLOW_UP_COLUMNS {
        let written = row.get(column).to_lowercase();
        if written.is_empty() {
            continue;
        }
        if status == Some(DuoStatus::StoppedEarly) {
            p.add(column, Issue::NotForThisStatus);
            continue;
        }
        let Some(outcome) = p.keep(
            column,
            Outcome::parse(&written).ok_or(ErrorCode::InvalidChoice),
        ) else {
            continue;
        };
        match ended_on.map(|end| month.due_on(end)) {
            Some(due_on) if due_on > today => p.add(column, Issue::FollowUpNotDue { due_on }),
            _ => follow_ups.push(FollowUpRecord { month, outcome }),
        }
    }
    match (
        mentor_email,
        mentee_email,
        started_on,
        ended_on,
        status,
        reason,
    ) {
        (
            Some(mentor_email),
            Some(mentee_email),
            Some(started_on),
            Some(ended_on),
            Some(status),
            Some(reason),
        ) if p.list.is_empty() => Ok(DuoRecord {
            mentor_email,
            mentee_email,
            started_on,
            ended_on,
            status,
            reason,
            outcome,
            follow_ups,
        }),
        _ => Err(p.list),
    }
}
