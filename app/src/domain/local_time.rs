//! Belgian local time (CET, CEST in summer) for appointments typed into a form.
//!
//! The programme runs in Belgium, so a time a coordinator types ("3 December, 9:30") is
//! Brussels time. The European Union's rule applies: summer time runs from 01:00 UTC on the
//! last Sunday of March to 01:00 UTC on the last Sunday of October.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};

const WINTER: Duration = Duration::hours(1);
const SUMMER: Duration = Duration::hours(2);

fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let next_month = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }
    .expect("a valid month");
    let last = next_month.pred_opt().expect("a day before");
    let back = last.weekday().num_days_from_sunday();
    last - Duration::days(i64::from(back))
}

/// The UTC instants summer time starts and ends in `year`.
fn summer_time(year: i32) -> (DateTime<Utc>, DateTime<Utc>) {
    let at_one = |day: NaiveDate| Utc.from_utc_datetime(&day.and_hms_opt(1, 0, 0).expect("01:00"));
    (at_one(last_sunday(year, 3)), at_one(last_sunday(year, 10)))
}

/// The offset from UTC in Brussels at a UTC instant.
pub fn offset_at(instant: DateTime<Utc>) -> Duration {
    let (start, end) = summer_time(instant.year());
    if instant >= start && instant < end {
        SUMMER
    } else {
        WINTER
    }
}

/// Brussels wall-clock time of a UTC instant.
pub fn to_local(instant: DateTime<Utc>) -> NaiveDateTime {
    instant.naive_utc() + offset_at(instant)
}

/// The UTC instant of a Brussels wall-clock time. `None` for the hour skipped when summer
/// time starts; in the hour repeated when it ends, the first (summer) one.
pub fn from_local(local: NaiveDateTime) -> Option<DateTime<Utc>> {
    [SUMMER, WINTER].into_iter().find_map(|offset| {
        let instant = Utc.from_utc_datetime(&(local - offset));
        (offset_at(instant) == offset).then_some(instant)
    })
}

/// Parses `2026-12-03T09:30` (an HTML `datetime-local` value), Brussels time.
pub fn parse_local(s: &str) -> Option<DateTime<Utc>> {
    let local = NaiveDateTime::parse_from_str(s.trim(), "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(s.trim(), "%Y-%m-%dT%H:%M:%S"))
        .ok()?;
    from_local(local)
}

/// The `datetime-local` value of a UTC instant, for a form field.
pub fn format_local(instant: DateTime<Utc>) -> String {
    to_local(instant).format("%Y-%m-%dT%H:%M").to_string()
}

/// Brussels time as people read it on a page or in an e-mail: `03/12/2026 09:30`.
pub fn display(instant: DateTime<Utc>) -> String {
    to_local(instant).format("%d/%m/%Y %H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    fn local(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
    }

    #[test]
    fn summer_time_follows_the_eu_rule() {
        assert_eq!(
            last_sunday(2026, 3),
            NaiveDate::from_ymd_opt(2026, 3, 29).unwrap()
        );
        assert_eq!(
            last_sunday(2026, 10),
            NaiveDate::from_ymd_opt(2026, 10, 25).unwrap()
        );
        assert_eq!(
            last_sunday(2027, 3),
            NaiveDate::from_ymd_opt(2027, 3, 28).unwrap()
        );
        assert_eq!(offset_at(utc(2026, 12, 3, 9, 0)), WINTER);
        assert_eq!(offset_at(utc(2026, 7, 1, 9, 0)), SUMMER);
        assert_eq!(offset_at(utc(2026, 3, 29, 0, 59)), WINTER);
        assert_eq!(offset_at(utc(2026, 3, 29, 1, 0)), SUMMER);
        assert_eq!(offset_at(utc(2026, 10, 25, 0, 59)), SUMMER);
        assert_eq!(offset_at(utc(2026, 10, 25, 1, 0)), WINTER);
    }

    #[test]
    fn wall_clock_times_round_trip() {
        assert_eq!(
            parse_local("2026-12-03T09:30"),
            Some(utc(2026, 12, 3, 8, 30))
        );
        assert_eq!(
            parse_local("2026-07-01T09:30"),
            Some(utc(2026, 7, 1, 7, 30))
        );
        assert_eq!(format_local(utc(2026, 12, 3, 8, 30)), "2026-12-03T09:30");
        assert_eq!(format_local(utc(2026, 7, 1, 7, 30)), "2026-07-01T09:30");
        assert_eq!(parse_local("3 December"), None);
        assert_eq!(parse_local("2026-02-30T10:00"), None);
    }

    #[test]
    fn the_skipped_and_the_repeated_hour() {
        // 02:30 on 29 March 2026 does not exist in Brussels.
        assert_eq!(from_local(local("2026-03-29T02:30")), None);
        assert_eq!(
            from_local(local("2026-03-29T03:30")),
            Some(utc(2026, 3, 29, 1, 30))
        );
        // 02:30 on 25 October 2026 happens twice; the first is summer time.
        assert_eq!(
            from_local(local("2026-10-25T02:30")),
            Some(utc(2026, 10, 25, 0, 30))
        );
        assert_eq!(
            from_local(local("2026-10-25T03:30")),
            Some(utc(2026, 10, 25, 2, 30))
        );
    }
}
