//! How long the platform keeps a person's data once they stopped taking part: a number of months
//! after their last activity or follow-up, set by an admin. The retention job anonymises whoever
//! has passed it, and deletes public sign-ups whose address was never confirmed.

use chrono::{Days, Months, NaiveDate};

use super::error::ErrorCode;

/// Months after the last activity, unless an admin set another number.
pub const DEFAULT_RETENTION_MONTHS: u32 = 24;
/// The longest period an admin may set: ten years. The database checks the same range.
pub const MAX_RETENTION_MONTHS: u32 = 120;

/// Days a public sign-up whose address was never confirmed is kept.
pub const UNCONFIRMED_SIGN_UP_DAYS: u64 = 30;

/// The day an unconfirmed sign-up made on `applied_on` is deleted.
pub fn sign_up_removed_on(applied_on: NaiveDate) -> NaiveDate {
    applied_on
        .checked_add_days(Days::new(UNCONFIRMED_SIGN_UP_DAYS))
        .unwrap_or(NaiveDate::MAX)
}

/// Reads the period an admin typed, in whole months from 1 to ten years.
pub fn parse_retention_months(written: &str) -> Result<u32, ErrorCode> {
    let out_of_range = ErrorCode::OutOfRange {
        min: 1,
        max: MAX_RETENTION_MONTHS.into(),
    };
    match written.trim() {
        "" => Err(ErrorCode::Required),
        written => written
            .parse::<u32>()
            .ok()
            .filter(|months| (1..=MAX_RETENTION_MONTHS).contains(months))
            .ok_or(out_of_range),
    }
}

/// The day a person last active on `last_activity` is anonymised: the same day `months` later,
/// or the month's last day when it has no such day.
pub fn due_on(last_activity: NaiveDate, months: u32) -> NaiveDate {
    last_activity
        .checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a day")
    }

    #[test]
    fn months_in_range_are_read() {
        assert_eq!(parse_retention_months(" 24 "), Ok(24));
        assert_eq!(parse_retention_months("1"), Ok(1));
        assert_eq!(parse_retention_months("120"), Ok(120));
        assert_eq!(parse_retention_months(""), Err(ErrorCode::Required));
        for refused in ["0", "121", "-3", "two", "2.5"] {
            assert_eq!(
                parse_retention_months(refused),
                Err(ErrorCode::OutOfRange { min: 1, max: 120 }),
                "{refused}"
            );
        }
    }

    #[test]
    fn due_months_later_on_the_same_day_or_the_month_end() {
        assert_eq!(due_on(day(2027, 3, 10), 24), day(2029, 3, 10));
        assert_eq!(due_on(day(2026, 8, 31), 6), day(2027, 2, 28));
        assert_eq!(due_on(day(2027, 2, 28), 12), day(2028, 2, 28));
    }

    #[test]
    fn an_unconfirmed_sign_up_goes_thirty_days_later() {
        assert_eq!(sign_up_removed_on(day(2026, 12, 4)), day(2027, 1, 3));
    }
}
