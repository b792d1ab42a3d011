//! Property tests: bounds, exact sums, determinism, and proposals checked by brute force.

use proptest::collection::vec;
use proptest::prelude::*;

use super::*;
use crate::domain::reference::LanguageLevel;

/// Mostly working level or better.
fn any_level() -> impl Strategy<Value = LanguageLevel> {
    let (low, high) = LanguageLevel::ALL.split_at(2);
    prop_oneof![
        1 => proptest::sample::select(low),
        4 => proptest::sample::select(high),
    ]
}

/// Among two languages, so that most pairs share one.
fn any_languages() -> impl Strategy<Value = Vec<(i32, LanguageLevel)>> {
    vec((1..=2, any_level()), 1..=2)
}

/// Within the first six slots, so that overlaps are common.
fn any_slots() -> impl Strategy<Value = WeeklySlots> {
    (0u32..64).prop_map(|bits| WeeklySlots::from_bits(bits).unwrap())
}

/// Around Brussels, up to about 40 km apart; sometimes unknown.
fn any_location() -> impl Strategy<Value = Option<Location>> {
    let point = (50_700_000..51_000_000, 4_200_000..4_600_000);
    proptest::option::weighted(
        0.8,
        point.prop_map(|(lat, lon)| Location::from_micro_degrees(lat, lon).unwrap()),
    )
}

fn any_intake() -> impl Strategy<Value = Option<IntakeAverage>> {
    proptest::option::of((10u8..=50).prop_map(|t| IntakeAverage::from_tenths(t).unwrap()))
}

fn any_must() -> impl Strategy<Value = Must> {
    prop_oneof![
        Just(Must::SameSector),
        Just(Must::SharedSlot),
        (0u16..40).prop_map(Must::WithinKm),
    ]
}

fn city() -> impl Strategy<Value = i32> {
    prop_oneof![9 => Just(1), 1 => Just(2)]
}

/// Id 0: callers number the people.
fn any_mentor() -> impl Strategy<Value = MentorProfile> {
    let sectors = vec((1..=5, 0u8..15), 0..=2);
    let rest = (any_slots(), any_location(), 0u32..6, any_intake());
    (
        city(),
        proptest::bool::weighted(0.9),
        sectors,
        any_languages(),
        rest,
    )
        .prop_map(
            |(
                city_id,
                available,
                sectors,
                languages,
                (slots, location, completed_duos, intake),
            )| {
                MentorProfile {
                    id: 0,
                    city_id,
                    available,
                    sectors,
                    languages,
                    slots,
                    location,
                    completed_duos,
                    intake,
                }
            },
        )
}

fn any_mentee() -> impl Strategy<Value = MenteeProfile> {
    let musts = proptest::option::weighted(0.2, any_must()).prop_map(Vec::from_iter);
    let rest = (any_slots(), any_location(), 0u32..400, any_intake(), musts);
    (
        city(),
        proptest::bool::weighted(0.9),
        vec(1..=5, 0..=2),
        any_languages(),
        rest,
    )
        .prop_map(
            |(
                city_id,
                waiting,
                goal_sectors,
                languages,
                (slots, location, days, intake, musts),
            )| {
                MenteeProfile {
                    id: 0,
                    city_id,
                    waiting,
                    goal_sectors,
                    languages,
                    slots,
                    location,
                    days_waiting: days,
                    intake,
                    musts,
                }
            },
        )
}

fn any_weights() -> impl Strategy<Value = Weights> {
    prop_oneof![
        1 => Just(Weights::ZERO),
        1 => Just(Weights::DEFAULT),
        8 => proptest::array::uniform7(0i64..=100).prop_map(|w| Weights::parse(w).unwrap()),
    ]
}

/// Mentor ids are `1..=5` and mentee ids `101..=105`, as in `instance`.
fn any_context() -> impl Strategy<Value = Context> {
    let relations = vec((1..=5, 1..=5), 0..=4);
    let bans = vec((1..=5, 101..=105), 0..=3);
    (any_weights(), relations, bans).prop_map(|(weights, relations, bans)| {
        Context::new(weights)
            .with_related_sectors(relations)
            .with_bans(bans)
    })
}

#[derive(Debug, Clone)]
struct Instance {
    ctx: Context,
    mentors: Vec<MentorProfile>,
    mentees: Vec<MenteeProfile>,
    /// Candidate locks as `(mentor index, mentee index)`; see `locks`.
    lock_picks: Vec<(usize, usize)>,
}

fn instance() -> impl Strategy<Value = Instance> {
    let people = (vec(any_mentor(), 0..=5), vec(any_mentee(), 0..=5));
    let picks = vec((0usize..5, 0usize..5), 0..=4);
    (any_context(), people, picks).prop_map(|(ctx, (mut mentors, mut mentees), lock_picks)| {
        (1..).zip(&mut mentors).for_each(|(id, m)| m.id = id);
        (101..).zip(&mut mentees).for_each(|(id, m)| m.id = id);
        Instance {
            ctx,
            mentors,
            mentees,
            lock_picks,
        }
    })
}

impl Instance {
    /// `totals[mentee][mentor]`: the pair's total, or `None` when forbidden.
    fn totals(&self) -> Vec<Vec<Option<u8>>> {
        let total = |mentor, mentee| evaluate(&self.ctx, mentor, mentee).ok().map(|s| s.total);
        (self.mentees.iter())
            .map(|mentee| self.mentors.iter().map(|m| total(m, mentee)).collect())
            .collect()
    }

    /// The picks that name an allowed pair and share nobody with an earlier lock, as ids.
    fn locks(&self) -> Vec<(i32, i32)> {
        let totals = self.totals();
        let mut locks: Vec<(usize, usize)> = Vec::new();
        for &(mentor, mentee) in &self.lock_picks {
            let allowed = totals
                .get(mentee)
                .and_then(|row| row.get(mentor))
                .copied()
                .flatten();
            let free = locks.iter().all(|&(m, e)| m != mentor && e != mentee);
            if allowed.is_some() && free {
                locks.push((mentor, mentee));
            }
        }
        (locks.iter())
            .map(|&(m, e)| (self.mentors[m].id, self.mentees[e].id))
            .collect()
    }
}

/// The best total over every matching of allowed pairs that contains `locks`, by trying
/// each mentee with each free mentor or nobody.
fn brute_force(totals: &[Vec<Option<u8>>], locks: &[(usize, usize)]) -> u32 {
    fn best(
        totals: &[Vec<Option<u8>>],
        locks: &[(usize, usize)],
        mentee: usize,
        used: u32,
    ) -> Option<u32> {
        let Some(row) = totals.get(mentee) else {
            return Some(0);
        };
        let next = |mentor: usize, total: u8| {
            let rest = best(totals, locks, mentee + 1, used | 1 << mentor)?;
            Some(rest + u32::from(total))
        };
        if let Some(&(mentor, _)) = locks.iter().find(|&&(_, e)| e == mentee) {
            return next(mentor, row[mentor]?);
        }
        let locked_mentor = |mentor| locks.iter().any(|&(m, _)| m == mentor);
        let mut result = best(totals, locks, mentee + 1, used);
        for (mentor, total) in row.iter().enumerate() {
            if let Some(total) = *total
                && used & 1 << mentor == 0
                && !locked_mentor(mentor)
            {
                result = result.max(next(mentor, total));
            }
        }
        result
    }
    best(totals, locks, 0, 0).expect("the locks are allowed and disjoint")
}

/// The same people with every list reversed, except the musts, whose order the reasons keep.
fn reversed(mentor: &MentorProfile, mentee: &MenteeProfile) -> (MentorProfile, MenteeProfile) {
    let (mut mentor, mut mentee) = (mentor.clone(), mentee.clone());
    mentor.sectors.reverse();
    mentor.languages.reverse();
    mentee.goal_sectors.reverse();
    mentee.languages.reverse();
    (mentor, mentee)
}

proptest! {
    #[test]
    fn scores_are_bounded_exact_and_deterministic(
        ctx in any_context(),
        mentor in any_mentor(),
        mentee in any_mentee(),
    ) {
        let result = evaluate(&ctx, &mentor, &mentee);
        prop_assert_eq!(&evaluate(&ctx, &mentor, &mentee), &result);
        let (mentor_r, mentee_r) = reversed(&mentor, &mentee);
        prop_assert_eq!(&evaluate(&ctx, &mentor_r, &mentee_r), &result, "list order matters");
        match result {
            Err(forbidden) => {
                prop_assert!(!forbidden.reasons.is_empty());
                let text = serde_json::to_string(&forbidden).unwrap();
                prop_assert_eq!(serde_json::from_str::<Forbidden>(&text).unwrap(), forbidden);
            }
            Ok(score) => {
                prop_assert!(score.total <= 100);
                let criteria: Vec<_> = score.parts.iter().map(|p| p.criterion).collect();
                prop_assert_eq!(criteria, Criterion::ALL);
                let points: u32 = score.parts.iter().map(|p| u32::from(p.points)).sum();
                prop_assert_eq!(points, u32::from(score.total), "parts sum to the total");
                for part in &score.parts {
                    prop_assert!(part.fraction <= 1000);
                    prop_assert!(part.points <= part.max_points);
                    prop_assert_eq!(part.weight, ctx.weights.get(part.criterion));
                }
                // Against the formula in floating point: within half a point.
                let w = |p: &Part| f64::from(p.weight);
                let sum_w: f64 = score.parts.iter().map(w).sum();
                let weighted: f64 = score.parts.iter().map(|p| w(p) * f64::from(p.fraction)).sum();
                let exact = if sum_w == 0.0 { 0.0 } else { weighted / (10.0 * sum_w) };
                let total = f64::from(score.total);
                prop_assert!((total - exact).abs() <= 0.5 + 1e-9, "{} vs {}", total, exact);
            }
        }
    }

    #[test]
    fn waiting_longer_never_lowers_the_score(
        ctx in any_context(),
        mentor in any_mentor(),
        mentee in any_mentee(),
        extra in 0u32..300,
    ) {
        let longer = MenteeProfile { days_waiting: mentee.days_waiting + extra, ..mentee.clone() };
        let before = evaluate(&ctx, &mentor, &mentee).map(|s| s.total);
        let after = evaluate(&ctx, &mentor, &longer).map(|s| s.total);
        prop_assert_eq!(before.is_ok(), after.is_ok());
        if let (Ok(before), Ok(after)) = (before, after) {
            prop_assert!(after >= before);
        }
    }

    #[test]
    fn only_the_ratios_of_the_weights_matter(
        mentor in any_mentor(),
        mentee in any_mentee(),
        values in proptest::array::uniform7(0i64..=50),
    ) {
        let single = Context::new(Weights::parse(values).unwrap());
        let double = Context::new(Weights::parse(values.map(|w| 2 * w)).unwrap());
        let points = |ctx: &Context| evaluate(ctx, &mentor, &mentee)
            .map(|s| s.parts.iter().map(|p| p.points).collect::<Vec<_>>());
        prop_assert_eq!(points(&single), points(&double));
    }

    #[test]
    fn profiles_survive_the_trip_to_the_browser(mentor in any_mentor(), mentee in any_mentee()) {
        let text = serde_json::to_string(&mentor).unwrap();
        prop_assert_eq!(serde_json::from_str::<MentorProfile>(&text).unwrap(), mentor);
        let text = serde_json::to_string(&mentee).unwrap();
        prop_assert_eq!(serde_json::from_str::<MenteeProfile>(&text).unwrap(), mentee);
    }

    #[test]
    fn proposals_are_allowed_locked_one_to_one_and_optimal(instance in instance()) {
        let Instance { ctx, mentors, mentees, .. } = &instance;
        let locks = instance.locks();
        let proposals = propose(ctx, mentors, mentees, &locks).unwrap();
        prop_assert_eq!(&propose(ctx, mentors, mentees, &locks).unwrap(), &proposals);

        let mut mentor_ids: Vec<i32> = proposals.iter().map(|p| p.mentor_id).collect();
        let mut mentee_ids: Vec<i32> = proposals.iter().map(|p| p.mentee_id).collect();
        mentor_ids.sort();
        mentor_ids.dedup();
        mentee_ids.sort();
        mentee_ids.dedup();
        prop_assert_eq!(mentor_ids.len(), proposals.len(), "a mentor twice");
        prop_assert_eq!(mentee_ids.len(), proposals.len(), "a mentee twice");

        for p in &proposals {
            let mentor = mentors.iter().find(|m| m.id == p.mentor_id).unwrap();
            let mentee = mentees.iter().find(|m| m.id == p.mentee_id).unwrap();
            prop_assert!(!ctx.is_banned(p.mentor_id, p.mentee_id));
            prop_assert_eq!(evaluate(ctx, mentor, mentee), Ok(p.score.clone()));
            prop_assert_eq!(p.locked, locks.contains(&(p.mentor_id, p.mentee_id)));
        }
        for lock in &locks {
            prop_assert!(proposals.iter().any(|p| (p.mentor_id, p.mentee_id) == *lock));
        }
        let key = |p: &Proposal| (std::cmp::Reverse(p.score.total), p.mentee_id, p.mentor_id);
        prop_assert!(proposals.windows(2).all(|w| key(&w[0]) < key(&w[1])));

        let index_locks: Vec<(usize, usize)> = (locks.iter())
            .map(|&(m, e)| ((m - 1) as usize, (e - 101) as usize))
            .collect();
        let total: u32 = proposals.iter().map(|p| u32::from(p.score.total)).sum();
        prop_assert_eq!(total, brute_force(&instance.totals(), &index_locks));
    }

    #[test]
    fn top_k_is_sorted_stable_and_complete(
        instance in instance(),
        k in 0usize..7,
        seed in any::<u64>(),
    ) {
        let Instance { ctx, mentors, mentees, .. } = &instance;
        for mentee in mentees {
            let ranking = top_mentors(ctx, mentee, mentors, k);
            let allowed = mentors.iter().filter(|m| evaluate(ctx, m, mentee).is_ok()).count();
            prop_assert_eq!(ranking.allowed.len(), allowed.min(k));
            prop_assert_eq!(ranking.forbidden.len(), mentors.len() - allowed);
            let key = |c: &Candidate| (std::cmp::Reverse(c.score.total), c.id);
            prop_assert!(ranking.allowed.windows(2).all(|w| key(&w[0]) < key(&w[1])));
            // Nobody left out ranks above the last one kept.
            if let Some(last) = ranking.allowed.last() {
                for m in mentors {
                    if let Ok(score) = evaluate(ctx, m, mentee) {
                        let kept = ranking.allowed.iter().any(|c| c.id == m.id);
                        let candidate = Candidate { id: m.id, score };
                        prop_assert!(kept || key(&candidate) > key(last));
                    }
                }
            }
            // The input order does not matter.
            let mut shuffled = mentors.clone();
            shuffled.rotate_left((seed as usize) % mentors.len().max(1));
            shuffled.reverse();
            prop_assert_eq!(&top_mentors(ctx, mentee, &shuffled, k), &ranking);
        }
        for mentor in mentors {
            let ranking = top_mentees(ctx, mentor, mentees, k);
            let key = |c: &Candidate| (std::cmp::Reverse(c.score.total), c.id);
            prop_assert!(ranking.allowed.windows(2).all(|w| key(&w[0]) < key(&w[1])));
            prop_assert!(ranking.allowed.len() <= k);
        }
    }
}
