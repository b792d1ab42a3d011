//! Support around a duo: coordinator check-ins and the mentors' peer-exchange sessions.

use chrono::{Datelike, Months, NaiveDate};

use super::string_enum::string_enum;

/// Peer-exchange sessions for mentors take place every two months.
pub const PEER_SESSION_INTERVAL_MONTHS: u32 = 2;
/// Each mentor is expected to attend this many peer sessions during one duo.
pub const EXPECTED_PEER_SESSIONS_PER_DUO: u32 = 2;

string_enum! {
    /// How a coordinator got in touch with a duo.
    pub enum ContactKind {
        Phone = "phone",
        InPerson = "in_person",
        Email = "email",
        Video = "video",
    }
}

string_enum! {
    /// Who a coordinator's check-in was with.
    pub enum ContactPerson {
        Mentor = "mentor",
        Mentee = "mentee",
        Both = "both",
    }
}

/// Check-ins a coordinator should have had with a duo by `today`: two in the first month,
/// then one per month, counted per completed month since `active_since`.
pub fn expected_contacts(active_since: NaiveDate, today: NaiveDate) -> u32 {
    match completed_months(active_since, today) {
        0 => 0,
        months => months + 1,
    }
}

/// Months are calendar months, clamped like `duo::planned_end`: 31 January + 1 = 28 February.
fn completed_months(start: NaiveDate, today: NaiveDate) -> u32 {
    let estimate = (today.year() - start.year()) * 12 + today.month() as i32 - start.month() as i32;
    let Ok(estimate) = u32::try_from(estimate) else {
        return 0;
    };
    let reached = start
        .checked_add_months(Months::new(estimate))
        .is_some_and(|date| date <= today);
    if reached {
        estimate
    } else {
        estimate.saturating_sub(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::string_enum::assert_string_enum;

    #[test]
    fn contact_kind_strings() {
        let expected = ["phone", "in_person", "email", "video"];
        assert_string_enum(
            ContactKind::ALL,
            ContactKind::as_str,
            ContactKind::parse,
            &expected,
        );
    }

    #[test]
    fn contact_person_strings() {
        let (all, as_str, parse) = (
            ContactPerson::ALL,
            ContactPerson::as_str,
            ContactPerson::parse,
        );
        assert_string_enum(all, as_str, parse, &["mentor", "mentee", "both"]);
    }

    #[test]
    fn two_contacts_in_the_first_month_then_monthly() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let start = day(2025, 1, 15);
        let cases = [
            (day(2025, 1, 1), 0),
            (start, 0),
            (day(2025, 2, 14), 0),
            (day(2025, 2, 15), 2),
            (day(2025, 3, 15), 3),
            (day(2025, 7, 14), 6),
            (day(2025, 7, 15), 7),
            (day(2026, 1, 15), 13),
        ];
        for (today, expected) in cases {
            assert_eq!(expected_contacts(start, today), expected, "{today}");
        }
        let start = day(2025, 1, 31);
        let cases = [
            (day(2025, 2, 27), 0),
            (day(2025, 2, 28), 2),
            (day(2025, 3, 30), 2),
        ];
        for (today, expected) in cases {
            assert_eq!(expected_contacts(start, today), expected, "{today}");
        }
    }
}
