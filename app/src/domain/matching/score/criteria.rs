//! The seven soft criteria: each gives a fraction in thousandths and the facts behind it.
//! The formulas are listed in the `score` module documentation.

use std::cmp::Reverse;

use crate::domain::reference::LanguageLevel;

use super::Detail;
use super::context::Context;
use super::profile::{IntakeAverage, MenteeProfile, MentorProfile};
use super::weights::Criterion;

/// A whole criterion, in thousandths.
const FULL: u16 = 1000;
/// What an unknown distance or intake average is worth: neither a bonus nor a penalty.
const NEUTRAL: u16 = 500;

const SECTOR_BASE: u16 = 750;
const SECTOR_PER_YEAR: u16 = 25;
const SECTOR_FULL_YEARS: u8 = 10;
/// Two shared slots leave room for one two-hour meeting a week, and a spare.
const SLOTS_FOR_FULL: u32 = 2;
const NEAR_KM: u32 = 2;
const FAR_KM: u32 = 25;
const WAITING_FULL_DAYS: u32 = 180;
const DUOS_FOR_FULL: u32 = 3;

pub(super) type Fact = (u16, Detail);

/// Every criterion's fact in [`Criterion::ALL`] order; `km` and `language` are worked out
/// once by the caller because the hard constraints need them too.
pub(super) fn facts(
    ctx: &Context,
    mentor: &MentorProfile,
    mentee: &MenteeProfile,
    km: Option<u32>,
    language: Option<(i32, LanguageLevel)>,
) -> [Fact; Criterion::COUNT] {
    std::array::from_fn(|index| match Criterion::ALL[index] {
        Criterion::Sector => sector(ctx, mentor, mentee),
        Criterion::Availability => availability(mentor, mentee),
        Criterion::Distance => distance(km),
        Criterion::Language => self::language(language),
        Criterion::Waiting => waiting(mentee.days_waiting),
        Criterion::Experience => experience(mentor.completed_duos),
        Criterion::Intake => intake(mentor, mentee),
    })
}

/// Same sector: `750 + 25 × years` (full from 10 years); a related sector: half that,
/// rounded down; neither: 0. The best mentor sector × goal sector combination counts; ties
/// go to the lowest goal sector id, then the lowest mentor sector id.
pub(super) fn sector(ctx: &Context, mentor: &MentorProfile, mentee: &MenteeProfile) -> Fact {
    let mut best: Option<(u16, Reverse<i32>, Reverse<i32>, u8)> = None;
    for &(mentor_sector, years) in &mentor.sectors {
        let same = SECTOR_BASE + SECTOR_PER_YEAR * u16::from(years.min(SECTOR_FULL_YEARS));
        for &goal in &mentee.goal_sectors {
            let fraction = if goal == mentor_sector {
                same
            } else if ctx.are_related(mentor_sector, goal) {
                same / 2
            } else {
                continue;
            };
            let key = (fraction, Reverse(goal), Reverse(mentor_sector), years);
            if best.is_none_or(|best| key > best) {
                best = Some(key);
            }
        }
    }
    match best {
        None => (0, Detail::NoSector),
        Some((fraction, Reverse(goal), Reverse(mentor_sector), years)) if goal == mentor_sector => {
            (
                fraction,
                Detail::SameSector {
                    sector_id: goal,
                    years,
                },
            )
        }
        Some((fraction, Reverse(goal), Reverse(mentor_sector), years)) => (
            fraction,
            Detail::RelatedSector {
                mentor_sector_id: mentor_sector,
                mentee_sector_id: goal,
                years,
            },
        ),
    }
}

/// Shared slots over what the mentee offers, counting at most two on either side: 2 shared
/// slots (or the mentee's only slot) give 1.0, one of several gives 0.5.
pub(super) fn availability(mentor: &MentorProfile, mentee: &MenteeProfile) -> Fact {
    let shared = mentor.slots.overlap(&mentee.slots);
    let offered = mentee.slots.len();
    let needed = offered.min(SLOTS_FOR_FULL);
    let fraction = match needed {
        0 => 0,
        _ => shared.min(needed) * u32::from(FULL) / needed,
    };
    (fraction as u16, Detail::SharedSlots { shared, offered })
}

/// 1.0 up to 2 km, falling linearly to 0 at 25 km (in whole km); unknown: 0.5.
pub(super) fn distance(km: Option<u32>) -> Fact {
    let Some(km) = km else {
        return (NEUTRAL, Detail::DistanceUnknown);
    };
    let fraction = if km <= NEAR_KM {
        FULL
    } else if km >= FAR_KM {
        0
    } else {
        div_round((FAR_KM - km) * u32::from(FULL), FAR_KM - NEAR_KM)
    };
    (fraction, Detail::DistanceKm { km })
}

/// The best language both speak, at the lower of the two levels; ties go to the lowest id.
pub(super) fn best_language(
    mentor: &MentorProfile,
    mentee: &MenteeProfile,
) -> Option<(i32, LanguageLevel)> {
    let mut best: Option<(LanguageLevel, Reverse<i32>)> = None;
    for &(language, mentor_level) in &mentor.languages {
        for &(_, mentee_level) in mentee.languages.iter().filter(|(id, _)| *id == language) {
            let key = (mentor_level.min(mentee_level), Reverse(language));
            if best.is_none_or(|best| key > best) {
                best = Some(key);
            }
        }
    }
    best.map(|(level, Reverse(language))| (language, level))
}

/// The shared level on a linear scale: basic 0, intermediate 0.25, working 0.5, fluent 0.75,
/// native 1.0. Allowed pairs always share a working level, so they score 0.5 or more.
pub(super) fn language(best: Option<(i32, LanguageLevel)>) -> Fact {
    let Some((language_id, level)) = best else {
        return (0, Detail::NoSharedLanguage);
    };
    let steps = LanguageLevel::ALL.len() as u16 - 1;
    let fraction = level as u16 * FULL / steps;
    (fraction, Detail::Language { language_id, level })
}

/// Linear in the days waited, full from 180 days: the fairness bonus.
pub(super) fn waiting(days: u32) -> Fact {
    let fraction = div_round(
        days.min(WAITING_FULL_DAYS) * u32::from(FULL),
        WAITING_FULL_DAYS,
    );
    (fraction, Detail::Waiting { days })
}

/// Linear in completed duos, full from 3.
pub(super) fn experience(count: u32) -> Fact {
    let fraction = div_round(count.min(DUOS_FOR_FULL) * u32::from(FULL), DUOS_FOR_FULL);
    (fraction, Detail::CompletedDuos { count })
}

/// The mean of the two intake averages (or the one known), rounded half up to tenths, mapped
/// linearly from 1.0 → 0 to 5.0 → 1.0; neither known: 0.5.
pub(super) fn intake(mentor: &MentorProfile, mentee: &MenteeProfile) -> Fact {
    let tenths = |side: Option<IntakeAverage>| side.map(|a| u16::from(a.tenths()));
    let average_tenths = match (tenths(mentor.intake), tenths(mentee.intake)) {
        (None, None) => return (NEUTRAL, Detail::IntakeUnknown),
        // Half a tenth rounds up.
        (Some(a), Some(b)) => (a + b).div_ceil(2),
        (Some(one), None) | (None, Some(one)) => one,
    };
    let fraction = (average_tenths - 10) * 25;
    (
        fraction,
        Detail::Intake {
            average_tenths: average_tenths as u8,
        },
    )
}

/// `n / d` rounded half up, for `d > 0`.
pub(super) fn div_round(n: u32, d: u32) -> u16 {
    ((2 * n + d) / (2 * d)) as u16
}
