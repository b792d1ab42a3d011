//! Scenario tables: which of two pairs a coordinator would rank higher, and which pairs the
//! hard constraints forbid, with every reason.

use std::cmp::Ordering::{self, Equal, Greater, Less};

use super::*;

struct Comparison {
    name: &'static str,
    ctx: Context,
    a: Pair,
    b: Pair,
    /// How `a`'s total compares to `b`'s.
    expected: Ordering,
}

#[test]
fn scenarios_rank_pairs_as_a_coordinator_would() {
    let ctx = context();
    let base = |name, a, b, expected| Comparison {
        name,
        ctx: ctx.clone(),
        a,
        b,
        expected,
    };
    let near_related = with_mentor(|m| {
        m.sectors = vec![(MARKETING, 5)];
        m.location = km_north(2.0);
    });
    let table = [
        base(
            "same sector beats related sector",
            with_mentor(|m| m.sectors = vec![(SALES, 0)]),
            with_mentor(|m| m.sectors = vec![(MARKETING, 30)]),
            Greater,
        ),
        base(
            "related sector beats no sector",
            with_mentor(|m| m.sectors = vec![(MARKETING, 0)]),
            with_mentor(|m| m.sectors = vec![(CARE, 30)]),
            Greater,
        ),
        base(
            "a sector relation counts both ways",
            with_mentee(|m| m.goal_sectors = vec![MARKETING]),
            with_mentor(|m| m.sectors = vec![(MARKETING, 5)]),
            Equal,
        ),
        base(
            "more years in the same sector score higher",
            with_mentor(|m| m.sectors = vec![(SALES, 10)]),
            with_mentor(|m| m.sectors = vec![(SALES, 0)]),
            Greater,
        ),
        base(
            "more shared slots score higher",
            with_mentor(|m| m.slots = slots(&["mon-morning", "sat-morning"])),
            with_mentor(|m| m.slots = slots(&["mon-morning", "tue-morning"])),
            Greater,
        ),
        base(
            "shared slots saturate at two",
            with_mentor(|m| m.slots = slots(&["mon-morning", "wed-evening", "sat-morning"])),
            with_mentor(|m| m.slots = slots(&["mon-morning", "wed-evening"])),
            Equal,
        ),
        base(
            "closer beats farther",
            with_mentor(|m| m.location = km_north(2.0)),
            with_mentor(|m| m.location = km_north(-12.0)),
            Greater,
        ),
        base(
            "unknown distance ranks below a near mentor",
            with_mentor(|m| m.location = None),
            with_mentor(|m| m.location = km_north(4.0)),
            Less,
        ),
        base(
            "unknown distance ranks above a far mentor",
            with_mentor(|m| m.location = None),
            with_mentor(|m| m.location = km_north(30.0)),
            Greater,
        ),
        base(
            "a better shared language scores higher",
            with_mentee(|m| m.languages = vec![(FR, Native)]),
            with_mentee(|m| m.languages = vec![(FR, Working)]),
            Greater,
        ),
        base(
            "longer waiting scores higher",
            with_mentee(|m| m.days_waiting = 150),
            with_mentee(|m| m.days_waiting = 10),
            Greater,
        ),
        base(
            "waiting saturates at 180 days",
            with_mentee(|m| m.days_waiting = 400),
            with_mentee(|m| m.days_waiting = 180),
            Equal,
        ),
        base(
            "more completed duos score higher",
            with_mentor(|m| m.completed_duos = 2),
            with_mentor(|m| m.completed_duos = 0),
            Greater,
        ),
        base(
            "better intake averages score higher",
            with_mentor(|m| m.intake = intake(45)),
            with_mentor(|m| m.intake = intake(20)),
            Greater,
        ),
        base(
            "by default a far mentor in the sector beats a near one in a related sector",
            with_mentor(|m| m.location = km_north(-17.0)),
            near_related.clone(),
            Greater,
        ),
        Comparison {
            name: "a city weighting distance prefers the near mentor",
            ctx: Context::new(weights([10, 20, 100, 10, 15, 5, 5]))
                .with_related_sectors([(MARKETING, SALES)]),
            a: with_mentor(|m| m.location = km_north(-17.0)),
            b: near_related,
            expected: Less,
        },
    ];
    for row in table {
        let (a, b) = (score(&row.ctx, &row.a), score(&row.ctx, &row.b));
        assert_eq!(a.total.cmp(&b.total), row.expected, "{}", row.name);
    }
}

struct ForbiddenRow {
    name: &'static str,
    ctx: Context,
    pair: Pair,
    reasons: Vec<Reason>,
}

#[test]
fn hard_constraints_forbid_with_every_reason() {
    let row = |name, pair, reasons| ForbiddenRow {
        name,
        ctx: context(),
        pair,
        reasons,
    };
    let table = [
        row(
            "other city is forbidden",
            with_mentee(|m| m.city_id = 2),
            vec![Reason::OtherCity {
                mentor_city_id: 1,
                mentee_city_id: 2,
            }],
        ),
        row(
            "a mentor who is not available",
            with_mentor(|m| m.available = false),
            vec![Reason::MentorUnavailable],
        ),
        row(
            "a mentee who is not waiting",
            with_mentee(|m| m.waiting = false),
            vec![Reason::MenteeNotWaiting],
        ),
        row(
            "no shared language is forbidden",
            with_mentor(|m| m.languages = vec![(NL, Native), (EN, Fluent)]),
            vec![Reason::NoWorkingLanguage],
        ),
        row(
            "a shared language below working level on one side",
            with_mentee(|m| m.languages = vec![(FR, Intermediate), (NL, Native)]),
            vec![Reason::NoWorkingLanguage],
        ),
        row(
            "must: same sector, a related one is not enough",
            (
                MentorProfile {
                    sectors: vec![(MARKETING, 20)],
                    ..mentor(1)
                },
                MenteeProfile {
                    musts: vec![Must::SameSector],
                    ..mentee(100)
                },
            ),
            vec![Reason::Must(Must::SameSector)],
        ),
        row(
            "must: a shared slot",
            (
                MentorProfile {
                    slots: slots(&["sun-evening"]),
                    ..mentor(1)
                },
                MenteeProfile {
                    musts: vec![Must::SharedSlot],
                    ..mentee(100)
                },
            ),
            vec![Reason::Must(Must::SharedSlot)],
        ),
        row(
            "must: within a distance",
            with_mentee(|m| m.musts = vec![Must::WithinKm(2)]),
            vec![Reason::Must(Must::WithinKm(2))],
        ),
        row(
            "must: within a distance needs both locations",
            (
                MentorProfile {
                    location: None,
                    ..mentor(1)
                },
                MenteeProfile {
                    musts: vec![Must::WithinKm(50)],
                    ..mentee(100)
                },
            ),
            vec![Reason::Must(Must::WithinKm(50))],
        ),
        row(
            "a must recorded twice is one reason",
            (
                MentorProfile {
                    slots: WeeklySlots::EMPTY,
                    ..mentor(1)
                },
                MenteeProfile {
                    musts: vec![Must::SharedSlot, Must::WithinKm(3), Must::SharedSlot],
                    ..mentee(100)
                },
            ),
            vec![Reason::Must(Must::SharedSlot)],
        ),
        ForbiddenRow {
            name: "banned pair is forbidden",
            ctx: context().with_bans([(1, 100)]),
            pair: (mentor(1), mentee(100)),
            reasons: vec![Reason::Banned],
        },
        ForbiddenRow {
            name: "every reason is listed, in order",
            ctx: context().with_bans([(1, 100)]),
            pair: (
                MentorProfile {
                    city_id: 3,
                    available: false,
                    languages: vec![(EN, Native)],
                    sectors: vec![],
                    location: None,
                    ..mentor(1)
                },
                MenteeProfile {
                    waiting: false,
                    musts: vec![Must::WithinKm(5), Must::SharedSlot, Must::SameSector],
                    ..mentee(100)
                },
            ),
            reasons: vec![
                Reason::OtherCity {
                    mentor_city_id: 3,
                    mentee_city_id: 1,
                },
                Reason::MentorUnavailable,
                Reason::MenteeNotWaiting,
                Reason::NoWorkingLanguage,
                Reason::Must(Must::WithinKm(5)),
                Reason::Must(Must::SameSector),
                Reason::Banned,
            ],
        },
    ];
    for row in table {
        let (mentor, mentee) = &row.pair;
        let result = evaluate(&row.ctx, mentor, mentee);
        let expected = Err(Forbidden {
            reasons: row.reasons,
        });
        assert_eq!(result, expected, "{}", row.name);
    }
}

#[test]
fn musts_that_hold_allow_the_pair() {
    let table = [
        ("same sector", Must::SameSector),
        ("a shared slot", Must::SharedSlot),
        ("exactly at the limit, in whole km", Must::WithinKm(3)),
        ("well within", Must::WithinKm(40)),
    ];
    for (name, must) in table {
        let (mentor, mentee) = with_mentee(|m| m.musts = vec![must]);
        assert!(evaluate(&context(), &mentor, &mentee).is_ok(), "{name}");
    }
    // A ban concerns that pair only.
    let ctx = context().with_bans([(1, 101), (2, 100)]);
    assert!(evaluate(&ctx, &mentor(1), &mentee(100)).is_ok());
}
