//! The mentor life cycle: from application through screening and training to duos, with the
//! reasons a mentor leaves.

use super::error::{Lifecycle, TransitionError};
use super::string_enum::string_enum;

string_enum! {
    /// Ordered along the usual path; `paused` and `left` come last.
    #[derive(PartialOrd, Ord)]
    pub enum MentorStatus {
        Applied = "applied",
        IntakeScheduled = "intake_scheduled",
        IntakeDone = "intake_done",
        InTraining = "in_training",
        Available = "available",
        InDuo = "in_duo",
        Paused = "paused",
        Left = "left",
    }
}

impl MentorStatus {
    /// Whether the life cycle allows going from `self` to `next`. Staying put is not a change.
    ///
    /// A paused mentor returns to `available`, or to `applied` when the screening must be
    /// redone; which one is the service's call. `left` is final: a returning person re-applies.
    pub fn can_become(self, next: MentorStatus) -> bool {
        use MentorStatus::*;
        match (self, next) {
            (Left, _) => false,
            (Paused, Paused) => false,
            (_, Paused | Left) => true,
            (Applied, IntakeScheduled)
            | (IntakeScheduled, IntakeDone)
            | (IntakeDone, InTraining)
            | (InTraining, Available)
            | (Available, InDuo)
            | (InDuo, Available)
            | (Paused, Available | Applied) => true,
            _ => false,
        }
    }

    pub fn transition(self, next: MentorStatus) -> Result<MentorStatus, TransitionError> {
        if self.can_become(next) {
            Ok(next)
        } else {
            Err(TransitionError::new(
                Lifecycle::Mentor,
                self.as_str(),
                next.as_str(),
            ))
        }
    }

    /// Entering this status requires a `MentorExitReason`.
    pub fn needs_reason(self) -> bool {
        matches!(self, MentorStatus::Paused | MentorStatus::Left)
    }

    /// Only a screened, trained mentor without a duo can be matched.
    pub fn is_matchable(self) -> bool {
        self == MentorStatus::Available
    }
}

string_enum! {
    /// Why a mentor paused or left the programme.
    pub enum MentorExitReason {
        Health = "health",
        Moved = "moved",
        NoTime = "no_time",
        FoundWork = "found_work",
        NotSuitable = "not_suitable",
        PersonalReasons = "personal_reasons",
        Other = "other",
    }
}

#[cfg(test)]
mod tests {
    use super::MentorStatus::*;
    use super::*;
    use crate::domain::string_enum::assert_string_enum;

    /// The whole allowed table, written out rather than derived from the rules.
    const ALLOWED: &[(MentorStatus, MentorStatus)] = &[
        (Applied, IntakeScheduled),
        (Applied, Paused),
        (Applied, Left),
        (IntakeScheduled, IntakeDone),
        (IntakeScheduled, Paused),
        (IntakeScheduled, Left),
        (IntakeDone, InTraining),
        (IntakeDone, Paused),
        (IntakeDone, Left),
        (InTraining, Available),
        (InTraining, Paused),
        (InTraining, Left),
        (Available, InDuo),
        (Available, Paused),
        (Available, Left),
        (InDuo, Available),
        (InDuo, Paused),
        (InDuo, Left),
        (Paused, Available),
        (Paused, Applied),
        (Paused, Left),
    ];

    #[test]
    fn every_pair_follows_the_table() {
        for &from in MentorStatus::ALL {
            for &to in MentorStatus::ALL {
                let allowed = ALLOWED.contains(&(from, to));
                assert_eq!(from.can_become(to), allowed, "{from} -> {to}");
                let expected = if allowed {
                    Ok(to)
                } else {
                    Err(TransitionError::new(
                        Lifecycle::Mentor,
                        from.as_str(),
                        to.as_str(),
                    ))
                };
                assert_eq!(from.transition(to), expected);
            }
        }
    }

    #[test]
    fn left_is_terminal() {
        assert!(MentorStatus::ALL.iter().all(|&to| !Left.can_become(to)));
    }

    #[test]
    fn reasons_and_matchability() {
        let needs: Vec<_> = MentorStatus::ALL
            .iter()
            .filter(|s| s.needs_reason())
            .collect();
        assert_eq!(needs, [&Paused, &Left]);
        let matchable: Vec<_> = MentorStatus::ALL
            .iter()
            .filter(|s| s.is_matchable())
            .collect();
        assert_eq!(matchable, [&Available]);
    }

    #[test]
    fn strings() {
        let expected = [
            "applied",
            "intake_scheduled",
            "intake_done",
            "in_training",
            "available",
            "in_duo",
            "paused",
            "left",
        ];
        let all = MentorStatus::ALL;
        assert_string_enum(all, MentorStatus::as_str, MentorStatus::parse, &expected);
        let expected = [
            "health",
            "moved",
            "no_time",
            "found_work",
            "not_suitable",
            "personal_reasons",
            "other",
        ];
        let all = MentorExitReason::ALL;
        assert_string_enum(
            all,
            MentorExitReason::as_str,
            MentorExitReason::parse,
            &expected,
        );
    }
}
