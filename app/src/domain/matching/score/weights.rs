//! The criteria of the soft score and a city's weights for them.

use serde::{Deserialize, Serialize};

use crate::domain::error::ErrorCode;
use crate::domain::string_enum::string_enum;

string_enum! {
    /// One part of the soft score. `ALL` is the order in which parts are listed and in which
    /// rounding leftovers are handed out.
    #[derive(PartialOrd, Ord)]
    pub enum Criterion {
        Sector = "sector",
        Availability = "availability",
        Distance = "distance",
        Language = "language",
        Waiting = "waiting",
        Experience = "experience",
        Intake = "intake",
    }
}

impl Criterion {
    pub const COUNT: usize = 7;

    /// Position in [`Criterion::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

const _: () = assert!(Criterion::ALL.len() == Criterion::COUNT);

/// The largest weight an admin can give a criterion.
pub const MAX_WEIGHT: u8 = 100;

/// A city's weight for each criterion, each `0..=MAX_WEIGHT`. Only their ratios matter: the
/// total is always out of 100. When every weight is 0 the total is 0.
///
/// Serialised as an object with one field per criterion, e.g. `{"sector":30,…}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "ByName", into = "ByName")]
pub struct Weights([u8; Criterion::COUNT]);

/// Why weights were refused: the first criterion, in `Criterion::ALL` order, out of range.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
#[error("weight for {criterion}: {code}")]
pub struct WeightError {
    pub criterion: Criterion,
    pub code: ErrorCode,
}

impl Weights {
    /// Sector fit first, then the practical criteria (slots, distance, waiting time); they add
    /// up to 100, so each weight is also the criterion's maximum number of points.
    pub const DEFAULT: Weights = Weights([30, 20, 15, 10, 15, 5, 5]);

    /// Every criterion off: every allowed pair scores 0.
    pub const ZERO: Weights = Weights([0; Criterion::COUNT]);

    /// Takes one value per criterion in [`Criterion::ALL`] order, as stored in the
    /// `matching_weights` row.
    pub fn parse(values: [i64; Criterion::COUNT]) -> Result<Weights, WeightError> {
        let mut weights = [0; Criterion::COUNT];
        for (&criterion, (&value, weight)) in
            Criterion::ALL.iter().zip(values.iter().zip(&mut weights))
        {
            *weight = u8::try_from(value)
                .ok()
                .filter(|v| *v <= MAX_WEIGHT)
                .ok_or(WeightError {
                    criterion,
                    code: ErrorCode::OutOfRange {
                        min: 0,
                        max: MAX_WEIGHT.into(),
                    },
                })?;
        }
        Ok(Weights(weights))
    }

    pub fn get(self, criterion: Criterion) -> u8 {
        self.0[criterion.index()]
    }

    /// The values in [`Criterion::ALL`] order.
    pub fn values(self) -> [u8; Criterion::COUNT] {
        self.0
    }

    pub fn sum(self) -> u32 {
        self.0.iter().map(|&w| u32::from(w)).sum()
    }
}

impl Default for Weights {
    fn default() -> Self {
        Weights::DEFAULT
    }
}

/// The wire form of [`Weights`]; wide integers so that an out-of-range value is refused with
/// a `WeightError` rather than a serde type error.
#[derive(Serialize, Deserialize)]
struct ByName {
    sector: i64,
    availability: i64,
    distance: i64,
    language: i64,
    waiting: i64,
    experience: i64,
    intake: i64,
}

impl TryFrom<ByName> for Weights {
    type Error = WeightError;

    fn try_from(w: ByName) -> Result<Self, Self::Error> {
        Weights::parse([
            w.sector,
            w.availability,
            w.distance,
            w.language,
            w.waiting,
            w.experience,
            w.intake,
        ])
    }
}

impl From<Weights> for ByName {
    fn from(weights: Weights) -> Self {
        let [
            sector,
            availability,
            distance,
            language,
            waiting,
            experience,
            intake,
        ] = weights.0.map(i64::from);
        ByName {
            sector,
            availability,
            distance,
            language,
            waiting,
            experience,
            intake,
        }
    }
}
