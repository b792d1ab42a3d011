//! The mentee life cycle: registration, intake, the waiting pool, a duo and the follow-up,
//! with the reasons a mentee withdraws.

use chrono::NaiveDate;

use super::error::{Lifecycle, TransitionError};
use super::string_enum::string_enum;

string_enum! {
    /// Ordered along the usual path; `withdrawn` comes last.
    #[derive(PartialOrd, Ord)]
    pub enum MenteeStatus {
        Registered = "registered",
        IntakeDone = "intake_done",
        Waiting = "waiting",
        InDuo = "in_duo",
        FollowedUp = "followed_up",
        Withdrawn = "withdrawn",
    }
}

impl MenteeStatus {
    /// Whether the life cycle allows going from `self` to `next`. Staying put is not a change.
    ///
    /// A declined or early-stopped duo sends the mentee back to `waiting`, keeping their place;
    /// a closed duo moves them to `followed_up`.
    pub fn can_become(self, next: MenteeStatus) -> bool {
        use MenteeStatus::*;
        match (self, next) {
            (Withdrawn, _) => false,
            (_, Withdrawn) => true,
            (Registered, IntakeDone)
            | (IntakeDone, Waiting)
            | (Waiting, InDuo)
            | (InDuo, Waiting | FollowedUp) => true,
            _ => false,
        }
    }

    pub fn transition(self, next: MenteeStatus) -> Result<MenteeStatus, TransitionError> {
        if self.can_become(next) {
            Ok(next)
        } else {
            Err(TransitionError::new(
                Lifecycle::Mentee,
                self.as_str(),
                next.as_str(),
            ))
        }
    }

    /// Entering this status requires a `MenteeWithdrawReason`.
    pub fn needs_reason(self) -> bool {
        self == MenteeStatus::Withdrawn
    }

    /// Only a mentee in the waiting pool can be matched.
    pub fn is_matchable(self) -> bool {
        self == MenteeStatus::Waiting
    }
}

/// Days spent in the waiting pool, the fairness bonus in matching. Never negative, so a
/// `waiting_since` recorded by a clock slightly ahead does not produce a penalty.
pub fn waiting_days(waiting_since: NaiveDate, today: NaiveDate) -> i64 {
    (today - waiting_since).num_days().max(0)
}

string_enum! {
    /// Why a mentee left the programme.
    pub enum MenteeWithdrawReason {
        FoundWork = "found_work",
        Unreachable = "unreachable",
        Moved = "moved",
        NotInterested = "not_interested",
        NotEligible = "not_eligible",
        PersonalReasons = "personal_reasons",
        Other = "other",
    }
}

#[cfg(test)]
mod tests {
    use super::MenteeStatus::*;
    use super::*;
    use crate::domain::string_enum::assert_string_enum;

    /// The whole allowed table, written out rather than derived from the rules.
    const ALLOWED: &[(MenteeStatus, MenteeStatus)] = &[
        (Registered, IntakeDone),
        (Registered, Withdrawn),
        (IntakeDone, Waiting),
        (IntakeDone, Withdrawn),
        (Waiting, InDuo),
        (Waiting, Withdrawn),
        (InDuo, Waiting),
        (InDuo, FollowedUp),
        (InDuo, Withdrawn),
        (FollowedUp, Withdrawn),
    ];

    #[test]
    fn every_pair_follows_the_table() {
        for &from in MenteeStatus::ALL {
            for &to in MenteeStatus::ALL {
                let allowed = ALLOWED.contains(&(from, to));
                assert_eq!(from.can_become(to), allowed, "{from} -> {to}");
                let expected = if allowed {
                    Ok(to)
                } else {
                    Err(TransitionError::new(
                        Lifecycle::Mentee,
                        from.as_str(),
                        to.as_str(),
                    ))
                };
                assert_eq!(from.transition(to), expected);
            }
        }
    }

    #[test]
    fn reasons_and_matchability() {
        let needs: Vec<_> = MenteeStatus::ALL
            .iter()
            .filter(|s| s.needs_reason())
            .collect();
        assert_eq!(needs, [&Withdrawn]);
        let matchable: Vec<_> = MenteeStatus::ALL
            .iter()
            .filter(|s| s.is_matchable())
            .collect();
        assert_eq!(matchable, [&Waiting]);
    }

    #[test]
    fn waiting_days_counts_calendar_days() {
        let day = |m, d| NaiveDate::from_ymd_opt(2024, m, d).unwrap();
        assert_eq!(waiting_days(day(2, 1), day(3, 1)), 29);
        assert_eq!(waiting_days(day(3, 1), day(3, 1)), 0);
        assert_eq!(waiting_days(day(3, 2), day(3, 1)), 0);
    }

    #[test]
    fn strings() {
        let expected = [
            "registered",
            "intake_done",
            "waiting",
            "in_duo",
            "followed_up",
            "withdrawn",
        ];
        let all = MenteeStatus::ALL;
        assert_string_enum(all, MenteeStatus::as_str, MenteeStatus::parse, &expected);
        let expected = [
            "found_work",
            "unreachable",
            "moved",
            "not_interested",
            "not_eligible",
            "personal_reasons",
            "other",
        ];
        let all = MenteeWithdrawReason::ALL;
        let (as_str, parse) = (MenteeWithdrawReason::as_str, MenteeWithdrawReason::parse);
        assert_string_enum(all, as_str, parse, &expected);
    }
}
