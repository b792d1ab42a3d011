//! `WeeklySlots`: the set of weekly slots someone is available in, stored as 21 bits.

use serde::{Deserialize, Serialize};

use super::availability::Slot;
use super::error::ErrorCode;

const VALID_BITS: u32 = (1 << Slot::COUNT) - 1;

/// A set of `Slot`s; bit `n` is `Slot::index() == n`. Serialised as that integer, which is
/// also the database column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct WeeklySlots(u32);

impl WeeklySlots {
    pub const EMPTY: WeeklySlots = WeeklySlots(0);

    /// Parses slot codes such as `["mon-morning", "thu-evening"]`; duplicates are harmless.
    /// An empty list is an empty set: whether that is acceptable is the form's decision.
    pub fn parse<'a, I: IntoIterator<Item = &'a str>>(codes: I) -> Result<Self, ErrorCode> {
        let mut slots = WeeklySlots::EMPTY;
        for code in codes {
            slots.insert(Slot::parse(code.trim()).ok_or(ErrorCode::InvalidChoice)?);
        }
        Ok(slots)
    }

    /// `None` when a bit beyond the 21 slots is set.
    pub fn from_bits(bits: u32) -> Option<Self> {
        (bits & !VALID_BITS == 0).then_some(WeeklySlots(bits))
    }

    pub fn bits(self) -> u32 {
        self.0
    }

    pub fn contains(self, slot: Slot) -> bool {
        self.0 & bit(slot) != 0
    }

    pub fn insert(&mut self, slot: Slot) {
        self.0 |= bit(slot);
    }

    pub fn remove(&mut self, slot: Slot) {
        self.0 &= !bit(slot);
    }

    /// The slots in calendar order, Monday morning first.
    pub fn iter(self) -> impl Iterator<Item = Slot> {
        Slot::all().filter(move |slot| self.contains(*slot))
    }

    pub fn len(self) -> u32 {
        self.0.count_ones()
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// How many slots both sides share; the matching score rewards more common ground.
    pub fn overlap(&self, other: &WeeklySlots) -> u32 {
        (self.0 & other.0).count_ones()
    }
}

fn bit(slot: Slot) -> u32 {
    1 << slot.index()
}

impl TryFrom<u32> for WeeklySlots {
    type Error = ErrorCode;

    fn try_from(bits: u32) -> Result<Self, Self::Error> {
        WeeklySlots::from_bits(bits).ok_or(ErrorCode::InvalidChoice)
    }
}

impl From<WeeklySlots> for u32 {
    fn from(slots: WeeklySlots) -> u32 {
        slots.0
    }
}

impl FromIterator<Slot> for WeeklySlots {
    fn from_iter<I: IntoIterator<Item = Slot>>(slots: I) -> Self {
        let mut set = WeeklySlots::EMPTY;
        slots.into_iter().for_each(|slot| set.insert(slot));
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::availability::{DayPart, Weekday};
    use proptest::prelude::*;

    #[test]
    fn parses_codes_into_a_set() {
        let slots = WeeklySlots::parse(["tue-evening", "mon-morning", "tue-evening"]).unwrap();
        assert_eq!(slots.len(), 2);
        assert!(slots.contains(Slot::new(Weekday::Mon, DayPart::Morning)));
        assert!(!slots.contains(Slot::new(Weekday::Mon, DayPart::Evening)));
        let codes: Vec<_> = slots.iter().map(Slot::code).collect();
        assert_eq!(codes, ["mon-morning", "tue-evening"]);
        assert_eq!(slots.bits(), 0b100_001);
    }

    #[test]
    fn refuses_unknown_codes_and_bits() {
        assert_eq!(
            WeeklySlots::parse(["mon-morning", "xyz"]),
            Err(ErrorCode::InvalidChoice)
        );
        assert_eq!(WeeklySlots::parse([]), Ok(WeeklySlots::EMPTY));
        assert!(WeeklySlots::from_bits(VALID_BITS).is_some());
        assert_eq!(WeeklySlots::from_bits(1 << 21), None);
        assert_eq!(WeeklySlots::from_bits(u32::MAX), None);
        assert!(serde_json::from_str::<WeeklySlots>("2097152").is_err());
    }

    #[test]
    fn insert_and_remove() {
        let sunday = Slot::new(Weekday::Sun, DayPart::Evening);
        let mut slots = WeeklySlots::EMPTY;
        slots.insert(sunday);
        assert_eq!(slots.bits(), 1 << 20);
        slots.remove(sunday);
        assert!(slots.is_empty());
    }

    fn any_slots() -> impl Strategy<Value = WeeklySlots> {
        (0..=VALID_BITS).prop_map(|bits| WeeklySlots::from_bits(bits).unwrap())
    }

    proptest! {
        #[test]
        fn codes_round_trip(slots in any_slots()) {
            let codes: Vec<&str> = slots.iter().map(Slot::code).collect();
            prop_assert_eq!(WeeklySlots::parse(codes.iter().copied()), Ok(slots));
            prop_assert_eq!(slots.iter().count() as u32, slots.len());
            prop_assert_eq!(slots.iter().collect::<WeeklySlots>(), slots);
            let json = serde_json::to_string(&slots).unwrap();
            prop_assert_eq!(serde_json::from_str::<WeeklySlots>(&json).unwrap(), slots);
        }

        #[test]
        fn overlap_is_symmetric_and_bounded(a in any_slots(), b in any_slots()) {
            prop_assert_eq!(a.overlap(&b), b.overlap(&a));
            prop_assert!(a.overlap(&b) <= a.len().min(b.len()));
            prop_assert_eq!(a.overlap(&a), a.len());
        }

        #[test]
        fn arbitrary_codes_never_panic(codes in proptest::collection::vec("\\PC{0,15}", 0..5)) {
            let _ = WeeklySlots::parse(codes.iter().map(String::as_str));
        }
    }
}
