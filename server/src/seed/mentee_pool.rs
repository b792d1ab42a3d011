//! The mentees not (yet) in any duo: newly registered, just through intake,
//! waiting (some for months, which matching must make up for), or gone
//! before a match.

use chrono::{Duration, NaiveDate};

use app::domain::mentee::{MenteeStatus as S, MenteeWithdrawReason as W};

use super::city_profile::PROFILES;
use super::mentee_plan::{intake, new_mentee, registered, screened};
use super::mentee_profile::MenteeSpec;
use super::people::{Emails, MENTEE_SECTORS, weighted_index};
use super::rng::Rng;
use super::world::{MenteePlan, World, days, office_time};

/// People not (yet) in any duo: in intake, waiting, or gone before a match.
pub fn plan_pool(world: &mut World, emails: &mut Emails) {
    let today = world.today;
    let city_weights: Vec<(usize, u32)> = PROFILES
        .iter()
        .enumerate()
        .map(|(c, p)| (c, p.mentors as u32))
        .collect();
    // About 75 waiting in all, counting those back in the pool after a duo.
    let back = world
        .mentees
        .iter()
        .filter(|m| m.person.status() == S::Waiting.as_str())
        .count();
    let waiting = 75usize.saturating_sub(back).max(40);
    let kinds = [
        (S::Registered, 28),
        (S::IntakeDone, 20),
        (S::Withdrawn, 40),
        (S::Waiting, waiting),
    ];
    let mut n = 0u64;
    for (kind, count) in kinds {
        for _ in 0..count {
            let mut rng = Rng::stream("pool-mentee", n);
            n += 1;
            let city = *rng.weighted(&city_weights);
            let coordinator = *rng.pick(&world.coordinators[city]);
            let goal_sector = weighted_index(&MENTEE_SECTORS, &mut rng);
            let spec = MenteeSpec {
                city,
                age: rng.range(18, 33) as i32,
                coordinator,
                goal_sector,
                mentor: None,
            };
            let mut plan = new_mentee(world, &spec, emails, &mut rng);
            match kind {
                S::Registered => registered(&mut plan, today - days(rng.range(1, 25)), &mut rng),
                S::IntakeDone => {
                    registered(&mut plan, today - days(rng.range(12, 45)), &mut rng);
                    intake(&mut plan, today - days(rng.range(1, 10)), &mut rng);
                }
                S::Waiting => {
                    let wait = match rng.below(100) {
                        0..=39 => rng.range(3, 45),
                        40..=74 => rng.range(45, 120),
                        75..=94 => rng.range(120, 240),
                        _ => rng.range(240, 330),
                    };
                    screened(&mut plan, today - days(wait), &mut rng);
                }
                _ => withdrawn(&mut plan, today, &mut rng),
            }
            world.mentees.push(plan);
        }
    }
}

fn withdrawn(plan: &mut MenteePlan, today: NaiveDate, rng: &mut Rng) {
    let (left, reason) = if rng.chance(0.4) {
        let day = today - days(rng.range(40, 500));
        registered(plan, day, rng);
        (
            day + days(rng.range(14, 60)),
            *rng.pick(&[W::Unreachable, W::NotInterested]),
        )
    } else {
        let since = today - days(rng.range(60, 600));
        screened(plan, since, rng);
        let reason = *rng.weighted(&[
            (W::FoundWork, 4),
            (W::NotInterested, 2),
            (W::Moved, 2),
            (W::PersonalReasons, 2),
            (W::Unreachable, 2),
            (W::NotEligible, 1),
        ]);
        (since + days(rng.range(20, 150)), reason)
    };
    let at = office_time(left.min(today - days(1)), rng);
    let at = at.max(plan.person.changed_at().unwrap_or(at) + Duration::hours(1));
    plan.person
        .push(S::Withdrawn.as_str(), Some(reason.as_str()), at);
}
