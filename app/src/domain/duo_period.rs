//! The time frame of a duo: at most six months from the start of active mentoring.

use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::error::ErrorCode;

pub const MAX_DURATION_MONTHS: u32 = 6;

/// The latest allowed end: the start plus six calendar months, clamped to the end of a shorter
/// month (31 August ends on 28 or 29 February).
pub fn planned_end(start: NaiveDate) -> NaiveDate {
    start
        .checked_add_months(Months::new(MAX_DURATION_MONTHS))
        .unwrap_or(NaiveDate::MAX)
}

/// The planned end date of an active duo: after its start, at most six months later.
///
/// Serialises as the date. No `Deserialize`: the bound depends on the start, so the server
/// parses the chosen date against the duo it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct PlannedEnd(NaiveDate);

impl PlannedEnd {
    pub fn parse(start: NaiveDate, end: NaiveDate) -> Result<PlannedEnd, ErrorCode> {
        if end <= start {
            return Err(ErrorCode::EndNotAfterStart);
        }
        let latest = planned_end(start);
        if end > latest {
            return Err(ErrorCode::PlannedEndTooLate { latest });
        }
        Ok(PlannedEnd(end))
    }

    /// The default when the coordinator does not pick an earlier end.
    pub fn longest(start: NaiveDate) -> PlannedEnd {
        PlannedEnd(planned_end(start))
    }

    pub fn date(self) -> NaiveDate {
        self.0
    }
}

impl From<PlannedEnd> for NaiveDate {
    fn from(end: PlannedEnd) -> NaiveDate {
        end.0
    }
}

/// Whole weeks since the start, for "week 7 of 26"; zero before the start.
pub fn weeks_between(start: NaiveDate, today: NaiveDate) -> u32 {
    let days = (today - start).num_days().max(0);
    u32::try_from(days / 7).unwrap_or(u32::MAX)
}

/// The weeks a duo is planned to last, to the nearest week: six months make 26.
pub fn planned_weeks(start: NaiveDate, end: NaiveDate) -> u32 {
    let days = (end - start).num_days().max(0);
    u32::try_from((days * 2 + 7) / 14).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn planned_end_adds_six_calendar_months() {
        let cases = [
            (day(2025, 1, 15), day(2025, 7, 15)),
            (day(2025, 8, 31), day(2026, 2, 28)),
            (day(2023, 8, 31), day(2024, 2, 29)),
            (day(2025, 12, 31), day(2026, 6, 30)),
            (day(2024, 2, 29), day(2024, 8, 29)),
        ];
        for (start, end) in cases {
            assert_eq!(planned_end(start), end, "{start}");
        }
        assert_eq!(planned_end(NaiveDate::MAX), NaiveDate::MAX);
    }

    #[test]
    fn end_must_be_after_start_and_within_six_months() {
        let start = day(2023, 8, 31);
        let latest = day(2024, 2, 29);
        let late = Err(ErrorCode::PlannedEndTooLate { latest });
        let cases = [
            (start, Err(ErrorCode::EndNotAfterStart)),
            (day(2023, 8, 30), Err(ErrorCode::EndNotAfterStart)),
            (day(2023, 9, 1), Ok(day(2023, 9, 1))),
            (latest, Ok(latest)),
            (day(2024, 3, 1), late),
        ];
        for (end, expected) in cases {
            assert_eq!(
                PlannedEnd::parse(start, end).map(PlannedEnd::date),
                expected,
                "{end}"
            );
        }
        let start = day(2025, 8, 31);
        assert!(PlannedEnd::parse(start, day(2026, 2, 28)).is_ok());
        assert!(PlannedEnd::parse(start, day(2026, 3, 1)).is_err());
    }

    #[test]
    fn weeks_are_whole_and_never_negative() {
        let start = day(2025, 3, 3);
        let cases = [
            (day(2025, 3, 1), 0),
            (start, 0),
            (day(2025, 3, 9), 0),
            (day(2025, 3, 10), 1),
        ];
        for (today, weeks) in cases {
            assert_eq!(weeks_between(start, today), weeks, "{today}");
        }
    }

    #[test]
    fn six_months_are_twenty_six_planned_weeks() {
        for start in [
            day(2025, 1, 15),
            day(2025, 8, 31),
            day(2024, 2, 29),
            day(2026, 11, 26),
        ] {
            assert_eq!(planned_weeks(start, planned_end(start)), 26, "{start}");
        }
        assert_eq!(planned_weeks(day(2025, 3, 3), day(2025, 3, 13)), 1);
        assert_eq!(planned_weeks(day(2025, 3, 3), day(2025, 3, 1)), 0);
    }

    proptest! {
        #[test]
        fn longest_end_is_accepted_and_one_day_more_is_not(offset in 0u64..40_000) {
            let start = day(1990, 1, 1) + chrono::Days::new(offset);
            let longest = PlannedEnd::longest(start);
            prop_assert_eq!(PlannedEnd::parse(start, longest.date()), Ok(longest));
            let after = longest.date() + chrono::Days::new(1);
            prop_assert!(PlannedEnd::parse(start, after).is_err());
            prop_assert!(longest.date() - start <= chrono::TimeDelta::days(184));
        }
    }
}
