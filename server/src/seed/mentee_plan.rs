//! The mentees: one for each duo, taken in the order duos were proposed, with
//! mentees whose duo was declined or stopped going back to the waiting pool and
//! often matched again; then the people still in intake or waiting today.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use app::domain::duo::{DuoStatus, StopReason};
use app::domain::intake::IntakeRecommendation;
use app::domain::mentee::{MenteeStatus as S, MenteeWithdrawReason as W};
use app::domain::reference::EducationLevel;

use super::mentee_pool::plan_pool;
use super::mentee_profile::{MenteeSpec, mentee};
use super::people::{Emails, MENTEE_SECTORS, related_sectors, weighted_index};
use super::rng::Rng;
use super::text_people::{GOALS, JOBS, REFERRERS, tr};
use super::world::{Intake, MenteePlan, World, days, office_time};

/// Registration, intake interview and entry into the waiting pool on `waiting_since`.
pub fn screened(plan: &mut MenteePlan, waiting_since: NaiveDate, rng: &mut Rng) {
    let interview = waiting_since - days(rng.range(0, 4));
    registered(plan, interview - days(rng.range(5, 25)), rng);
    intake(plan, interview, rng);
    let waiting_at = office_time(waiting_since, rng)
        .max(plan.person.changed_at().unwrap_or_default() + Duration::minutes(30));
    plan.person.push(S::Waiting.as_str(), None, waiting_at);
    plan.waiting_since = Some(waiting_since);
}

pub fn registered(plan: &mut MenteePlan, day: NaiveDate, rng: &mut Rng) {
    plan.person
        .push(S::Registered.as_str(), None, office_time(day, rng));
}

pub fn intake(plan: &mut MenteePlan, day: NaiveDate, rng: &mut Rng) {
    let scheduled_at = office_time(day, rng);
    let done_at = scheduled_at + Duration::minutes(60);
    plan.person.push(S::IntakeDone.as_str(), None, done_at);
    plan.person.intake = Some(Intake {
        scheduled_at,
        done_at: Some(done_at),
        recommendation: Some(IntakeRecommendation::Proceed),
    });
}

pub fn new_mentee(
    world: &World,
    spec: &MenteeSpec,
    emails: &mut Emails,
    rng: &mut Rng,
) -> MenteePlan {
    let person = mentee(spec, world.today, emails, rng);
    let job = tr(&JOBS[spec.goal_sector][rng.below(2)], person.locale);
    let goal = tr(rng.pick(GOALS), person.locale).replace("{}", job);
    let education = *rng.weighted(&[
        (EducationLevel::None, 3),
        (EducationLevel::Primary, 7),
        (EducationLevel::LowerSecondary, 14),
        (EducationLevel::UpperSecondary, 27),
        (EducationLevel::Vocational, 20),
        (EducationLevel::Bachelor, 19),
        (EducationLevel::Master, 10),
    ]);
    MenteePlan {
        person,
        waiting_since: None,
        education: education.as_str(),
        goal,
        referred_by: rng.weighted::<&str>(REFERRERS[spec.city]),
        migrant_background: rng.chance(0.96),
        duos: Vec::new(),
    }
}

/// Where a mentee goes when their duo stops early: out of the programme, or back to waiting.
fn after_stop(reason: Option<&str>, rng: &mut Rng) -> Option<W> {
    let reason = reason.and_then(StopReason::parse)?;
    match reason {
        StopReason::MenteeFoundWork => Some(W::FoundWork),
        StopReason::MenteeUnreachable => Some(W::Unreachable),
        StopReason::MenteeWithdrew => Some(*rng.pick(&[W::NotInterested, W::PersonalReasons])),
        StopReason::Moved => Some(W::Moved),
        StopReason::Health if rng.chance(0.5) => Some(W::PersonalReasons),
        _ => None,
    }
}

pub fn plan_mentees(world: &mut World, emails: &mut Emails) {
    let today = world.today;
    let mut order: Vec<usize> = (0..world.duos.len()).collect();
    order.sort_by_key(|&d| (world.duos[d].proposed_at, d));
    // Mentees back in the waiting pool, and since when.
    let mut pool: Vec<(usize, DateTime<Utc>)> = Vec::new();
    for (n, &d) in order.iter().enumerate() {
        let mut rng = Rng::stream("duo-mentee", n as u64);
        let (city, mentor, proposed) = (
            world.duos[d].city,
            world.duos[d].mentor,
            world.duos[d].proposed_at,
        );
        let mentor_person = &world.mentors[mentor].person;
        let reuse = pool
            .iter()
            .enumerate()
            .filter(|(_, (m, free))| {
                let mentee = &world.mentees[*m].person;
                mentee.city == city
                    && *free + days(10) <= proposed
                    && mentee.shares_working_language(mentor_person)
            })
            .min_by_key(|(_, (_, free))| *free)
            .map(|(pos, _)| pos);
        let mentee = match reuse.filter(|_| rng.chance(0.75)) {
            Some(pos) => pool.remove(pos).0,
            None => {
                let main = mentor_person.sectors[0].0;
                let related = related_sectors(main);
                let goal_sector = match rng.below(20) {
                    0..=12 => main,
                    13..=17 if !related.is_empty() => *rng.pick(&related),
                    _ => weighted_index(&MENTEE_SECTORS, &mut rng),
                };
                let years = (today - proposed.date_naive()).num_days() / 365;
                let age = (rng.range(19, 31) + years).min(33) as i32;
                let spec = MenteeSpec {
                    city,
                    age,
                    coordinator: world.duos[d].coordinator,
                    goal_sector,
                    mentor: Some(mentor_person),
                };
                let mut plan = new_mentee(world, &spec, emails, &mut rng);
                let wait = match rng.below(100) {
                    0..=64 => rng.range(10, 60),
                    65..=92 => rng.range(60, 140),
                    _ => rng.range(140, 240),
                };
                screened(&mut plan, proposed.date_naive() - days(wait), &mut rng);
                world.mentees.push(plan);
                world.mentees.len() - 1
            }
        };
        let duo = &mut world.duos[d];
        duo.mentee = mentee;
        let plan = &mut world.mentees[mentee];
        plan.duos.push(d);
        plan.person.push(S::InDuo.as_str(), None, proposed);
        let Some(ended) = duo.ended_at else { continue };
        let after = ended + Duration::minutes(30);
        match duo.status {
            DuoStatus::Closed => plan.person.push(S::FollowedUp.as_str(), None, after),
            DuoStatus::StoppedEarly => match after_stop(duo.reason, &mut rng) {
                Some(reason) => {
                    plan.person
                        .push(S::Withdrawn.as_str(), Some(reason.as_str()), after)
                }
                None => {
                    plan.person.push(S::Waiting.as_str(), None, after);
                    pool.push((mentee, ended));
                }
            },
            _ => {
                plan.person.push(S::Waiting.as_str(), None, after);
                pool.push((mentee, ended));
            }
        }
    }
    plan_pool(world, emails);
}
