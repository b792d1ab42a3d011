//! Weekly availability: a `Slot` is a weekday and a part of the day, e.g. `mon-morning`.
//!
//! Duos meet once a week, so availability is a set of the 21 weekly slots; see `WeeklySlots`.

use serde::{Deserialize, Serialize};

use super::error::ErrorCode;
use super::string_enum::string_enum;

pub use super::weekly_slots::WeeklySlots;

string_enum! {
    #[derive(PartialOrd, Ord)]
    pub enum Weekday {
        Mon = "mon",
        Tue = "tue",
        Wed = "wed",
        Thu = "thu",
        Fri = "fri",
        Sat = "sat",
        Sun = "sun",
    }
}

string_enum! {
    #[derive(PartialOrd, Ord)]
    pub enum DayPart {
        Morning = "morning",
        Afternoon = "afternoon",
        Evening = "evening",
    }
}

/// Indexed by `Slot::index`: weekday-major, so a week reads in calendar order.
const SLOT_CODES: [&str; Slot::COUNT] = [
    "mon-morning",
    "mon-afternoon",
    "mon-evening",
    "tue-morning",
    "tue-afternoon",
    "tue-evening",
    "wed-morning",
    "wed-afternoon",
    "wed-evening",
    "thu-morning",
    "thu-afternoon",
    "thu-evening",
    "fri-morning",
    "fri-afternoon",
    "fri-evening",
    "sat-morning",
    "sat-afternoon",
    "sat-evening",
    "sun-morning",
    "sun-afternoon",
    "sun-evening",
];

/// One part of one day of the week; serialised as its code, e.g. `"tue-evening"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&'static str")]
pub struct Slot {
    pub weekday: Weekday,
    pub part: DayPart,
}

impl Slot {
    pub const COUNT: usize = 21;

    pub fn new(weekday: Weekday, part: DayPart) -> Self {
        Self { weekday, part }
    }

    pub fn parse(code: &str) -> Option<Slot> {
        let (day, part) = code.split_once('-')?;
        Some(Slot::new(Weekday::parse(day)?, DayPart::parse(part)?))
    }

    pub fn code(self) -> &'static str {
        SLOT_CODES[self.index()]
    }

    /// Every slot, Monday morning first.
    pub fn all() -> impl Iterator<Item = Slot> {
        (0..Self::COUNT).filter_map(Slot::from_index)
    }

    /// Position 0..21, used as the bit number in `WeeklySlots`.
    pub(crate) fn index(self) -> usize {
        self.weekday as usize * DayPart::ALL.len() + self.part as usize
    }

    pub(crate) fn from_index(index: usize) -> Option<Slot> {
        let weekday = *Weekday::ALL.get(index / DayPart::ALL.len())?;
        let part = DayPart::ALL[index % DayPart::ALL.len()];
        Some(Slot::new(weekday, part))
    }
}

impl TryFrom<String> for Slot {
    type Error = ErrorCode;

    fn try_from(code: String) -> Result<Self, Self::Error> {
        Slot::parse(&code).ok_or(ErrorCode::InvalidChoice)
    }
}

impl From<Slot> for &'static str {
    fn from(slot: Slot) -> &'static str {
        slot.code()
    }
}

impl std::fmt::Display for Slot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::string_enum::assert_string_enum;

    #[test]
    fn weekday_and_day_part_strings() {
        let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
        assert_string_enum(Weekday::ALL, Weekday::as_str, Weekday::parse, &days);
        let parts = ["morning", "afternoon", "evening"];
        assert_string_enum(DayPart::ALL, DayPart::as_str, DayPart::parse, &parts);
    }

    #[test]
    fn codes_match_their_parts_and_round_trip() {
        let slots: Vec<Slot> = Slot::all().collect();
        assert_eq!(slots.len(), Slot::COUNT);
        for (index, slot) in slots.iter().enumerate() {
            assert_eq!(slot.index(), index);
            assert_eq!(slot.code(), format!("{}-{}", slot.weekday, slot.part));
            assert_eq!(Slot::parse(slot.code()), Some(*slot));
            let json = serde_json::to_string(slot).unwrap();
            assert_eq!(serde_json::from_str::<Slot>(&json).unwrap(), *slot);
        }
        assert!(slots.windows(2).all(|pair| pair[0] < pair[1]));
    }

    #[test]
    fn refuses_unknown_codes() {
        for code in [
            "",
            "mon",
            "mon-",
            "-morning",
            "monday-morning",
            "Mon-morning",
            "mon_morning",
        ] {
            assert_eq!(Slot::parse(code), None, "{code}");
        }
        assert_eq!(Slot::from_index(Slot::COUNT), None);
        assert!(serde_json::from_str::<Slot>("\"mon-night\"").is_err());
    }
}
