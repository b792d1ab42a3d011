//! A logged meeting of a duo: its date, duration and topics, and how long it stays editable.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::error::ErrorCode;
use super::string_enum::string_enum;

/// Mentors may correct a meeting log for a week after logging it; later it is history.
pub const EDIT_WINDOW_DAYS: i64 = 7;
/// With no meeting for this long, the duo shows up on the coordinator's alert list.
pub const NO_MEETING_ALERT_DAYS: i64 = 14;

string_enum! {
    /// What a meeting worked on; a meeting may cover several.
    pub enum MeetingTopic {
        Cv = "cv",
        CoverLetter = "cover_letter",
        InterviewPractice = "interview_practice",
        JobApplications = "job_applications",
        Network = "network",
        SectorCodes = "sector_codes",
        Language = "language",
        AdminSocialHelp = "admin_social_help",
        Other = "other",
    }
}

/// How long a meeting lasted, 15 minutes to 8 hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "u32")]
pub struct MeetingDuration(u32);

impl MeetingDuration {
    pub const MIN_MINUTES: u32 = 15;
    pub const MAX_MINUTES: u32 = 480;
    /// Duos meet once a week for two hours, so the form starts there.
    pub const DEFAULT: MeetingDuration = MeetingDuration(120);

    pub fn parse(minutes: i64) -> Result<MeetingDuration, ErrorCode> {
        let range = i64::from(Self::MIN_MINUTES)..=i64::from(Self::MAX_MINUTES);
        if !range.contains(&minutes) {
            return Err(ErrorCode::OutOfRange {
                min: *range.start(),
                max: *range.end(),
            });
        }
        u32::try_from(minutes)
            .map(MeetingDuration)
            .map_err(|_| ErrorCode::InvalidChoice)
    }

    pub fn minutes(self) -> u32 {
        self.0
    }
}

impl Default for MeetingDuration {
    fn default() -> Self {
        Self::DEFAULT
    }
}

impl TryFrom<i64> for MeetingDuration {
    type Error = ErrorCode;

    fn try_from(minutes: i64) -> Result<Self, Self::Error> {
        MeetingDuration::parse(minutes)
    }
}

impl From<MeetingDuration> for u32 {
    fn from(duration: MeetingDuration) -> u32 {
        duration.0
    }
}

/// The day a meeting took place: not in the future, not before the duo started.
///
/// No `Deserialize`: validity depends on the duo and today, so the server parses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct MeetingDate(NaiveDate);

impl MeetingDate {
    pub fn parse(
        date: NaiveDate,
        duo_start: NaiveDate,
        today: NaiveDate,
    ) -> Result<MeetingDate, ErrorCode> {
        if date > today {
            return Err(ErrorCode::DateInFuture);
        }
        if date < duo_start {
            return Err(ErrorCode::DateBeforeStart { start: duo_start });
        }
        Ok(MeetingDate(date))
    }

    pub fn date(self) -> NaiveDate {
        self.0
    }
}

/// Whether a meeting logged on `logged_on` may still be changed by its mentor.
pub fn can_edit(logged_on: NaiveDate, today: NaiveDate) -> bool {
    (today - logged_on).num_days() <= EDIT_WINDOW_DAYS
}

/// Whether a duo is overdue for a meeting: the last one (or the start, if none yet) lies
/// `NO_MEETING_ALERT_DAYS` or more in the past.
pub fn meeting_overdue(
    last_meeting: Option<NaiveDate>,
    duo_start: NaiveDate,
    today: NaiveDate,
) -> bool {
    let since = last_meeting.unwrap_or(duo_start).max(duo_start);
    (today - since).num_days() >= NO_MEETING_ALERT_DAYS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::string_enum::assert_string_enum;
    use proptest::prelude::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, d).unwrap()
    }

    #[test]
    fn topic_strings() {
        let expected = [
            "cv",
            "cover_letter",
            "interview_practice",
            "job_applications",
            "network",
            "sector_codes",
            "language",
            "admin_social_help",
            "other",
        ];
        let all = MeetingTopic::ALL;
        assert_string_enum(all, MeetingTopic::as_str, MeetingTopic::parse, &expected);
    }

    #[test]
    fn duration_boundaries() {
        let out = Err(ErrorCode::OutOfRange { min: 15, max: 480 });
        let cases = [
            (14, out.clone()),
            (15, Ok(15)),
            (480, Ok(480)),
            (481, out.clone()),
            (-1, out),
        ];
        for (minutes, expected) in cases {
            assert_eq!(
                MeetingDuration::parse(minutes).map(MeetingDuration::minutes),
                expected
            );
        }
        assert_eq!(MeetingDuration::default().minutes(), 120);
        assert_eq!(
            serde_json::to_string(&MeetingDuration::DEFAULT).unwrap(),
            "120"
        );
        assert!(serde_json::from_str::<MeetingDuration>("600").is_err());
    }

    #[test]
    fn meeting_date_lies_between_start_and_today() {
        let (start, today) = (day(3, 10), day(4, 1));
        let cases = [
            (day(3, 9), Err(ErrorCode::DateBeforeStart { start })),
            (start, Ok(start)),
            (today, Ok(today)),
            (day(4, 2), Err(ErrorCode::DateInFuture)),
        ];
        for (date, expected) in cases {
            assert_eq!(
                MeetingDate::parse(date, start, today).map(MeetingDate::date),
                expected
            );
        }
    }

    #[test]
    fn edit_window_is_seven_days() {
        let logged = day(5, 1);
        assert!(can_edit(logged, logged));
        assert!(can_edit(logged, day(5, 8)));
        assert!(!can_edit(logged, day(5, 9)));
    }

    #[test]
    fn overdue_after_fourteen_days_without_a_meeting() {
        let start = day(3, 1);
        assert!(!meeting_overdue(None, start, day(3, 14)));
        assert!(meeting_overdue(None, start, day(3, 15)));
        assert!(!meeting_overdue(Some(day(3, 10)), start, day(3, 23)));
        assert!(meeting_overdue(Some(day(3, 10)), start, day(3, 24)));
    }

    proptest! {
        #[test]
        fn duration_accepts_exactly_its_range(minutes in any::<i64>()) {
            let accepted = MeetingDuration::parse(minutes).is_ok();
            prop_assert_eq!(accepted, (15..=480).contains(&minutes));
        }
    }
}
