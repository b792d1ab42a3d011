//! Tests of the score: shared fixtures and a worked example here; scenario tables in
//! `scenarios.rs` (rankings and hard constraints), `criteria.rs` (each criterion's fraction
//! and the points), `proposals.rs` (lists and proposals) and `wire.rs` (parsing and JSON);
//! property tests in `properties.rs`.

mod criteria;
mod properties;
mod proposals;
mod scenarios;
mod wire;

use super::*;
use crate::domain::reference::LanguageLevel::{Fluent, Intermediate, Native, Working};
use crate::domain::weekly_slots::WeeklySlots;

const FR: i32 = 1;
const NL: i32 = 2;
const EN: i32 = 3;

const SALES: i32 = 30;
/// Related to `SALES` in `context()`.
const MARKETING: i32 = 31;
const CARE: i32 = 40;

const BRUSSELS: (f64, f64) = (50.846_7, 4.352_5);

/// A point `km` north of Brussels along its meridian (one degree is 111.195 km there).
fn km_north(km: f64) -> Option<Location> {
    Location::from_degrees(BRUSSELS.0 + km / 111.195, BRUSSELS.1)
}

fn slots(codes: &[&str]) -> WeeklySlots {
    WeeklySlots::parse(codes.iter().copied()).unwrap()
}

/// Five years in sales, native French, two slots, in Brussels, one duo done.
fn mentor(id: i32) -> MentorProfile {
    MentorProfile {
        id,
        city_id: 1,
        available: true,
        sectors: vec![(SALES, 5)],
        languages: vec![(FR, Native)],
        slots: slots(&["mon-morning", "wed-evening"]),
        location: km_north(0.0),
        completed_duos: 1,
        intake: None,
    }
}

/// Aims at sales, fluent French, three slots (two shared with `mentor`), 3 km away, 60 days.
fn mentee(id: i32) -> MenteeProfile {
    MenteeProfile {
        id,
        city_id: 1,
        waiting: true,
        goal_sectors: vec![SALES],
        languages: vec![(FR, Fluent)],
        slots: slots(&["mon-morning", "wed-evening", "sat-morning"]),
        location: km_north(3.0),
        days_waiting: 60,
        intake: None,
        musts: vec![],
    }
}

fn context() -> Context {
    Context::new(Weights::DEFAULT).with_related_sectors([(MARKETING, SALES)])
}

fn weights(values: [i64; Criterion::COUNT]) -> Weights {
    Weights::parse(values).unwrap()
}

fn score(ctx: &Context, (mentor, mentee): &Pair) -> Score {
    evaluate(ctx, mentor, mentee).expect("an allowed pair")
}

type Pair = (MentorProfile, MenteeProfile);

fn with_mentor(change: impl FnOnce(&mut MentorProfile)) -> Pair {
    let mut m = mentor(1);
    change(&mut m);
    (m, mentee(100))
}

fn with_mentee(change: impl FnOnce(&mut MenteeProfile)) -> Pair {
    let mut m = mentee(100);
    change(&mut m);
    (mentor(1), m)
}

fn intake(tenths: u8) -> Option<IntakeAverage> {
    IntakeAverage::from_tenths(tenths)
}

#[test]
fn worked_example_with_the_default_weights() {
    let score = score(&context(), &(mentor(1), mentee(100)));
    let fractions: Vec<u16> = score.parts.iter().map(|p| p.fraction).collect();
    // sector 5 years; 2 of 3 slots; 3 km; fluent; 60 days; 1 duo; intake unknown.
    assert_eq!(fractions, [875, 1000, 957, 750, 333, 333, 500]);
    // Σ wᵢfᵢ = 77 265 thousandths of a point: 77; floors 26+20+14+7+4+1+2 = 74, and the three
    // missing points go to the largest remainders: waiting .995, experience .665, then
    // language .5 (before intake .5, which comes later in the list).
    assert_eq!(score.total, 77);
    let points: Vec<u8> = score.parts.iter().map(|p| p.points).collect();
    assert_eq!(points, [26, 20, 14, 8, 5, 2, 2]);
    let max: Vec<u8> = score.parts.iter().map(|p| p.max_points).collect();
    assert_eq!(max, Weights::DEFAULT.values());
    let criteria: Vec<Criterion> = score.parts.iter().map(|p| p.criterion).collect();
    assert_eq!(criteria, Criterion::ALL);
}
