//! The mentors and their duos. Each mentor gets an archetype from fixed quotas
//! (where they are today and how many duos came before), so that every status
//! is present in believable proportions whatever the random draws.

use chrono::NaiveDate;

use app::domain::duo::{DuoStatus, StopReason};
use app::domain::mentor::MentorStatus;

use super::city_profile::{BRUSSELS, PROFILES};
use super::mentor_chain::{Fate, open_duo, past_duo};
use super::mentor_history::{Chain, Tail, history};
use super::mentor_profile::mentor;
use super::people::Emails;
use super::rng::Rng;
use super::text_people::{HEARD_FROM, MOTIVATIONS};
use super::world::{DuoPlan, MentorPlan, World, days, office_time};

/// The showcase mentor `make run` points to: first row, Brussels, active duo.
pub const SHOWCASE_EMAIL: &str = "mentor1@demo.duo.be";

#[derive(Clone, Copy)]
struct Archetype {
    tail: Tail,
    prior: usize,
}

/// `(tail, [(earlier duos, how many mentors)])`; 300 mentors in all.
fn archetypes(rng: &mut Rng) -> Vec<Archetype> {
    use MentorStatus::*;
    let mut list = Vec::new();
    let quotas: [(Tail, &[(usize, usize)]); 7] = [
        (Tail::Screening(Applied), &[(0, 20)]),
        (Tail::Screening(IntakeScheduled), &[(0, 12)]),
        (Tail::Screening(IntakeDone), &[(0, 12)]),
        (Tail::Screening(InTraining), &[(0, 26)]),
        (Tail::Available, &[(0, 42), (1, 20), (2, 11), (3, 3)]),
        (Tail::Paused, &[(0, 12), (1, 3), (2, 11), (3, 2)]),
        (Tail::Left, &[(0, 28), (1, 6), (2, 18), (3, 4)]),
    ];
    for (tail, counts) in quotas {
        for &(prior, count) in counts {
            list.extend(std::iter::repeat_n(Archetype { tail, prior }, count));
        }
    }
    // Mentors in a duo today: the phase and the number of earlier duos are
    // drawn independently, then paired.
    let mut phases: Vec<DuoStatus> = [
        (DuoStatus::Proposed, 8),
        (DuoStatus::Introduced, 7),
        (DuoStatus::Active, 45),
        (DuoStatus::Closing, 10),
    ]
    .iter()
    .flat_map(|&(phase, n)| std::iter::repeat_n(phase, n))
    .collect();
    let mut priors: Vec<usize> = [(0, 30), (1, 28), (2, 12)]
        .iter()
        .flat_map(|&(prior, n)| std::iter::repeat_n(prior, n))
        .collect();
    rng.shuffle(&mut phases);
    rng.shuffle(&mut priors);
    let showcase = Archetype {
        tail: Tail::Open(DuoStatus::Active),
        prior: 1,
    };
    let mut showcase_taken = false;
    for (phase, prior) in phases.into_iter().zip(priors) {
        if !showcase_taken && phase == DuoStatus::Active && prior == 1 {
            showcase_taken = true;
            continue;
        }
        list.push(Archetype {
            tail: Tail::Open(phase),
            prior,
        });
    }
    rng.shuffle(&mut list);
    list.insert(0, showcase);
    list
}

/// Every mentor's city, Brussels first for the showcase mentor.
fn cities(rng: &mut Rng) -> Vec<usize> {
    let mut list: Vec<usize> = (0..PROFILES.len())
        .flat_map(|c| std::iter::repeat_n(c, PROFILES[c].mentors))
        .collect();
    rng.shuffle(&mut list);
    if let Some(pos) = list.iter().position(|&c| c == BRUSSELS) {
        list.swap(0, pos);
    }
    list
}

/// How a mentor's earlier duos ended, newest first. Nine in ten mentors start
/// another duo after their first: with several duos, the first one closed and
/// a later one got going, so only mentors with a single duo end the chain.
fn fates(prior: usize, showcase: bool, rng: &mut Rng) -> Vec<Fate> {
    let mut fates: Vec<Fate> = (0..prior).map(|_| Fate::draw(rng)).collect();
    if showcase {
        fates = vec![Fate::Closed];
    }
    if prior >= 2 {
        fates[prior - 1] = Fate::Closed;
        if fates[..prior - 1].iter().all(|f| *f == Fate::Declined) {
            fates[0] = Fate::Closed;
        }
    }
    fates
}

pub fn plan_mentors(world: &mut World, emails: &mut Emails) {
    let today = world.today;
    let window_start = today - days(730);
    let mut rng = Rng::stream("mentor-quotas", 0);
    let archetypes = archetypes(&mut rng);
    let cities = cities(&mut rng);
    for (i, (arch, &city)) in archetypes.iter().zip(&cities).enumerate() {
        let mut rng = Rng::stream("mentor", i as u64);
        let coordinator = *rng.pick(&world.coordinators[city]);
        let mut person = mentor(city, today, coordinator, emails, &mut rng);
        if i == 0 && world.copy == 0 {
            person.email = Some(SHOWCASE_EMAIL.to_owned());
            emails.reserve(SHOWCASE_EMAIL);
        }
        let fates = fates(arch.prior, i == 0, &mut rng);
        let key = (city, coordinator);
        // Newest first while building backwards.
        let mut duos: Vec<DuoPlan> = Vec::new();
        let mut next_end: Option<NaiveDate> = None;
        let mut tail_at = None;
        let gap = |fates: &[Fate], k: usize, rng: &mut Rng| fates.get(k).map(|f| f.gap(rng));
        let mut stop_by_leaving = None;
        match arch.tail {
            Tail::Open(phase) => {
                let showcase = (i == 0).then_some(66);
                let duo = open_duo(phase, today, showcase, key, &mut rng);
                next_end = gap(&fates, 0, &mut rng).map(|g| duo.proposed_at.date_naive() - days(g));
                duos.push(duo);
            }
            Tail::Available => next_end = Some(today - days(rng.range(7, 80))),
            Tail::Paused => {
                let paused = today - days(rng.range(10, 200));
                tail_at = Some(office_time(paused, &mut rng));
                next_end = Some(paused - days(rng.range(0, 40)));
            }
            Tail::Left => {
                let left = today - days(rng.range(10, 300));
                tail_at = Some(office_time(left, &mut rng));
                if fates.first() == Some(&Fate::Stopped) {
                    // The mentor left in the middle of a duo, which stopped that day.
                    stop_by_leaving =
                        Some(*rng.pick(&[StopReason::MentorLeft, StopReason::Health]));
                    next_end = Some(left);
                } else {
                    next_end = Some(left - days(rng.range(0, 50)));
                }
            }
            Tail::Screening(_) => {}
        }
        for (k, &fate) in fates.iter().enumerate() {
            let Some(end) = next_end else { break };
            let reason = if k == 0 { stop_by_leaving } else { None };
            let duo = past_duo(fate, end, reason, key, &mut rng);
            if duo.proposed_at.date_naive() < window_start {
                break;
            }
            next_end = gap(&fates, k + 1, &mut rng).map(|g| duo.proposed_at.date_naive() - days(g));
            duos.push(duo);
        }
        duos.reverse();
        let chain = Chain {
            tail: arch.tail,
            duos: &duos,
            tail_at,
            sessions: &world.training[city],
            today,
        };
        let plan = history(&mut person, &chain, &mut rng);
        let mut ids = Vec::new();
        for mut duo in duos {
            duo.mentor = i;
            ids.push(world.duos.len());
            world.duos.push(duo);
        }
        world.mentors.push(MentorPlan {
            person,
            training: plan.training,
            duos: ids,
            motivation: rng.below(MOTIVATIONS.len()),
            heard_from: rng.below(HEARD_FROM.len()),
            available_at: plan.available_at,
            news_consent: rng.chance(0.55),
        });
    }
}
