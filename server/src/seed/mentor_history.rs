//! A mentor's status history: screening and training, then in and out of
//! duos, and where they stand today. The first availability comes just after
//! a real training session of their city, weeks before the first proposal.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use app::domain::duo::{DuoStatus, StopReason};
use app::domain::mentor::{MentorExitReason as Exit, MentorStatus as S};

use super::mentor_screening::{
    Screened, last_session_before, left_in_screening, still_screening, trained,
};
use super::rng::Rng;
use super::world::{DuoPlan, Person, days};

/// Where a mentor stands today.
#[derive(Clone, Copy)]
pub enum Tail {
    /// Still being screened: applied, intake scheduled or done, in training.
    Screening(S),
    /// In a duo in this phase.
    Open(DuoStatus),
    Available,
    Paused,
    Left,
}

/// A mentor's duos (oldest first) and the moment of a pause or departure.
pub struct Chain<'a> {
    pub tail: Tail,
    pub duos: &'a [DuoPlan],
    pub tail_at: Option<DateTime<Utc>>,
    pub sessions: &'a [NaiveDate],
    pub today: NaiveDate,
}

/// Fills `person.history` (and intake) from the chain; returns training and first availability.
pub fn history(person: &mut Person, chain: &Chain, rng: &mut Rng) -> Screened {
    let today = chain.today;
    let first_proposal = chain.duos.first().map(|d| d.proposed_at.date_naive());
    let screened = match (chain.tail, first_proposal) {
        (Tail::Screening(status), _) => {
            return still_screening(person, status, chain.sessions, today, rng);
        }
        (Tail::Left, None) if rng.chance(0.45) => {
            return left_in_screening(person, chain.sessions, today, rng);
        }
        (_, Some(first)) => {
            let idx = last_session_before(chain.sessions, first - days(rng.range(7, 45)));
            trained(person, chain.sessions, idx, rng)
        }
        (tail, None) => {
            let target = match (tail, chain.tail_at) {
                (Tail::Paused, Some(at)) => at.date_naive() - days(rng.range(20, 120)),
                (Tail::Left, Some(at)) => at.date_naive() - days(rng.range(20, 200)),
                _ => today - days(rng.range(5, 75)),
            };
            trained(
                person,
                chain.sessions,
                last_session_before(chain.sessions, target),
                rng,
            )
        }
    };
    let mut left_with_duo = false;
    for (k, duo) in chain.duos.iter().enumerate() {
        person.push(S::InDuo.as_str(), None, duo.proposed_at);
        let Some(ended_at) = duo.ended_at else {
            continue;
        };
        let after = ended_at + Duration::minutes(30);
        let is_last = k + 1 == chain.duos.len();
        let leaving = [StopReason::MentorLeft.as_str(), StopReason::Health.as_str()];
        if is_last
            && matches!(chain.tail, Tail::Left)
            && duo.reason.is_some_and(|r| leaving.contains(&r))
        {
            let reason = if duo.reason == Some(StopReason::Health.as_str()) {
                Exit::Health
            } else {
                *rng.pick(&[Exit::NoTime, Exit::Moved, Exit::PersonalReasons])
            };
            person.push(S::Left.as_str(), Some(reason.as_str()), after);
            left_with_duo = true;
        } else {
            person.push(S::Available.as_str(), None, after);
        }
    }
    let after_last = |person: &Person, at: DateTime<Utc>| {
        person
            .changed_at()
            .map_or(at, |last| at.max(last + Duration::hours(2)))
    };
    match (chain.tail, chain.tail_at) {
        (Tail::Paused, Some(at)) => {
            let reason = *rng.weighted(&[
                (Exit::Health, 3),
                (Exit::NoTime, 4),
                (Exit::PersonalReasons, 3),
                (Exit::Other, 1),
            ]);
            let at = after_last(person, at);
            person.push(S::Paused.as_str(), Some(reason.as_str()), at);
        }
        (Tail::Left, Some(at)) if !left_with_duo => {
            let reason = *rng.weighted(&[
                (Exit::Health, 2),
                (Exit::Moved, 2),
                (Exit::NoTime, 3),
                (Exit::FoundWork, 1),
                (Exit::PersonalReasons, 2),
                (Exit::Other, 1),
            ]);
            let at = after_last(person, at);
            person.push(S::Left.as_str(), Some(reason.as_str()), at);
        }
        _ => {}
    }
    screened
}
