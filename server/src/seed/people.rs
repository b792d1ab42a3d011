//! Shared pieces of the demo people: unique e-mail addresses, phone numbers,
//! postcodes, names, language levels, sectors and weekly availability.

use std::collections::BTreeSet;

use app::domain::availability::DayPart;
use app::domain::reference::LanguageLevel;

use super::names::{NamePool, ascii_slug};
use super::postcodes::POSTCODES;
use super::reference_data::{CITIES, RELATED_SECTORS, SECTORS};
use super::rng::Rng;

pub const MENTOR_SECTORS: [u32; 14] = [9, 5, 8, 8, 9, 8, 12, 9, 10, 3, 8, 4, 10, 6];
/// Mentees' goal sectors: where entry-level jobs are.
pub const MENTEE_SECTORS: [u32; 14] = [9, 10, 9, 12, 10, 8, 7, 5, 8, 6, 3, 2, 5, 6];
const MOBILE_PREFIXES: [i64; 15] = [
    460, 465, 466, 467, 468, 470, 471, 472, 473, 474, 475, 476, 477, 478, 479,
];

/// Keeps every demo e-mail address unique, across mentors and mentees.
#[derive(Default)]
pub struct Emails(BTreeSet<String>);

impl Emails {
    pub fn make(&mut self, first: &str, last: &str, domain: &str) -> String {
        let base = format!("{}.{}", ascii_slug(first), ascii_slug(last));
        let mut n = 1;
        loop {
            let candidate = match n {
                1 => format!("{base}@{domain}"),
                _ => format!("{base}{n}@{domain}"),
            };
            if self.0.insert(candidate.clone()) {
                return candidate;
            }
            n += 1;
        }
    }

    pub fn reserve(&mut self, email: &str) {
        self.0.insert(email.to_owned());
    }
}

pub fn phone(rng: &mut Rng) -> String {
    let prefix = MOBILE_PREFIXES[rng.below(MOBILE_PREFIXES.len())];
    format!("+32{prefix}{:06}", rng.range(0, 999_999))
}

pub fn postcode(city: usize, rng: &mut Rng) -> i32 {
    let slug = CITIES[city].key;
    let codes: Vec<i32> = POSTCODES
        .iter()
        .filter(|p| p.1 == slug)
        .map(|p| p.0)
        .collect();
    *rng.pick(&codes)
}

pub fn related_sectors(sector: usize) -> Vec<usize> {
    let slug = SECTORS[sector].key;
    let index = |key: &str| SECTORS.iter().position(|s| s.key == key);
    RELATED_SECTORS
        .iter()
        .filter_map(|(a, b)| match (*a == slug, *b == slug) {
            (true, _) => index(b),
            (_, true) => index(a),
            _ => None,
        })
        .collect()
}

pub fn weighted_index(weights: &[u32], rng: &mut Rng) -> usize {
    let items: Vec<(usize, u32)> = weights.iter().copied().enumerate().collect();
    *rng.weighted(&items)
}

pub fn name(pool: &NamePool, rng: &mut Rng) -> (String, String) {
    let first = if rng.chance(0.5) {
        pool.male
    } else {
        pool.female
    };
    (rng.pick(first).to_string(), rng.pick(pool.last).to_string())
}

pub fn level(rng: &mut Rng, options: &[(LanguageLevel, u32)]) -> LanguageLevel {
    *rng.weighted(options)
}

/// `k` distinct weekly slots drawn with the weights of `slot_weight`.
pub fn slots(
    rng: &mut Rng,
    k: usize,
    slot_weight: impl Fn(i32, DayPart) -> u32,
) -> Vec<(i32, DayPart)> {
    let mut all: Vec<((i32, DayPart), u32)> = Vec::new();
    for day in 0..7 {
        for part in DayPart::ALL {
            all.push(((day, *part), slot_weight(day, *part)));
        }
    }
    let mut chosen = Vec::new();
    while chosen.len() < k && all.iter().any(|(_, w)| *w > 0) {
        let slot = *rng.weighted(&all);
        all.retain(|(s, _)| *s != slot);
        chosen.push(slot);
    }
    chosen.sort_by_key(|(day, part)| (*day, *part as usize));
    chosen
}
