//! Returning mentors: after a closed duo a mentor rests, then is invited to start another one.
//! The rest is a programme setting, in weeks.

use chrono::{Days, NaiveDate};

use super::error::ErrorCode;
use super::string_enum::string_enum;

/// The rest after a closed duo when no admin changed it: three weeks.
pub const DEFAULT_PAUSE_WEEKS: u32 = 3;
/// The longest rest an admin may set: a year.
pub const MAX_PAUSE_WEEKS: u32 = 52;

string_enum! {
    /// The mentor's answer to the invitation.
    pub enum ReturnAnswer {
        Accepted = "accepted",
        Declined = "declined",
    }
}

/// Reads the rest an admin typed, in whole weeks from 0 to a year.
pub fn parse_pause_weeks(written: &str) -> Result<u32, ErrorCode> {
    let out_of_range = ErrorCode::OutOfRange {
        min: 0,
        max: MAX_PAUSE_WEEKS.into(),
    };
    match written.trim() {
        "" => Err(ErrorCode::Required),
        written => written
            .parse::<u32>()
            .ok()
            .filter(|weeks| *weeks <= MAX_PAUSE_WEEKS)
            .ok_or(out_of_range),
    }
}

/// The day a mentor whose duo closed on `closed_on` is invited to start another one.
pub fn invite_on(closed_on: NaiveDate, pause_weeks: u32) -> NaiveDate {
    closed_on
        .checked_add_days(Days::new(u64::from(pause_weeks) * 7))
        .unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::string_enum::assert_string_enum;

    #[test]
    fn the_invitation_comes_after_the_rest() {
        let closed = NaiveDate::from_ymd_opt(2026, 12, 20).unwrap();
        let three_weeks = NaiveDate::from_ymd_opt(2027, 1, 10).unwrap();
        assert_eq!(invite_on(closed, DEFAULT_PAUSE_WEEKS), three_weeks);
        assert_eq!(invite_on(closed, 0), closed);
    }

    #[test]
    fn the_rest_is_zero_to_fifty_two_weeks() {
        assert_eq!(parse_pause_weeks(" 4 "), Ok(4));
        assert_eq!(parse_pause_weeks("0"), Ok(0));
        assert_eq!(parse_pause_weeks(""), Err(ErrorCode::Required));
        let out = ErrorCode::OutOfRange { min: 0, max: 52 };
        for written in ["53", "-1", "three", "2.5"] {
            assert_eq!(parse_pause_weeks(written), Err(out.clone()), "{written}");
        }
    }

    #[test]
    fn answers_are_the_ones_the_database_allows() {
        use crate::db::migration::values::RETURN_ANSWERS;
        assert_string_enum(
            ReturnAnswer::ALL,
            ReturnAnswer::as_str,
            ReturnAnswer::parse,
            RETURN_ANSWERS,
        );
    }
}
