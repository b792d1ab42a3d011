//! A new mentee: a name from one of the city's migrant communities, a home
//! language and a working language, a goal sector, weekly availability.

use chrono::{Datelike, NaiveDate};

use app::domain::availability::DayPart;
use app::domain::locale::Locale;
use app::domain::reference::LanguageLevel::{self, *};

use super::city_profile::PROFILES;
use super::names::COMMUNITIES;
use super::people::{Emails, level, name, phone, postcode, slots};
use super::rng::Rng;
use super::world::Person;

/// What decides a new mentee's profile.
#[derive(Clone, Copy)]
pub struct MenteeSpec<'a> {
    pub city: usize,
    /// Age reached this calendar year.
    pub age: i32,
    pub coordinator: i32,
    pub goal_sector: usize,
    /// The first duo's mentor: the mentee then shares a working language and a
    /// weekly slot with them.
    pub mentor: Option<&'a Person>,
}

/// A mentee without history.
pub fn mentee(spec: &MenteeSpec, today: NaiveDate, emails: &mut Emails, rng: &mut Rng) -> Person {
    let MenteeSpec {
        city,
        age,
        coordinator,
        goal_sector,
        mentor,
    } = *spec;
    let profile = &PROFILES[city];
    let main = profile.main_language;
    let community = &COMMUNITIES[*rng.weighted(profile.communities)];
    let (first, last) = name(&community.names, rng);
    let mut languages: Vec<(&'static str, LanguageLevel)> = Vec::new();
    let home = *rng.weighted(community.home);
    languages.push((home, Native));
    for (code, _) in community.home {
        if *code != home && rng.chance(0.35) {
            languages.push((code, level(rng, &[(Working, 1), (Fluent, 2), (Native, 1)])));
        }
    }
    let english_ok = mentor.is_none_or(|m| m.speaks("en"));
    let locale = if english_ok && rng.chance(0.12) {
        Locale::En
    } else if main == "fr" {
        Locale::Fr
    } else {
        Locale::Nl
    };
    if community.francophone {
        languages.push(("fr", if rng.chance(0.5) { Native } else { Fluent }));
    }
    let work_level = level(rng, &[(Working, 6), (Fluent, 3)]);
    match locale {
        Locale::En => {
            languages.push(("en", work_level));
            if !languages.iter().any(|(c, _)| *c == main) {
                languages.push((main, level(rng, &[(Basic, 1), (Intermediate, 2)])));
            }
        }
        _ => {
            if !languages.iter().any(|(c, _)| *c == main) {
                languages.push((main, work_level));
            }
            if rng.chance(0.3) {
                languages.push((
                    "en",
                    level(rng, &[(Basic, 1), (Intermediate, 2), (Working, 1)]),
                ));
            }
        }
    }
    let count = rng.range(3, 8) as usize;
    let mut slots = slots(rng, count, |day, part| match (day, part) {
        (0..=4, DayPart::Morning | DayPart::Afternoon) => 8,
        (0..=4, DayPart::Evening) => 4,
        (5, _) => 3,
        _ => 1,
    });
    // A proposed duo must be able to meet: keep one of the mentor's slots.
    if let Some(m) = mentor.filter(|m| !m.slots.iter().any(|s| slots.contains(s))) {
        slots.pop();
        slots.push(*rng.pick(&m.slots));
        slots.sort_by_key(|(day, part)| (*day, *part as usize));
    }
    let email = rng
        .chance(0.88)
        .then(|| emails.make(&first, &last, "example.be"));
    Person {
        city,
        email,
        phone: rng.chance(0.95).then(|| phone(rng)),
        birth_year: today.year() - age,
        postcode: postcode(city, rng),
        locale,
        coordinator,
        history: Vec::new(),
        intake: None,
        languages,
        sectors: vec![(goal_sector, 0)],
        slots,
        first,
        last,
    }
}
