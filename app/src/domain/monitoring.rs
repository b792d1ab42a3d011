//! The alerts on a coordinator's list, computed from a duo's facts and today's date: no
//! meeting for two weeks, the six-month end coming, a check-in due, a follow-up due.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::meeting::{NO_MEETING_ALERT_DAYS, meeting_overdue};
use super::support::expected_contacts;

/// The end of a duo shows up this many days before it.
pub const END_NEAR_DAYS: i64 = 21;

/// Something about a duo that needs the coordinator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Alert {
    /// No meeting logged for `days` days (since the start when there is none yet).
    NoMeeting { days: i64 },
    /// The planned end is `days` days away (0: today).
    EndNear { days: i64 },
    /// Fewer check-ins than the cadence asks: `done` of `expected`.
    CheckInDue { done: u32, expected: u32 },
    /// A follow-up after the end is due since `since`.
    FollowUpDue { since: NaiveDate },
}

/// What the alerts look at, for an active duo or a closed one waiting for follow-ups.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DuoFacts {
    /// Set while the duo is active: its start and planned end.
    pub active: Option<(NaiveDate, NaiveDate)>,
    pub last_meeting: Option<NaiveDate>,
    pub check_ins: u32,
    /// Due dates of follow-ups not yet recorded.
    pub open_follow_ups: Vec<NaiveDate>,
}

/// The duo's alerts on `today`, the most pressing kinds first.
pub fn alerts(facts: &DuoFacts, today: NaiveDate) -> Vec<Alert> {
    let mut found = Vec::new();
    if let Some((start, end)) = facts.active {
        if meeting_overdue(facts.last_meeting, start, today) {
            let since = facts.last_meeting.unwrap_or(start).max(start);
            found.push(Alert::NoMeeting {
                days: (today - since).num_days().max(NO_MEETING_ALERT_DAYS),
            });
        }
        let left = (end - today).num_days();
        if left <= END_NEAR_DAYS {
            found.push(Alert::EndNear { days: left.max(0) });
        }
        let expected = expected_contacts(start, today);
        if facts.check_ins < expected {
            found.push(Alert::CheckInDue {
                done: facts.check_ins,
                expected,
            });
        }
    }
    if let Some(&since) = facts
        .open_follow_ups
        .iter()
        .filter(|due| **due <= today)
        .min()
    {
        found.push(Alert::FollowUpDue { since });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn active(last_meeting: Option<NaiveDate>, check_ins: u32) -> DuoFacts {
        DuoFacts {
            active: Some((day(1, 10), day(7, 10))),
            last_meeting,
            check_ins,
            open_follow_ups: Vec::new(),
        }
    }

    #[test]
    fn a_new_duo_has_nothing_to_say() {
        assert_eq!(alerts(&active(None, 0), day(1, 20)), []);
    }

    #[test]
    fn two_weeks_without_a_meeting() {
        assert_eq!(alerts(&active(None, 0), day(1, 23)), []);
        assert_eq!(
            alerts(&active(None, 0), day(1, 24)),
            [Alert::NoMeeting { days: 14 }]
        );
        let met = active(Some(day(1, 20)), 0);
        assert_eq!(alerts(&met, day(2, 2)), []);
        assert_eq!(alerts(&met, day(2, 5)), [Alert::NoMeeting { days: 16 }]);
    }

    #[test]
    fn check_ins_twice_in_the_first_month_then_monthly() {
        let met = |today| active(Some(today), 0);
        assert_eq!(alerts(&met(day(2, 9)), day(2, 9)), []);
        assert_eq!(
            alerts(&met(day(2, 10)), day(2, 10)),
            [Alert::CheckInDue {
                done: 0,
                expected: 2
            }]
        );
        assert_eq!(alerts(&active(Some(day(2, 10)), 2), day(2, 10)), []);
        assert_eq!(
            alerts(&active(Some(day(3, 10)), 2), day(3, 10)),
            [Alert::CheckInDue {
                done: 2,
                expected: 3
            }]
        );
    }

    #[test]
    fn the_end_three_weeks_ahead() {
        let facts = |today| active(Some(today), 7);
        assert_eq!(alerts(&facts(day(6, 18)), day(6, 18)), []);
        assert_eq!(
            alerts(&facts(day(6, 19)), day(6, 19)),
            [Alert::EndNear { days: 21 }]
        );
        assert_eq!(
            alerts(&facts(day(7, 10)), day(7, 10)),
            [Alert::EndNear { days: 0 }]
        );
        assert_eq!(
            alerts(&facts(day(7, 20)), day(7, 20)),
            [Alert::EndNear { days: 0 }]
        );
    }

    #[test]
    fn the_oldest_follow_up_due() {
        let closed = DuoFacts {
            open_follow_ups: vec![day(10, 10), day(4, 10), day(7, 10)],
            ..DuoFacts::default()
        };
        assert_eq!(alerts(&closed, day(4, 9)), []);
        assert_eq!(
            alerts(&closed, day(7, 11)),
            [Alert::FollowUpDue { since: day(4, 10) }]
        );
    }

    #[test]
    fn several_alerts_in_order() {
        let facts = DuoFacts {
            active: Some((day(1, 10), day(7, 10))),
            last_meeting: Some(day(5, 1)),
            check_ins: 1,
            open_follow_ups: Vec::new(),
        };
        assert_eq!(
            alerts(&facts, day(6, 25)),
            [
                Alert::NoMeeting { days: 55 },
                Alert::EndNear { days: 15 },
                Alert::CheckInDue {
                    done: 1,
                    expected: 6
                },
            ]
        );
    }
}
