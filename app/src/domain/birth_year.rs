//! Birth years that prove eligibility: mentors are 50 or over, mentees 18 to 33.
//!
//! Age is `today.year() - year`, the age reached during the current calendar year, because
//! only the year of birth is collected.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::error::ErrorCode;

pub const MENTOR_MIN_AGE: u32 = 50;
pub const MENTEE_MIN_AGE: u32 = 18;
pub const MENTEE_MAX_AGE: u32 = 33;
const EARLIEST_YEAR: i32 = 1900;

/// The birth year of someone old enough to mentor, checked on the day they applied.
///
/// Serialises as the plain year. There is deliberately no `Deserialize`: the check depends on
/// `today`, so a form sends an `i32` and the server parses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct MentorBirthYear(i32);

impl MentorBirthYear {
    pub fn parse(year: i32, today: NaiveDate) -> Result<Self, ErrorCode> {
        if age_in(year, today)? < MENTOR_MIN_AGE {
            return Err(ErrorCode::MentorTooYoung {
                min_age: MENTOR_MIN_AGE,
            });
        }
        Ok(Self(year))
    }

    pub fn year(self) -> i32 {
        self.0
    }
}

/// The birth year of someone in the programme's age range, checked at registration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct MenteeBirthYear(i32);

impl MenteeBirthYear {
    pub fn parse(year: i32, today: NaiveDate) -> Result<Self, ErrorCode> {
        if !(MENTEE_MIN_AGE..=MENTEE_MAX_AGE).contains(&age_in(year, today)?) {
            return Err(ErrorCode::MenteeAgeOutOfRange {
                min: MENTEE_MIN_AGE,
                max: MENTEE_MAX_AGE,
            });
        }
        Ok(Self(year))
    }

    pub fn year(self) -> i32 {
        self.0
    }
}

fn age_in(year: i32, today: NaiveDate) -> Result<u32, ErrorCode> {
    if year < EARLIEST_YEAR || year > today.year() {
        return Err(ErrorCode::InvalidYear);
    }
    u32::try_from(today.year() - year).map_err(|_| ErrorCode::InvalidYear)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn mentor_age_boundary() {
        let today = day(2025, 1, 1);
        let too_young = Err(ErrorCode::MentorTooYoung { min_age: 50 });
        assert_eq!(MentorBirthYear::parse(1976, today), too_young);
        assert_eq!(
            MentorBirthYear::parse(1975, today).map(MentorBirthYear::year),
            Ok(1975)
        );
        assert!(MentorBirthYear::parse(1900, today).is_ok());
        assert_eq!(
            MentorBirthYear::parse(1899, today),
            Err(ErrorCode::InvalidYear)
        );
        assert_eq!(
            MentorBirthYear::parse(2026, today),
            Err(ErrorCode::InvalidYear)
        );
    }

    #[test]
    fn mentee_age_boundaries() {
        let today = day(2025, 12, 31);
        let out = Err(ErrorCode::MenteeAgeOutOfRange { min: 18, max: 33 });
        let cases = [
            (2008, out.clone()),
            (2007, Ok(2007)),
            (1992, Ok(1992)),
            (1991, out),
        ];
        for (year, expected) in cases {
            let parsed = MenteeBirthYear::parse(year, today).map(MenteeBirthYear::year);
            assert_eq!(parsed, expected, "{year}");
        }
        assert_eq!(
            MenteeBirthYear::parse(2026, today),
            Err(ErrorCode::InvalidYear)
        );
        assert_eq!(
            MenteeBirthYear::parse(i32::MIN, today),
            Err(ErrorCode::InvalidYear)
        );
    }

    #[test]
    fn serialises_as_the_year() {
        let year = MentorBirthYear::parse(1960, day(2025, 6, 1)).unwrap();
        assert_eq!(serde_json::to_string(&year).unwrap(), "1960");
    }

    proptest! {
        #[test]
        fn never_panics(year in any::<i32>(), days in 0i32..100_000) {
            let today = day(1900, 1, 1) + chrono::Days::new(days as u64);
            if let Ok(mentor) = MentorBirthYear::parse(year, today) {
                prop_assert!(today.year() - mentor.year() >= 50);
            }
            if let Ok(mentee) = MenteeBirthYear::parse(year, today) {
                prop_assert!((18..=33).contains(&(today.year() - mentee.year())));
            }
        }
    }
}
