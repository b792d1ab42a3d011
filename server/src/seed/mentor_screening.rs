//! A mentor's way in: application, intake interview, the initial training
//! (every two months per city) and first availability; or leaving before any
//! duo, judged not suitable or dropping out of training.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};

use app::domain::intake::IntakeRecommendation;
use app::domain::mentor::{MentorExitReason as Exit, MentorStatus as S};

use super::rng::Rng;
use super::world::{Event, Intake, Person, days, office_time};

/// The training a mentor registered for (and whether they came), and when
/// they first became available.
pub struct Screened {
    pub training: Option<(usize, Option<bool>)>,
    pub available_at: Option<DateTime<Utc>>,
}

const NOT_YET: Screened = Screened {
    training: None,
    available_at: None,
};

/// Initial trainings every two months per city, on a Tuesday, the most
/// recent ones still ahead so that mentors in training have one to attend.
pub fn training_dates(city: usize, today: NaiveDate) -> Vec<NaiveDate> {
    let base = today + days(81 - 11 * city as i64);
    let mut dates: Vec<NaiveDate> = (0..=22)
        .map(|k| {
            let mut d = base - days(61 * k);
            while d.weekday() != Weekday::Tue {
                d -= days(1);
            }
            d
        })
        .collect();
    dates.sort();
    dates
}

/// Mentors apply on the public form: nobody on the staff made that change.
fn applied(person: &mut Person, at: DateTime<Utc>) {
    let status = S::Applied.as_str();
    person.history.push(Event {
        status,
        reason: None,
        at,
        by: None,
    });
}

/// Applied, intake scheduled and done, the interview on `interview`.
fn screening(
    person: &mut Person,
    interview: NaiveDate,
    verdict: IntakeRecommendation,
    rng: &mut Rng,
) {
    let scheduled = interview - days(rng.range(4, 14));
    let applied_on = scheduled - days(rng.range(1, 8));
    applied(person, office_time(applied_on, rng));
    person.push(
        S::IntakeScheduled.as_str(),
        None,
        office_time(scheduled, rng),
    );
    let interview_at = office_time(interview, rng);
    let done_at = interview_at + Duration::minutes(75);
    person.push(S::IntakeDone.as_str(), None, done_at);
    person.intake = Some(Intake {
        scheduled_at: interview_at,
        done_at: Some(done_at),
        recommendation: Some(verdict),
    });
}

/// Screened and trained at session `idx`, available a few days later.
pub fn trained(person: &mut Person, sessions: &[NaiveDate], idx: usize, rng: &mut Rng) -> Screened {
    let session = sessions[idx];
    let in_training = session - days(rng.range(7, 25));
    let interview = in_training - days(rng.range(1, 4));
    screening(person, interview, IntakeRecommendation::Proceed, rng);
    person.push(S::InTraining.as_str(), None, office_time(in_training, rng));
    let available_at = office_time(session + days(rng.range(1, 4)), rng);
    person.push(S::Available.as_str(), None, available_at);
    Screened {
        training: Some((idx, Some(true))),
        available_at: Some(available_at),
    }
}

/// The last training session before `day` (the first one if none is).
pub fn last_session_before(sessions: &[NaiveDate], day: NaiveDate) -> usize {
    sessions.iter().rposition(|s| *s < day).unwrap_or(0)
}

/// A mentor still being screened today, in `status`.
pub fn still_screening(
    person: &mut Person,
    status: S,
    sessions: &[NaiveDate],
    today: NaiveDate,
    rng: &mut Rng,
) -> Screened {
    match status {
        S::Applied => applied(person, office_time(today - days(rng.range(1, 14)), rng)),
        S::IntakeScheduled => {
            let applied_on = today - days(rng.range(4, 20));
            applied(person, office_time(applied_on, rng));
            let scheduled = applied_on + days(rng.range(1, 3));
            person.push(
                S::IntakeScheduled.as_str(),
                None,
                office_time(scheduled, rng),
            );
            let scheduled_at = office_time(today + days(rng.range(2, 14)), rng);
            person.intake = Some(Intake {
                scheduled_at,
                done_at: None,
                recommendation: None,
            });
        }
        S::IntakeDone => {
            let interview = today - days(rng.range(1, 20));
            screening(person, interview, IntakeRecommendation::Proceed, rng);
        }
        _ => {
            // In training: registered for the next session, after the last one took place.
            let next = sessions.iter().position(|s| *s > today).unwrap_or(0);
            let previous = sessions.get(next.wrapping_sub(1)).copied().unwrap_or(today);
            let start = (today - days(rng.range(1, 35)))
                .max(previous + days(1))
                .min(today - days(1));
            screening(
                person,
                start - days(rng.range(1, 4)),
                IntakeRecommendation::Proceed,
                rng,
            );
            person.push(S::InTraining.as_str(), None, office_time(start, rng));
            return Screened {
                training: Some((next, None)),
                available_at: None,
            };
        }
    }
    NOT_YET
}

/// A mentor who left before any duo: judged not suitable at intake, or
/// dropped out of the training they had registered for.
pub fn left_in_screening(
    person: &mut Person,
    sessions: &[NaiveDate],
    today: NaiveDate,
    rng: &mut Rng,
) -> Screened {
    let past: Vec<usize> = (0..sessions.len())
        .filter(|&i| sessions[i] <= today - days(15) && sessions[i] >= today - days(500))
        .collect();
    if past.is_empty() || rng.chance(0.5) {
        let left = today - days(rng.range(20, 500));
        let interview = left - days(rng.range(1, 7));
        screening(person, interview, IntakeRecommendation::NotSuitable, rng);
        let reason = Some(Exit::NotSuitable.as_str());
        person.push(S::Left.as_str(), reason, office_time(left, rng));
        return NOT_YET;
    }
    let idx = *rng.pick(&past);
    let session = sessions[idx];
    let in_training = session - days(rng.range(7, 25));
    let interview = in_training - days(rng.range(1, 4));
    screening(person, interview, IntakeRecommendation::Proceed, rng);
    person.push(S::InTraining.as_str(), None, office_time(in_training, rng));
    let reason = *rng.pick(&[Exit::NoTime, Exit::PersonalReasons, Exit::Health]);
    let left_at = office_time(session + days(rng.range(2, 14)), rng);
    person.push(S::Left.as_str(), Some(reason.as_str()), left_at);
    Screened {
        training: Some((idx, Some(false))),
        available_at: None,
    }
}
