//! The matching score: may this mentor and this mentee be matched, and how well do they fit,
//! criterion by criterion. A pure, deterministic function of its inputs: integer arithmetic
//! throughout (fractions in thousandths), no clock, no database, so the browser and the
//! server always agree on every point.
//!
//! # Hard constraints
//!
//! Same city; mentor available; mentee waiting; one language both speak at working level or
//! better; every [`Must`] of the mentee; the pair not banned. [`evaluate`] returns
//! [`Forbidden`] with every reason that applies, so the board can say why.
//!
//! # Soft score
//!
//! Each [`Criterion`] gives a fraction `fᵢ` in thousandths (0..=1000):
//!
//! | criterion    | fraction                                                         |
//! |--------------|------------------------------------------------------------------|
//! | sector       | same sector `750 + 25·years` (full at 10); related: half; else 0 |
//! | availability | `min(shared, 2) / min(offered, 2)` slots; none offered: 0        |
//! | distance     | whole km: 1 up to 2 km, linear to 0 at 25 km; unknown: 0.5       |
//! | language     | best level both reach: basic 0, +0.25 a level, native 1          |
//! | waiting      | `min(days, 180) / 180`: the fairness bonus                       |
//! | experience   | `min(completed duos, 3) / 3`                                     |
//! | intake       | mean intake average (or the one known): 1 → 0, 5 → 1; else 0.5   |
//!
//! With the city's weights `wᵢ` (0..=100), `total = round(100 · Σ wᵢfᵢ / (1000 · Σ wᵢ))`,
//! rounding halves up; 0 when every weight is 0. Each [`Part`] gets its share
//! `100 · wᵢfᵢ / (1000 · Σ wᵢ)` rounded by largest remainder (ties to the earlier criterion
//! in [`Criterion::ALL`]), so the parts add up to the total exactly.
//!
//! # Proposals
//!
//! [`top_mentors`] and [`top_mentees`] rank one person's candidates; [`propose`] solves the
//! whole city exactly with `assignment::solve_with` (rows are mentees, columns mentors).

mod context;
mod criteria;
mod geo;
mod profile;
mod proposals;
mod rank;
mod rules;
mod weights;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::domain::reference::LanguageLevel;

pub use context::Context;
pub use profile::{IntakeAverage, Location, MAX_MUST_KM, MenteeProfile, MentorProfile, Must};
pub use proposals::{Proposal, ProposeError, proposal_graph, propose};
pub use rank::{Candidate, Excluded, Ranking, top_mentees, top_mentors};
pub use rules::{Forbidden, Reason};
pub use weights::{Criterion, MAX_WEIGHT, WeightError, Weights};

/// An allowed pair's score out of 100, and how each criterion contributed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Score {
    pub total: u8,
    /// One per criterion, in [`Criterion::ALL`] order, weight 0 included; their `points` add
    /// up to `total`.
    pub parts: Vec<Part>,
}

/// One criterion's contribution to a [`Score`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Part {
    pub criterion: Criterion,
    /// The city's weight for it, 0..=100.
    pub weight: u8,
    /// How well the pair does on it, in thousandths (see the module docs).
    pub fraction: u16,
    /// Its share of the total.
    pub points: u8,
    /// The most it can give with these weights: `100 · wᵢ / Σ w`, rounded up. Equal to the
    /// weight when the weights add up to 100; then the maxima add up to 100 too.
    pub max_points: u8,
    pub detail: Detail,
}

/// The facts behind a part, for the UI to word in the reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Detail {
    /// The mentor worked in one of the mentee's goal sectors.
    SameSector {
        sector_id: i32,
        years: u8,
    },
    RelatedSector {
        mentor_sector_id: i32,
        mentee_sector_id: i32,
        years: u8,
    },
    NoSector,
    /// `shared` of the `offered` weekly slots of the mentee.
    SharedSlots {
        shared: u32,
        offered: u32,
    },
    DistanceKm {
        km: u32,
    },
    DistanceUnknown,
    /// The best language both speak, at the lower of their two levels.
    Language {
        language_id: i32,
        level: LanguageLevel,
    },
    /// Never in a score that `evaluate` returns: such a pair is forbidden.
    NoSharedLanguage,
    Waiting {
        days: u32,
    },
    CompletedDuos {
        count: u32,
    },
    /// The mean intake average, in tenths (10..=50).
    Intake {
        average_tenths: u8,
    },
    IntakeUnknown,
}

/// Checks the hard constraints, then scores the pair.
pub fn evaluate(
    ctx: &Context,
    mentor: &MentorProfile,
    mentee: &MenteeProfile,
) -> Result<Score, Forbidden> {
    let facts = assess(ctx, mentor, mentee)?;
    Ok(Score::from_facts(ctx.weights, &facts))
}

/// The pair's total, or `None` when forbidden; what the solver needs, without the parts.
fn allowed_total(ctx: &Context, mentor: &MentorProfile, mentee: &MenteeProfile) -> Option<u8> {
    let facts = assess(ctx, mentor, mentee).ok()?;
    Some(total_of(ctx.weights, &facts))
}

fn assess(
    ctx: &Context,
    mentor: &MentorProfile,
    mentee: &MenteeProfile,
) -> Result<[criteria::Fact; Criterion::COUNT], Forbidden> {
    let km = match (mentor.location, mentee.location) {
        (Some(a), Some(b)) => Some(geo::whole_km(a, b)),
        _ => None,
    };
    let language = criteria::best_language(mentor, mentee);
    let reasons = rules::reasons(ctx, mentor, mentee, km, language);
    if !reasons.is_empty() {
        return Err(Forbidden { reasons });
    }
    Ok(criteria::facts(ctx, mentor, mentee, km, language))
}

/// `Σ wᵢfᵢ` and its denominator `10 · Σ wᵢ`, so that a part's exact points are
/// `wᵢfᵢ / denominator`; the denominator is 0 when every weight is.
fn weighted(weights: Weights, facts: &[criteria::Fact]) -> (u32, u32) {
    let numerator = (weights.values().iter().zip(facts))
        .map(|(&w, &(f, _))| u32::from(w) * u32::from(f))
        .sum();
    (numerator, 10 * weights.sum())
}

fn total_of(weights: Weights, facts: &[criteria::Fact]) -> u8 {
    match weighted(weights, facts) {
        (_, 0) => 0,
        (numerator, denominator) => criteria::div_round(numerator, denominator) as u8,
    }
}

impl Score {
    fn from_facts(weights: Weights, facts: &[criteria::Fact; Criterion::COUNT]) -> Score {
        let total = total_of(weights, facts);
        let sum = weights.sum();
        let denominator = 10 * sum;
        let mut parts: Vec<Part> = (Criterion::ALL.iter().zip(facts))
            .map(|(&criterion, &(fraction, detail))| {
                let weight = weights.get(criterion);
                let exact = u32::from(weight) * u32::from(fraction);
                Part {
                    criterion,
                    weight,
                    fraction,
                    points: exact.checked_div(denominator).unwrap_or(0) as u8,
                    max_points: (100 * u32::from(weight)).div_ceil(sum.max(1)) as u8,
                    detail,
                }
            })
            .collect();
        // Largest remainder: the points still missing go to the parts that lost the most to
        // rounding down. There are never more missing points than parts with a remainder.
        let floors: u32 = parts.iter().map(|part| u32::from(part.points)).sum();
        let mut order: Vec<(u32, usize)> = (parts.iter().enumerate())
            .map(|(index, part)| {
                let exact = u32::from(part.weight) * u32::from(part.fraction);
                (exact.checked_rem(denominator).unwrap_or(0), index)
            })
            .collect();
        order.sort_by_key(|&(remainder, index)| (std::cmp::Reverse(remainder), index));
        let missing = u32::from(total).saturating_sub(floors) as usize;
        for &(_, index) in order.iter().take(missing) {
            parts[index].points += 1;
        }
        Score { total, parts }
    }
}
