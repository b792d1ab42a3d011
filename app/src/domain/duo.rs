//! The duo life cycle, from the coordinator's proposal to closure, and the reason codes for
//! a duo that never started or ended early. Dates of a duo live in `duo_period`.

use super::error::{Lifecycle, TransitionError};
use super::string_enum::string_enum;

pub use super::duo_period::{
    MAX_DURATION_MONTHS, PlannedEnd, planned_end, planned_weeks, weeks_between,
};

string_enum! {
    /// Ordered along the usual path; the two early endings come last.
    #[derive(PartialOrd, Ord)]
    pub enum DuoStatus {
        Proposed = "proposed",
        Introduced = "introduced",
        Active = "active",
        Closing = "closing",
        Closed = "closed",
        Declined = "declined",
        StoppedEarly = "stopped_early",
    }
}

impl DuoStatus {
    /// The statuses that hold a mentor and a mentee: each person is in at most one such duo.
    pub const OPEN: &'static [DuoStatus] = &[
        DuoStatus::Proposed,
        DuoStatus::Introduced,
        DuoStatus::Active,
        DuoStatus::Closing,
    ];

    /// Whether the life cycle allows going from `self` to `next`.
    ///
    /// Once the end evaluation has started (`closing`) the duo is closed normally, never
    /// stopped early, so its outcome is always recorded.
    pub fn can_become(self, next: DuoStatus) -> bool {
        use DuoStatus::*;
        matches!(
            (self, next),
            (Proposed, Introduced | Declined)
                | (Introduced, Active | Declined)
                | (Active, Closing | StoppedEarly)
                | (Closing, Closed)
        )
    }

    pub fn transition(self, next: DuoStatus) -> Result<DuoStatus, TransitionError> {
        if self.can_become(next) {
            Ok(next)
        } else {
            Err(TransitionError::new(
                Lifecycle::Duo,
                self.as_str(),
                next.as_str(),
            ))
        }
    }

    pub fn is_open(self) -> bool {
        Self::OPEN.contains(&self)
    }

    pub fn is_terminal(self) -> bool {
        !self.is_open()
    }

    /// Entering this status requires a reason: `DeclineReason` for `declined`, `StopReason` for
    /// `stopped_early`.
    pub fn needs_reason(self) -> bool {
        matches!(self, DuoStatus::Declined | DuoStatus::StoppedEarly)
    }
}

string_enum! {
    /// Why a proposed or introduced duo did not start.
    pub enum DeclineReason {
        MentorDeclined = "mentor_declined",
        MenteeDeclined = "mentee_declined",
        NoConnection = "no_connection",
        AvailabilityMismatch = "availability_mismatch",
        CoordinatorWithdrew = "coordinator_withdrew",
        Other = "other",
    }
}

string_enum! {
    /// Why an active duo stopped before its planned end.
    pub enum StopReason {
        MenteeFoundWork = "mentee_found_work",
        MenteeUnreachable = "mentee_unreachable",
        MenteeWithdrew = "mentee_withdrew",
        MentorUnavailable = "mentor_unavailable",
        MentorLeft = "mentor_left",
        RelationshipIssue = "relationship_issue",
        Moved = "moved",
        Health = "health",
        Other = "other",
    }
}

string_enum! {
    /// What mentor or mentee said at the introduction meeting.
    pub enum IntroductionAnswer {
        Accepted = "accepted",
        Declined = "declined",
    }
}

/// The version of the duo agreement's text (weekly meetings of about two hours, six months at
/// most, confidentiality, the code of conduct). A signature records the version it was given on.
pub const AGREEMENT_VERSION: &str = "2026-11";

/// Where an introduction meeting leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntroductionResult {
    /// Both said yes: the duo is introduced and goes on to its agreement.
    Introduced,
    /// One of them said no: the duo is declined for this reason.
    Declined(DeclineReason),
}

/// Both answers together decide the introduction. A decline needs its reason; "withdrawn by the
/// coordinator" is for proposals undone before any meeting, not for a meeting's answer.
pub fn introduction_result(
    mentor: IntroductionAnswer,
    mentee: IntroductionAnswer,
    reason: Option<DeclineReason>,
) -> Result<IntroductionResult, super::error::ErrorCode> {
    use super::error::ErrorCode;
    if mentor == IntroductionAnswer::Accepted && mentee == IntroductionAnswer::Accepted {
        return Ok(IntroductionResult::Introduced);
    }
    match reason {
        None => Err(ErrorCode::Required),
        Some(DeclineReason::CoordinatorWithdrew) => Err(ErrorCode::InvalidChoice),
        Some(reason) => Ok(IntroductionResult::Declined(reason)),
    }
}

/// The reason an active duo goes to closing on `today`: before its planned end it ends early
/// and needs one; at or after the planned end a reason may still say why (a job found in the
/// last week, say).
pub fn closing_reason(
    planned_end: chrono::NaiveDate,
    today: chrono::NaiveDate,
    reason: Option<StopReason>,
) -> Result<Option<StopReason>, super::error::ErrorCode> {
    if today < planned_end && reason.is_none() {
        Err(super::error::ErrorCode::Required)
    } else {
        Ok(reason)
    }
}

#[cfg(test)]
mod tests {
    use super::DuoStatus::*;
    use super::*;
    use crate::domain::string_enum::assert_string_enum;

    /// The whole allowed table, written out rather than derived from the rules.
    const ALLOWED: &[(DuoStatus, DuoStatus)] = &[
        (Proposed, Introduced),
        (Proposed, Declined),
        (Introduced, Active),
        (Introduced, Declined),
        (Active, Closing),
        (Active, StoppedEarly),
        (Closing, Closed),
    ];

    #[test]
    fn closing_early_needs_a_reason() {
        let end = chrono::NaiveDate::from_ymd_opt(2026, 9, 5).unwrap();
        let before = end.pred_opt().unwrap();
        let found = Some(StopReason::MenteeFoundWork);
        assert_eq!(
            closing_reason(end, before, None),
            Err(crate::domain::error::ErrorCode::Required)
        );
        assert_eq!(closing_reason(end, before, found), Ok(found));
        assert_eq!(closing_reason(end, end, None), Ok(None));
        assert_eq!(closing_reason(end, end, found), Ok(found));
    }

    #[test]
    fn every_pair_follows_the_table() {
        for &from in DuoStatus::ALL {
            for &to in DuoStatus::ALL {
                let allowed = ALLOWED.contains(&(from, to));
                assert_eq!(from.can_become(to), allowed, "{from} -> {to}");
                let expected = if allowed {
                    Ok(to)
                } else {
                    Err(TransitionError::new(
                        Lifecycle::Duo,
                        from.as_str(),
                        to.as_str(),
                    ))
                };
                assert_eq!(from.transition(to), expected);
            }
        }
    }

    #[test]
    fn open_statuses_are_exactly_the_non_terminal_ones() {
        for &status in DuoStatus::ALL {
            let has_exit = DuoStatus::ALL.iter().any(|&to| status.can_become(to));
            assert_eq!(status.is_open(), has_exit, "{status}");
            assert_eq!(status.is_terminal(), !has_exit, "{status}");
        }
        assert_eq!(DuoStatus::OPEN, [Proposed, Introduced, Active, Closing]);
    }

    #[test]
    fn early_endings_need_a_reason() {
        let needs: Vec<_> = DuoStatus::ALL.iter().filter(|s| s.needs_reason()).collect();
        assert_eq!(needs, [&Declined, &StoppedEarly]);
    }

    #[test]
    fn strings() {
        let expected = [
            "proposed",
            "introduced",
            "active",
            "closing",
            "closed",
            "declined",
            "stopped_early",
        ];
        assert_string_enum(
            DuoStatus::ALL,
            DuoStatus::as_str,
            DuoStatus::parse,
            &expected,
        );
        let expected = [
            "mentor_declined",
            "mentee_declined",
            "no_connection",
            "availability_mismatch",
            "coordinator_withdrew",
            "other",
        ];
        let all = DeclineReason::ALL;
        assert_string_enum(all, DeclineReason::as_str, DeclineReason::parse, &expected);
        let expected = [
            "mentee_found_work",
            "mentee_unreachable",
            "mentee_withdrew",
            "mentor_unavailable",
            "mentor_left",
            "relationship_issue",
            "moved",
            "health",
            "other",
        ];
        assert_string_enum(
            StopReason::ALL,
            StopReason::as_str,
            StopReason::parse,
            &expected,
        );
    }
    #[test]
    fn an_introduction_needs_two_yeses_or_a_reason() {
        use super::IntroductionAnswer::{Accepted, Declined as No};
        use crate::domain::error::ErrorCode;
        let reason = Some(DeclineReason::NoConnection);
        let cases = [
            (Accepted, Accepted, None, Ok(IntroductionResult::Introduced)),
            (
                Accepted,
                Accepted,
                reason,
                Ok(IntroductionResult::Introduced),
            ),
            (No, Accepted, None, Err(ErrorCode::Required)),
            (Accepted, No, None, Err(ErrorCode::Required)),
            (
                Accepted,
                No,
                Some(DeclineReason::MenteeDeclined),
                Ok(IntroductionResult::Declined(DeclineReason::MenteeDeclined)),
            ),
            (
                No,
                No,
                reason,
                Ok(IntroductionResult::Declined(DeclineReason::NoConnection)),
            ),
            (
                No,
                Accepted,
                Some(DeclineReason::CoordinatorWithdrew),
                Err(ErrorCode::InvalidChoice),
            ),
        ];
        for (mentor, mentee, reason, expected) in cases {
            assert_eq!(
                introduction_result(mentor, mentee, reason),
                expected,
                "{mentor} {mentee} {reason:?}"
            );
        }
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn introduction_answers_are_the_ones_the_database_allows() {
        let all = IntroductionAnswer::ALL;
        let (as_str, parse) = (IntroductionAnswer::as_str, IntroductionAnswer::parse);
        let stored = crate::db::migration::values::INTRODUCTION_ANSWERS;
        assert_string_enum(all, as_str, parse, stored);
    }
}
