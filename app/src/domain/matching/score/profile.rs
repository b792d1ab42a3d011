//! What the score knows about a mentor and a mentee. The matching service fills these from
//! the database; they also travel to the browser, so the board can score a drag at once.

use serde::{Deserialize, Serialize};

use crate::domain::reference::LanguageLevel;
use crate::domain::weekly_slots::WeeklySlots;

/// A mentor as matching sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentorProfile {
    pub id: i32,
    pub city_id: i32,
    /// Screened, trained and without an open duo (`MentorStatus::is_matchable`).
    pub available: bool,
    /// `(sector_id, years_of_experience)`.
    pub sectors: Vec<(i32, u8)>,
    /// `(language_id, level)`.
    pub languages: Vec<(i32, LanguageLevel)>,
    pub slots: WeeklySlots,
    /// Where the mentor's postcode lies; `None` when unknown.
    pub location: Option<Location>,
    /// Duos this mentor completed before.
    pub completed_duos: u32,
    pub intake: Option<IntakeAverage>,
}

/// A mentee as matching sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MenteeProfile {
    pub id: i32,
    pub city_id: i32,
    /// In the waiting pool (`MenteeStatus::is_matchable`).
    pub waiting: bool,
    /// The sectors the mentee wants to work in.
    pub goal_sectors: Vec<i32>,
    /// `(language_id, level)`.
    pub languages: Vec<(i32, LanguageLevel)>,
    pub slots: WeeklySlots,
    pub location: Option<Location>,
    /// Days in the waiting pool, see `mentee::waiting_days`.
    pub days_waiting: u32,
    pub intake: Option<IntakeAverage>,
    /// Conditions a coordinator recorded for this mentee; a mentor failing one is forbidden.
    pub musts: Vec<Must>,
}

/// A condition a coordinator records for a mentee, e.g. after the intake interview.
///
/// Serialised as `"same_sector"`, `"shared_slot"` or `{"within_km":10}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Must {
    /// The mentor has experience in one of the mentee's goal sectors itself; a related sector
    /// is not enough.
    SameSector,
    /// At least one weekly slot in common.
    SharedSlot,
    /// Both locations known and at most this many kilometres apart (whole km, as displayed).
    WithinKm(u16),
}

/// The farthest a "within N km" condition may reach.
pub const MAX_MUST_KM: u16 = 200;

impl Must {
    /// The conditions as a coordinator's form gives them: two checkboxes and a distance in
    /// whole kilometres, blank for none. Refused: a distance that is not 1..=`MAX_MUST_KM`.
    pub fn from_form(
        same_sector: bool,
        shared_slot: bool,
        within_km: &str,
    ) -> Result<Vec<Must>, crate::domain::error::ErrorCode> {
        let mut musts = Vec::new();
        if same_sector {
            musts.push(Must::SameSector);
        }
        if shared_slot {
            musts.push(Must::SharedSlot);
        }
        let km = within_km.trim();
        if !km.is_empty() {
            let km = (km.parse::<u16>().ok())
                .filter(|km| (1..=MAX_MUST_KM).contains(km))
                .ok_or(crate::domain::error::ErrorCode::OutOfRange {
                    min: 1,
                    max: MAX_MUST_KM.into(),
                })?;
            musts.push(Must::WithinKm(km));
        }
        Ok(musts)
    }
}

/// A point on the map in micro-degrees (millionths of a degree, about 0.1 m): exact, so that
/// profiles compare with `Eq` and the same postcode always gives the same distance.
///
/// Serialised as `[latitude, longitude]` in micro-degrees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "(i32, i32)", into = "(i32, i32)")]
pub struct Location {
    lat: i32,
    lon: i32,
}

const MICRO: f64 = 1_000_000.0;
const MAX_LAT: i32 = 90_000_000;
const MAX_LON: i32 = 180_000_000;

impl Location {
    /// `None` outside latitude ±90° or longitude ±180°.
    pub fn from_micro_degrees(lat: i32, lon: i32) -> Option<Location> {
        ((-MAX_LAT..=MAX_LAT).contains(&lat) && (-MAX_LON..=MAX_LON).contains(&lon))
            .then_some(Location { lat, lon })
    }

    /// Rounds to the nearest micro-degree; `None` for NaN or out-of-range coordinates.
    pub fn from_degrees(lat: f64, lon: f64) -> Option<Location> {
        let micro = |degrees: f64, max: i32| {
            let value = (degrees * MICRO).round();
            (value.abs() <= f64::from(max)).then_some(value as i32)
        };
        Location::from_micro_degrees(micro(lat, MAX_LAT)?, micro(lon, MAX_LON)?)
    }

    pub fn lat_micro(self) -> i32 {
        self.lat
    }

    pub fn lon_micro(self) -> i32 {
        self.lon
    }
}

impl TryFrom<(i32, i32)> for Location {
    type Error = &'static str;

    fn try_from((lat, lon): (i32, i32)) -> Result<Self, Self::Error> {
        Location::from_micro_degrees(lat, lon).ok_or("coordinates out of range")
    }
}

impl From<Location> for (i32, i32) {
    fn from(location: Location) -> (i32, i32) {
        (location.lat, location.lon)
    }
}

/// The average of someone's intake interview scores (each 1–5), in tenths: 10 to 50.
/// Serialised as that integer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct IntakeAverage(u8);

impl IntakeAverage {
    pub const MIN_TENTHS: u8 = 10;
    pub const MAX_TENTHS: u8 = 50;

    pub fn from_tenths(tenths: u8) -> Option<IntakeAverage> {
        (Self::MIN_TENTHS..=Self::MAX_TENTHS)
            .contains(&tenths)
            .then_some(IntakeAverage(tenths))
    }

    /// The mean of 1–5 scores, rounded half up to tenths; `None` when there is no score or
    /// one is out of range.
    pub fn mean<I: IntoIterator<Item = u8>>(scores: I) -> Option<IntakeAverage> {
        let (mut sum, mut count) = (0u32, 0u32);
        for score in scores {
            if !(1..=5).contains(&score) {
                return None;
            }
            sum += u32::from(score);
            count += 1;
        }
        let tenths = (sum * 20 + count).checked_div(count * 2)?;
        IntakeAverage::from_tenths(u8::try_from(tenths).ok()?)
    }

    pub fn tenths(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for IntakeAverage {
    type Error = &'static str;

    fn try_from(tenths: u8) -> Result<Self, Self::Error> {
        IntakeAverage::from_tenths(tenths).ok_or("intake average out of range")
    }
}

impl From<IntakeAverage> for u8 {
    fn from(average: IntakeAverage) -> u8 {
        average.0
    }
}
