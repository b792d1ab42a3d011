//! Rows that support a running duo: the action plan (goals with dated steps,
//! ticked off as the weeks go by) and the coordinator's check-ins, two in the
//! first month and then monthly.

use chrono::NaiveDate;
use sea_orm::{ActiveValue::NotSet, Set};

use app::db::entities::{coordinator_contacts, goal_steps, goals};
use app::domain::duo::{DuoStatus, planned_end};
use app::domain::locale::Locale;
use app::domain::support::{ContactKind, ContactPerson};

use super::city_profile::PROFILES;
use super::insert::{Ids, Rows};
use super::rng::Rng;
use super::text_duo::{CONTACT_NOTES, PLAN};
use super::text_people::tr;
use super::world::{DuoPlan, days, office_time};

/// One started duo, as the action plan and check-ins see it.
pub struct DuoCtx<'a> {
    pub duo: &'a DuoPlan,
    pub id: i32,
    pub start: NaiveDate,
    pub today: NaiveDate,
    /// The mentor's language: they keep the plan.
    pub locale: Locale,
}

/// Two or three goals set in the first days, each with its steps.
pub fn plan_rows(ctx: &DuoCtx, ids: &mut Ids, rows: &mut Rows, rng: &mut Rng) {
    let (start, today) = (ctx.start, ctx.today);
    let last = ctx.duo.last_day(today).min(today - days(1));
    let done_rate = match ctx.duo.status {
        DuoStatus::Closed => 0.85,
        DuoStatus::StoppedEarly => 0.5,
        _ => 0.8,
    };
    let count = rng.range(2, 3) as usize;
    for (position, &g) in rng.sample(PLAN.len(), count).iter().enumerate() {
        let id = ids.goal;
        ids.goal += 1;
        let (goal, steps) = &PLAN[g];
        let created = (start + days(rng.range(0, 7))).min(today - days(1));
        let created_at = office_time(created, rng);
        let mut target = start;
        let mut all_done = true;
        for (j, step) in steps.iter().enumerate() {
            target += days(rng.range(14, 40));
            let done = target <= last && rng.chance(done_rate);
            all_done &= done;
            let done_at =
                done.then(|| office_time(target - days(rng.range(0, 7)), rng).max(created_at));
            rows.steps.push(goal_steps::ActiveModel {
                id: NotSet,
                goal_id: Set(id),
                title: Set(tr(step, ctx.locale).to_owned()),
                target_on: Set(Some(target)),
                done_at: Set(done_at),
                position: Set(j as i32),
            });
        }
        let done_at = all_done.then(|| office_time(target.min(last), rng).max(created_at));
        rows.goals.push(goals::ActiveModel {
            id: Set(id),
            duo_id: Set(ctx.id),
            title: Set(tr(goal, ctx.locale).to_owned()),
            target_on: Set(Some(target + days(7))),
            done_at: Set(done_at),
            position: Set(position as i32),
            created_at: Set(created_at),
        });
    }
}

/// Check-ins: two in the first month, then about monthly until the end.
pub fn contact_rows(ctx: &DuoCtx, rows: &mut Rows, rng: &mut Rng) {
    let (start, today) = (ctx.start, ctx.today);
    let last = ctx.duo.last_day(today).min(today - days(1));
    let office = PROFILES[ctx.duo.city].office_locale;
    let mut dates = vec![
        start + days(rng.range(6, 10)),
        start + days(rng.range(20, 28)),
    ];
    for month in 2.. {
        let day = start + days(30 * month + rng.range(-4, 4));
        if day > last {
            break;
        }
        dates.push(day);
    }
    let near_end = planned_end(start) - days(21);
    for (k, day) in dates.into_iter().filter(|d| *d <= last).enumerate() {
        let stage = match k {
            0 | 1 => 0,
            _ if day >= near_end => 2,
            _ => 1,
        };
        let kind = *rng.weighted(&[
            (ContactKind::Phone, 5),
            (ContactKind::InPerson, 2),
            (ContactKind::Video, 2),
            (ContactKind::Email, 1),
        ]);
        // Taken in turn rather than drawn, so the rest of the demo data stays as it was.
        let person = [
            ContactPerson::Both,
            ContactPerson::Mentee,
            ContactPerson::Mentor,
        ][k % 3];
        rows.contacts.push(coordinator_contacts::ActiveModel {
            id: NotSet,
            duo_id: Set(ctx.id),
            coordinator_id: Set(ctx.duo.coordinator),
            contacted_on: Set(day),
            kind: Set(kind.as_str().to_owned()),
            person: Set(person.as_str().to_owned()),
            note: Set(Some(tr(rng.pick(CONTACT_NOTES[stage]), office).to_owned())),
            created_at: Set(office_time(day, rng)),
        });
    }
}
