//! The demo world in memory before it becomes rows: people with their status
//! history, duos with their dates. Everything is planned relative to `today`
//! and only then written, so every rule can be checked on plain structs.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

use app::domain::availability::DayPart;
use app::domain::duo::DuoStatus;
use app::domain::intake::IntakeRecommendation;
use app::domain::locale::Locale;
use app::domain::reference::LanguageLevel;

use super::rng::Rng;

/// `date` at `hour:minute` UTC.
pub fn at(date: NaiveDate, hour: i64, minute: i64) -> DateTime<Utc> {
    (date.and_time(NaiveTime::MIN) + Duration::minutes(hour * 60 + minute)).and_utc()
}

pub fn days(n: i64) -> Duration {
    Duration::days(n)
}

/// A working-hours moment on `date`, so that history rows read like office work.
pub fn office_time(date: NaiveDate, rng: &mut Rng) -> DateTime<Utc> {
    at(date, rng.range(8, 16), rng.range(0, 11) * 5)
}

/// One status change; `from` is the previous event's status.
#[derive(Clone)]
pub struct Event {
    pub status: &'static str,
    pub reason: Option<&'static str>,
    pub at: DateTime<Utc>,
    pub by: Option<i32>,
}

pub struct Intake {
    pub scheduled_at: DateTime<Utc>,
    pub done_at: Option<DateTime<Utc>>,
    pub recommendation: Option<IntakeRecommendation>,
}

/// What mentors and mentees share.
pub struct Person {
    pub city: usize,
    pub first: String,
    pub last: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub birth_year: i32,
    pub postcode: i32,
    pub locale: Locale,
    /// The coordinator who follows this person (a user id).
    pub coordinator: i32,
    pub history: Vec<Event>,
    pub intake: Option<Intake>,
    pub languages: Vec<(&'static str, LanguageLevel)>,
    /// Sector index and years of experience (0 for a mentee's goal sector).
    pub sectors: Vec<(usize, i32)>,
    /// Weekday (0 = Monday) and day part.
    pub slots: Vec<(i32, DayPart)>,
}

impl Person {
    pub fn status(&self) -> &'static str {
        self.history.last().map_or("", |e| e.status)
    }

    pub fn changed_at(&self) -> Option<DateTime<Utc>> {
        self.history.last().map(|e| e.at)
    }

    pub fn created_at(&self) -> Option<DateTime<Utc>> {
        self.history.first().map(|e| e.at)
    }

    pub fn push(&mut self, status: &'static str, reason: Option<&'static str>, at: DateTime<Utc>) {
        let by = Some(self.coordinator);
        self.history.push(Event {
            status,
            reason,
            at,
            by,
        });
    }

    /// A working-level (or better) language in common with `other`.
    pub fn shares_working_language(&self, other: &Person) -> bool {
        self.languages.iter().any(|(code, level)| {
            level.is_working_level()
                && other
                    .languages
                    .iter()
                    .any(|(c, l)| c == code && l.is_working_level())
        })
    }

    pub fn speaks(&self, code: &str) -> bool {
        self.languages
            .iter()
            .any(|(c, l)| *c == code && l.is_working_level())
    }
}

pub struct MentorPlan {
    pub person: Person,
    /// Index of the training session (in `World::training[city]`) and attendance.
    pub training: Option<(usize, Option<bool>)>,
    pub duos: Vec<usize>,
    pub motivation: usize,
    pub heard_from: usize,
    /// When the mentor became available for the first time: the sign-in account dates from then.
    pub available_at: Option<DateTime<Utc>>,
    pub news_consent: bool,
}

pub struct MenteePlan {
    pub person: Person,
    pub waiting_since: Option<NaiveDate>,
    pub education: &'static str,
    pub goal: String,
    pub referred_by: &'static str,
    pub migrant_background: bool,
    pub duos: Vec<usize>,
}

pub struct DuoPlan {
    pub city: usize,
    pub mentor: usize,
    /// Set when mentees are assigned, after every mentor's history is known.
    pub mentee: usize,
    pub status: DuoStatus,
    pub reason: Option<&'static str>,
    pub coordinator: i32,
    pub match_score: i32,
    pub proposed_at: DateTime<Utc>,
    pub introduced_at: Option<DateTime<Utc>>,
    pub started_on: Option<NaiveDate>,
    pub closing_at: Option<DateTime<Utc>>,
    /// When it was declined, stopped or closed.
    pub ended_at: Option<DateTime<Utc>>,
    /// An active duo that has not logged a meeting for two weeks or more.
    pub quiet: bool,
}

impl DuoPlan {
    pub fn ended_on(&self) -> Option<NaiveDate> {
        match self.status {
            DuoStatus::Closed | DuoStatus::StoppedEarly => self.ended_at.map(|t| t.date_naive()),
            _ => None,
        }
    }

    /// The last day meetings could take place: the end, or today for a running duo.
    pub fn last_day(&self, today: NaiveDate) -> NaiveDate {
        self.ended_on().unwrap_or(today)
    }
}

pub struct World {
    pub today: NaiveDate,
    pub mentors: Vec<MentorPlan>,
    pub mentees: Vec<MenteePlan>,
    pub duos: Vec<DuoPlan>,
    /// Training session dates per city, oldest first.
    pub training: Vec<Vec<NaiveDate>>,
    /// Coordinator user ids per city.
    pub coordinators: Vec<Vec<i32>>,
    /// Which copy of the programme this is (`seed --scale`); 0 holds the showcase mentor.
    pub copy: usize,
}
