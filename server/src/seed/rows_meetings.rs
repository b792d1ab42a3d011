//! Rows for the life inside a duo: roughly weekly meetings, logged by the
//! mentor, with topics that follow the duo's progress, a note and next steps.

use chrono::{Datelike, NaiveDate};
use sea_orm::{IntoActiveModel, Set};

use app::db::entities::{meeting_topics, meetings};
use app::domain::duo::DuoStatus;
use app::domain::meeting::MeetingTopic::{self, *};

use super::insert::{Ids, Rows};
use super::rng::Rng;
use super::rows_support::{DuoCtx, contact_rows, plan_rows};
use super::text_duo::{MEETING_NOTES, NEXT_STEPS};
use super::text_people::tr;
use super::world::{DuoPlan, World, at, days};

/// Topics that fit the first weeks, the middle and the last weeks of a duo.
const EARLY: &[MeetingTopic] = &[
    Cv,
    Cv,
    CoverLetter,
    SectorCodes,
    AdminSocialHelp,
    Language,
    Other,
];
const MIDDLE: &[MeetingTopic] = &[
    JobApplications,
    JobApplications,
    InterviewPractice,
    Network,
    Language,
    CoverLetter,
    SectorCodes,
];
const LATE: &[MeetingTopic] = &[
    JobApplications,
    InterviewPractice,
    InterviewPractice,
    Network,
    Other,
];

/// Chance that a week passes without a meeting: holidays weigh heavily.
fn skip_chance(day: NaiveDate) -> f64 {
    match (day.month(), day.day()) {
        (12, 22..) | (1, ..=3) => 0.7,
        (7, 15..) | (8, _) => 0.35,
        _ => 0.07,
    }
}

/// The day of the last meeting logged so far.
fn last_meeting(duo: &DuoPlan, today: NaiveDate, rng: &mut Rng) -> NaiveDate {
    match (duo.status, duo.ended_on()) {
        (DuoStatus::Closed, Some(end)) => end - days(rng.range(0, 6)),
        (DuoStatus::StoppedEarly, Some(end)) => end - days(rng.range(5, 15)),
        _ if duo.quiet => today - days(rng.range(15, 30)),
        _ => today - days(rng.range(1, 6)),
    }
}

/// The meeting dates: the start itself, then weekly on the duo's usual day,
/// ending on `last` at the latest (and close to it for a running duo, so that
/// only the duos meant to be quiet raise the no-meeting alert).
fn meeting_days(
    start: NaiveDate,
    weekday: u32,
    last: NaiveDate,
    running: bool,
    rng: &mut Rng,
) -> Vec<NaiveDate> {
    let mut list = vec![start];
    let mut day = start + days(1);
    while day.weekday().num_days_from_monday() != weekday {
        day += days(1);
    }
    while day <= last {
        if !rng.chance(skip_chance(day)) {
            let shifted = day + days(*rng.weighted(&[(-1, 1), (0, 18), (1, 1)]));
            list.push(shifted.clamp(start + days(1), last));
        }
        day += days(7);
    }
    list.dedup();
    if running && list.last().is_some_and(|d| *d < last - days(5)) {
        list.push(last);
    }
    list
}

pub fn meeting_rows(world: &World, accounts: &[Option<i32>], ids: &mut Ids, rows: &mut Rows) {
    let today = world.today;
    for (d, duo) in world.duos.iter().enumerate() {
        let Some(start) = duo.started_on else {
            continue;
        };
        let mut rng = Rng::stream("meetings", d as u64);
        let duo_id = ids.duo + d as i32;
        let mentor = &world.mentors[duo.mentor].person;
        let mentee = &world.mentees[duo.mentee].person;
        let locale = mentor.locale;
        let shared = mentor.slots.iter().find(|s| mentee.slots.contains(s));
        let weekday = shared.map_or(rng.range(0, 4), |s| i64::from(s.0)) as u32;
        let last = last_meeting(duo, today, &mut rng).max(start);
        let running = !duo.quiet && matches!(duo.status, DuoStatus::Active | DuoStatus::Closing);
        let dates = meeting_days(start, weekday, last, running, &mut rng);
        let count = dates.len();
        for (k, held_on) in dates.into_iter().enumerate() {
            let id = ids.meeting;
            ids.meeting += 1;
            let pool = match (k * 3) / count.max(1) {
                0 => EARLY,
                1 => MIDDLE,
                _ => LATE,
            };
            let n = *rng.weighted(&[(1, 8), (2, 9), (3, 3)]);
            let mut topics: Vec<MeetingTopic> = Vec::new();
            while topics.len() < n {
                let topic = *rng.pick(pool);
                if !topics.contains(&topic) {
                    topics.push(topic);
                }
            }
            let index =
                |t: MeetingTopic| MeetingTopic::ALL.iter().position(|x| *x == t).unwrap_or(0);
            let note = tr(&MEETING_NOTES[index(topics[0])][rng.below(2)], locale);
            let next = rng.chance(0.85).then(|| {
                tr(&NEXT_STEPS[index(*topics.last().unwrap_or(&Other))], locale).to_owned()
            });
            let logged = at(held_on, rng.range(17, 21), rng.range(0, 59))
                + days(*rng.weighted(&[(0, 7), (1, 2), (2, 1)]));
            let logged =
                logged.min(at(today, 0, 0) - chrono::Duration::minutes(rng.range(30, 600)));
            rows.meetings.push(meetings::ActiveModel {
                id: Set(id),
                duo_id: Set(duo_id),
                held_on: Set(held_on),
                duration_minutes: Set(*rng.weighted(&[(120, 75), (90, 17), (60, 4), (150, 4)])),
                note: Set(Some(note.to_owned())),
                next_steps: Set(next),
                logged_by: Set(accounts[duo.mentor]),
                idempotency_key: Set(None),
                created_at: Set(logged),
                updated_at: Set(logged),
            });
            for topic in topics {
                rows.topics.push(
                    meeting_topics::Model {
                        meeting_id: id,
                        topic: topic.as_str().to_owned(),
                    }
                    .into_active_model(),
                );
            }
        }
        let ctx = DuoCtx {
            duo,
            id: duo_id,
            start,
            today,
            locale,
        };
        plan_rows(&ctx, ids, rows, &mut rng);
        contact_rows(&ctx, rows, &mut rng);
    }
}
