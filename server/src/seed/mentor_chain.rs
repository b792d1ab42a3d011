//! The dates of one mentor's duos, built backwards from today: the open duo
//! (if any) first, then each earlier duo ending a short pause before the next
//! one was proposed. Building backwards keeps every duo inside the window
//! and makes "in a duo today" exact rather than a matter of luck.

use chrono::NaiveDate;

use app::domain::duo::{DeclineReason, DuoStatus, StopReason, planned_end};

use super::rng::Rng;
use super::world::{DuoPlan, at, days, office_time};

/// How an earlier duo ended.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    Closed,
    Stopped,
    Declined,
}

impl Fate {
    pub fn draw(rng: &mut Rng) -> Fate {
        *rng.weighted(&[
            (Fate::Closed, 72),
            (Fate::Stopped, 13),
            (Fate::Declined, 15),
        ])
    }

    /// Days between the end of a duo with this fate and the next proposal:
    /// a mentor takes a break after a full duo, little after a decline.
    pub fn gap(self, rng: &mut Rng) -> i64 {
        match self {
            Fate::Closed => rng.range(20, 70),
            Fate::Stopped => rng.range(14, 50),
            Fate::Declined => rng.range(5, 25),
        }
    }
}

fn blank(city: usize, coordinator: i32, status: DuoStatus) -> DuoPlan {
    DuoPlan {
        city,
        mentor: 0,
        mentee: usize::MAX,
        status,
        reason: None,
        coordinator,
        match_score: 0,
        proposed_at: at(NaiveDate::MIN, 0, 0),
        introduced_at: None,
        started_on: None,
        closing_at: None,
        ended_at: None,
        quiet: false,
    }
}

/// Introduction a few days before the start, proposal one to two weeks before that.
fn lead_in(duo: &mut DuoPlan, started: NaiveDate, rng: &mut Rng) {
    let introduced = started - days(rng.range(3, 12));
    duo.introduced_at = Some(office_time(introduced, rng));
    duo.proposed_at = office_time(introduced - days(rng.range(5, 14)), rng);
    duo.started_on = Some(started);
    duo.match_score = rng.range(58, 96) as i32;
}

/// The duo a mentor is in today, in `phase`. `active_days` fixes how long an
/// active duo has run (for the showcase mentor).
pub fn open_duo(
    phase: DuoStatus,
    today: NaiveDate,
    active_days: Option<i64>,
    (city, coordinator): (usize, i32),
    rng: &mut Rng,
) -> DuoPlan {
    let mut duo = blank(city, coordinator, phase);
    match phase {
        DuoStatus::Proposed => {
            duo.proposed_at = office_time(today - days(rng.range(1, 9)), rng);
            duo.match_score = rng.range(55, 94) as i32;
        }
        DuoStatus::Introduced => {
            let introduced = today - days(rng.range(1, 12));
            duo.introduced_at = Some(office_time(introduced, rng));
            duo.proposed_at = office_time(introduced - days(rng.range(5, 14)), rng);
            duo.match_score = rng.range(55, 94) as i32;
        }
        DuoStatus::Closing => {
            lead_in(&mut duo, today - days(rng.range(170, 188)), rng);
            duo.closing_at = Some(office_time(today - days(rng.range(1, 16)), rng));
        }
        _ => {
            let ran = active_days.unwrap_or_else(|| rng.range(4, 158));
            lead_in(&mut duo, today - days(ran), rng);
        }
    }
    duo
}

/// An earlier duo that ended on `end` with `fate`. `stop_reason` overrides the
/// drawn reason of a stopped duo (a mentor who left stopped it).
pub fn past_duo(
    fate: Fate,
    end: NaiveDate,
    stop_reason: Option<StopReason>,
    (city, coordinator): (usize, i32),
    rng: &mut Rng,
) -> DuoPlan {
    match fate {
        Fate::Closed => {
            let mut duo = blank(city, coordinator, DuoStatus::Closed);
            let started = end - days(rng.range(172, 184));
            // A duo never runs past its six months.
            let end = end.min(planned_end(started));
            lead_in(&mut duo, started, rng);
            duo.closing_at = Some(office_time(end - days(rng.range(7, 20)), rng));
            duo.ended_at = Some(office_time(end, rng));
            duo
        }
        Fate::Stopped => {
            let mut duo = blank(city, coordinator, DuoStatus::StoppedEarly);
            lead_in(&mut duo, end - days(rng.range(25, 130)), rng);
            let reason = stop_reason.unwrap_or_else(|| {
                *rng.weighted(&[
                    (StopReason::MenteeFoundWork, 30),
                    (StopReason::MenteeUnreachable, 14),
                    (StopReason::MenteeWithdrew, 14),
                    (StopReason::MentorUnavailable, 10),
                    (StopReason::RelationshipIssue, 10),
                    (StopReason::Moved, 8),
                    (StopReason::Health, 8),
                    (StopReason::Other, 6),
                ])
            });
            duo.reason = Some(reason.as_str());
            duo.ended_at = Some(office_time(end, rng));
            duo
        }
        Fate::Declined => {
            let mut duo = blank(city, coordinator, DuoStatus::Declined);
            if rng.chance(0.5) {
                let introduced = end - days(rng.range(2, 9));
                duo.introduced_at = Some(office_time(introduced, rng));
                duo.proposed_at = office_time(introduced - days(rng.range(5, 14)), rng);
            } else {
                duo.proposed_at = office_time(end - days(rng.range(3, 12)), rng);
            }
            let reason = *rng.weighted(&[
                (DeclineReason::MentorDeclined, 2),
                (DeclineReason::MenteeDeclined, 3),
                (DeclineReason::NoConnection, 3),
                (DeclineReason::AvailabilityMismatch, 3),
                (DeclineReason::CoordinatorWithdrew, 1),
                (DeclineReason::Other, 1),
            ]);
            duo.reason = Some(reason.as_str());
            duo.match_score = rng.range(42, 78) as i32;
            duo.ended_at = Some(office_time(end, rng));
            duo
        }
    }
}
