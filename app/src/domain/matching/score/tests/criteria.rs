//! Each criterion's fraction and facts, and how the points are shared out.

use super::*;

struct DetailRow {
    name: &'static str,
    pair: Pair,
    criterion: Criterion,
    fraction: u16,
    detail: Detail,
}

#[test]
fn each_criterion_states_its_fraction_and_facts() {
    use Criterion::*;
    let row = |name, pair, criterion, fraction, detail| DetailRow {
        name,
        pair,
        criterion,
        fraction,
        detail,
    };
    let same = |sector_id, years| Detail::SameSector { sector_id, years };
    let km = |km| Detail::DistanceKm { km };
    let table = [
        row(
            "same sector, 5 years",
            with_mentor(|_| ()),
            Sector,
            875,
            same(SALES, 5),
        ),
        row(
            "same sector, full from 10 years",
            with_mentor(|m| m.sectors = vec![(SALES, 12)]),
            Sector,
            1000,
            same(SALES, 12),
        ),
        row(
            "related sector: half, rounded down",
            with_mentor(|m| m.sectors = vec![(MARKETING, 5)]),
            Sector,
            437,
            Detail::RelatedSector {
                mentor_sector_id: MARKETING,
                mentee_sector_id: SALES,
                years: 5,
            },
        ),
        row(
            "an exact sector wins over a related one with more years",
            with_mentor(|m| m.sectors = vec![(MARKETING, 20), (SALES, 0)]),
            Sector,
            750,
            same(SALES, 0),
        ),
        row(
            "no sector",
            with_mentor(|m| m.sectors = vec![(CARE, 20)]),
            Sector,
            0,
            Detail::NoSector,
        ),
        row(
            "one of several slots: half",
            with_mentor(|m| m.slots = slots(&["mon-morning", "fri-evening"])),
            Availability,
            500,
            Detail::SharedSlots {
                shared: 1,
                offered: 3,
            },
        ),
        row(
            "the mentee's only slot: full",
            with_mentee(|m| m.slots = slots(&["wed-evening"])),
            Availability,
            1000,
            Detail::SharedSlots {
                shared: 1,
                offered: 1,
            },
        ),
        row(
            "no slot offered",
            with_mentee(|m| m.slots = WeeklySlots::EMPTY),
            Availability,
            0,
            Detail::SharedSlots {
                shared: 0,
                offered: 0,
            },
        ),
        row(
            "0 km",
            with_mentee(|m| m.location = km_north(0.0)),
            Distance,
            1000,
            km(0),
        ),
        row(
            "2 km",
            with_mentee(|m| m.location = km_north(2.0)),
            Distance,
            1000,
            km(2),
        ),
        row(
            "3 km",
            with_mentee(|m| m.location = km_north(3.0)),
            Distance,
            957,
            km(3),
        ),
        row(
            "14 km",
            with_mentee(|m| m.location = km_north(-14.0)),
            Distance,
            478,
            km(14),
        ),
        row(
            "24 km",
            with_mentee(|m| m.location = km_north(24.0)),
            Distance,
            43,
            km(24),
        ),
        row(
            "25 km",
            with_mentee(|m| m.location = km_north(25.0)),
            Distance,
            0,
            km(25),
        ),
        row(
            "unknown distance is neutral",
            with_mentee(|m| m.location = None),
            Distance,
            500,
            Detail::DistanceUnknown,
        ),
        row(
            "the lower of the two levels",
            with_mentor(|_| ()),
            Language,
            750,
            Detail::Language {
                language_id: FR,
                level: Fluent,
            },
        ),
        row(
            "the best shared language, ties to the lowest id",
            (
                MentorProfile {
                    languages: vec![(EN, Native), (NL, Native), (FR, Working)],
                    ..mentor(1)
                },
                MenteeProfile {
                    languages: vec![(FR, Native), (EN, Fluent), (NL, Native), (NL, Fluent)],
                    ..mentee(100)
                },
            ),
            Language,
            1000,
            Detail::Language {
                language_id: NL,
                level: Native,
            },
        ),
        row(
            "no waiting",
            with_mentee(|m| m.days_waiting = 0),
            Waiting,
            0,
            Detail::Waiting { days: 0 },
        ),
        row(
            "90 days",
            with_mentee(|m| m.days_waiting = 90),
            Waiting,
            500,
            Detail::Waiting { days: 90 },
        ),
        row(
            "a year",
            with_mentee(|m| m.days_waiting = 365),
            Waiting,
            1000,
            Detail::Waiting { days: 365 },
        ),
        row(
            "first duo",
            with_mentor(|m| m.completed_duos = 0),
            Experience,
            0,
            Detail::CompletedDuos { count: 0 },
        ),
        row(
            "two duos",
            with_mentor(|m| m.completed_duos = 2),
            Experience,
            667,
            Detail::CompletedDuos { count: 2 },
        ),
        row(
            "seven duos",
            with_mentor(|m| m.completed_duos = 7),
            Experience,
            1000,
            Detail::CompletedDuos { count: 7 },
        ),
        row(
            "no intake score",
            with_mentor(|_| ()),
            Intake,
            500,
            Detail::IntakeUnknown,
        ),
        row(
            "both intake averages, rounded half up",
            (
                MentorProfile {
                    intake: intake(30),
                    ..mentor(1)
                },
                MenteeProfile {
                    intake: intake(41),
                    ..mentee(100)
                },
            ),
            Intake,
            650,
            Detail::Intake { average_tenths: 36 },
        ),
        row(
            "one side's intake average",
            with_mentee(|m| m.intake = intake(50)),
            Intake,
            1000,
            Detail::Intake { average_tenths: 50 },
        ),
        row(
            "the lowest intake average",
            with_mentor(|m| m.intake = intake(10)),
            Intake,
            0,
            Detail::Intake { average_tenths: 10 },
        ),
    ];
    for row in table {
        let part = score(&context(), &row.pair).parts[row.criterion.index()];
        assert_eq!(part.criterion, row.criterion, "{}", row.name);
        assert_eq!(
            (part.fraction, part.detail),
            (row.fraction, row.detail),
            "{}",
            row.name
        );
    }
}

#[test]
fn all_zero_weights_give_0_without_panicking() {
    let ctx = Context::new(Weights::ZERO);
    let score = score(&ctx, &(mentor(1), mentee(100)));
    assert_eq!(score.total, 0);
    assert!(
        score
            .parts
            .iter()
            .all(|p| p.points == 0 && p.max_points == 0)
    );
    assert_eq!(
        score.parts[0].fraction, 875,
        "fractions are still explained"
    );
    // The hard constraints still hold.
    let (mentor, mentee) = with_mentee(|m| m.city_id = 9);
    assert!(evaluate(&ctx, &mentor, &mentee).is_err());
}

#[test]
fn parts_sum_to_the_total() {
    let table: [(&str, [i64; Criterion::COUNT], Pair); 4] = [
        (
            "default weights",
            Weights::DEFAULT.values().map(i64::from),
            (mentor(1), mentee(100)),
        ),
        (
            "one criterion only",
            [0, 0, 0, 0, 1, 0, 0],
            with_mentee(|m| m.days_waiting = 45),
        ),
        (
            "weights above 100 in total",
            [100; 7],
            with_mentor(|m| m.location = None),
        ),
        (
            "thirds",
            [1, 1, 1, 0, 0, 0, 0],
            with_mentor(|m| m.sectors = vec![]),
        ),
    ];
    for (name, values, pair) in table {
        let score = score(&Context::new(weights(values)), &pair);
        let sum: u32 = score.parts.iter().map(|p| u32::from(p.points)).sum();
        assert_eq!(sum, u32::from(score.total), "{name}");
        assert!(
            score.parts.iter().all(|p| p.points <= p.max_points),
            "{name}"
        );
    }
    // Thirds: sector 0, availability and distance full: 66.7 → 67 points, the odd one going
    // to the earlier criterion; each maximum is 33.3 rounded up.
    let pair = with_mentor(|m| {
        m.sectors = vec![];
        m.location = km_north(3.0);
    });
    let score = score(&Context::new(weights([1, 1, 1, 0, 0, 0, 0])), &pair);
    let points: Vec<u8> = score.parts.iter().map(|p| p.points).collect();
    assert_eq!((score.total, &points[..3]), (67, &[0, 34, 33][..]));
    let max: Vec<u8> = score.parts.iter().map(|p| p.max_points).collect();
    assert_eq!(max, [34, 34, 34, 0, 0, 0, 0]);
}
