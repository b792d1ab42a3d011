//! A new mentor: a name from the city's mentor generation, the languages
//! that go with it, a career in one or two sectors, weekday availability.

use chrono::{Datelike, NaiveDate};

use app::domain::availability::DayPart;
use app::domain::locale::Locale;
use app::domain::reference::LanguageLevel::{self, *};

use super::city_profile::{BRUSSELS, Origin, PROFILES};
use super::names::{FLEMISH, SETTLED, WALLOON};
use super::people::{
    Emails, MENTOR_SECTORS, level, name, phone, postcode, related_sectors, slots, weighted_index,
};
use super::rng::Rng;
use super::world::Person;

/// A mentor without history: name, languages, sectors and slots fitting the city.
pub fn mentor(
    city: usize,
    today: NaiveDate,
    coordinator: i32,
    emails: &mut Emails,
    rng: &mut Rng,
) -> Person {
    let profile = &PROFILES[city];
    let origin = *rng.weighted(profile.mentor_origins);
    let main = profile.main_language;
    let mut languages: Vec<(&'static str, LanguageLevel)> = Vec::new();
    let (first, last) = match origin {
        Origin::Flemish => {
            languages.push(("nl", Native));
            let fr = if main == "fr" {
                Fluent
            } else {
                level(rng, &[(Intermediate, 4), (Working, 4), (Fluent, 2)])
            };
            languages.push(("fr", fr));
            name(&FLEMISH, rng)
        }
        Origin::Walloon => {
            languages.push(("fr", Native));
            if city == BRUSSELS || rng.chance(0.2) {
                languages.push((
                    "nl",
                    level(rng, &[(Basic, 3), (Intermediate, 4), (Working, 3)]),
                ));
            }
            name(&WALLOON, rng)
        }
        Origin::Settled => {
            let (pool, home) = rng.pick(SETTLED);
            languages.push((home, Native));
            languages.push((main, Fluent));
            name(pool, rng)
        }
    };
    let english = level(
        rng,
        &[(Basic, 2), (Intermediate, 4), (Working, 4), (Fluent, 2)],
    );
    let mut locale = match (origin, main) {
        (Origin::Flemish, _) => Locale::Nl,
        (_, "fr") => Locale::Fr,
        _ => Locale::Nl,
    };
    if city == BRUSSELS && origin == Origin::Flemish && rng.chance(0.25) {
        locale = Locale::Fr;
    }
    let english = if rng.chance(0.08) {
        locale = Locale::En;
        Fluent
    } else {
        english
    };
    languages.push(("en", english));
    if rng.chance(0.12) {
        languages.push((
            "de",
            level(rng, &[(Basic, 2), (Intermediate, 2), (Working, 1)]),
        ));
    }
    let main_sector = weighted_index(&MENTOR_SECTORS, rng);
    let mut sectors = vec![(main_sector, rng.range(15, 40) as i32)];
    let related = related_sectors(main_sector);
    if !related.is_empty() && rng.chance(0.4) {
        sectors.push((*rng.pick(&related), rng.range(2, 12) as i32));
    }
    let age = 53 + rng.range(0, 10) + rng.range(0, 11);
    let count = rng.range(3, 8) as usize;
    let slots = slots(rng, count, |day, part| match (day, part) {
        (0..=4, DayPart::Morning | DayPart::Afternoon) => 10,
        (0..=4, DayPart::Evening) => 2,
        (5, DayPart::Morning) => 2,
        (5, DayPart::Afternoon) => 1,
        _ => 0,
    });
    let email = emails.make(&first, &last, "example.be");
    Person {
        city,
        email: Some(email),
        phone: Some(phone(rng)),
        birth_year: today.year() - age as i32,
        postcode: postcode(city, rng),
        locale,
        coordinator,
        history: Vec::new(),
        intake: None,
        languages,
        sectors,
        slots,
        first,
        last,
    }
}
