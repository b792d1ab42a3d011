//! What the demo looks like in each city: its size, the languages people use,
//! where mentors and mentees come from, and the staff who run it.

use app::domain::locale::Locale;
use app::domain::role::Role;

use super::names::{
    AFGHAN, CONGOLESE, ERITREAN, GUINEAN, MOROCCAN, ROMANIAN, SYRIAN, TURKISH, UKRAINIAN,
};

pub const BRUSSELS: usize = 0;
pub const LIEGE: usize = 1;
pub const ANTWERP: usize = 2;
pub const GHENT: usize = 3;
pub const MECHELEN: usize = 4;

/// Where a mentor's name comes from.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Flemish,
    Walloon,
    Settled,
}

pub struct CityProfile {
    /// Mentors in this city; mentees follow the same proportions.
    pub mentors: usize,
    /// The language of the office: coordinators' notes, sessions.
    pub office_locale: Locale,
    /// The language most mentees speak at work level.
    pub main_language: &'static str,
    pub mentor_origins: &'static [(Origin, u32)],
    pub communities: &'static [(usize, u32)],
    pub office: &'static str,
}

#[rustfmt::skip]
pub const PROFILES: [CityProfile; 5] = [
    CityProfile {
        mentors: 105, office_locale: Locale::Fr, main_language: "fr",
        mentor_origins: &[(Origin::Walloon, 55), (Origin::Flemish, 30), (Origin::Settled, 15)],
        communities: &[(MOROCCAN, 30), (CONGOLESE, 18), (GUINEAN, 12), (ROMANIAN, 10), (TURKISH, 8), (SYRIAN, 8), (AFGHAN, 6), (ERITREAN, 4), (UKRAINIAN, 4)],
        office: "Bureau DUO Bruxelles, salle de formation",
    },
    CityProfile {
        mentors: 45, office_locale: Locale::Fr, main_language: "fr",
        mentor_origins: &[(Origin::Walloon, 85), (Origin::Settled, 15)],
        communities: &[(MOROCCAN, 20), (CONGOLESE, 20), (GUINEAN, 15), (SYRIAN, 12), (TURKISH, 12), (AFGHAN, 8), (ERITREAN, 5), (ROMANIAN, 4), (UKRAINIAN, 4)],
        office: "Bureau DUO Liège",
    },
    CityProfile {
        mentors: 60, office_locale: Locale::Nl, main_language: "nl",
        mentor_origins: &[(Origin::Flemish, 90), (Origin::Settled, 10)],
        communities: &[(MOROCCAN, 35), (AFGHAN, 12), (TURKISH, 10), (ERITREAN, 10), (SYRIAN, 10), (UKRAINIAN, 7), (GUINEAN, 6), (CONGOLESE, 5), (ROMANIAN, 5)],
        office: "DUO-kantoor Antwerpen",
    },
    CityProfile {
        mentors: 54, office_locale: Locale::Nl, main_language: "nl",
        mentor_origins: &[(Origin::Flemish, 90), (Origin::Settled, 10)],
        communities: &[(TURKISH, 25), (SYRIAN, 15), (AFGHAN, 12), (MOROCCAN, 10), (ROMANIAN, 10), (UKRAINIAN, 10), (ERITREAN, 8), (GUINEAN, 5), (CONGOLESE, 5)],
        office: "DUO-kantoor Gent",
    },
    CityProfile {
        mentors: 36, office_locale: Locale::Nl, main_language: "nl",
        mentor_origins: &[(Origin::Flemish, 90), (Origin::Settled, 10)],
        communities: &[(MOROCCAN, 40), (SYRIAN, 12), (AFGHAN, 12), (ERITREAN, 8), (TURKISH, 6), (CONGOLESE, 6), (GUINEAN, 6), (ROMANIAN, 5), (UKRAINIAN, 5)],
        office: "DUO-kantoor Mechelen",
    },
];

/// A staff account of the demo: e-mail, name, role, locale and cities.
pub struct StaffSpec {
    pub email: &'static str,
    pub name: &'static str,
    pub role: Role,
    pub locale: Locale,
    pub cities: &'static [usize],
}

/// Every demo sign-in uses this password (shown by `make run`).
pub const DEMO_PASSWORD: &str = "demo-password-2026";

#[rustfmt::skip]
pub const STAFF: &[StaffSpec] = &[
    StaffSpec { email: "admin@demo.duo.be", name: "Nathalie Dewandre", role: Role::Admin, locale: Locale::En, cities: &[] },
    StaffSpec { email: "manager@demo.duo.be", name: "Marc Vanderstraeten", role: Role::Manager, locale: Locale::Fr, cities: &[] },
    StaffSpec { email: "coordinator.brussels@demo.duo.be", name: "Samira Benali", role: Role::Coordinator, locale: Locale::Fr, cities: &[BRUSSELS] },
    StaffSpec { email: "coordinator.liege@demo.duo.be", name: "Julie Lambotte", role: Role::Coordinator, locale: Locale::Fr, cities: &[LIEGE] },
    StaffSpec { email: "coordinator.antwerp@demo.duo.be", name: "Pieter Janssens", role: Role::Coordinator, locale: Locale::Nl, cities: &[ANTWERP] },
    StaffSpec { email: "coordinator.ghent@demo.duo.be", name: "Lotte De Smet", role: Role::Coordinator, locale: Locale::Nl, cities: &[GHENT] },
    StaffSpec { email: "coordinator.mechelen@demo.duo.be", name: "Koen Peeters", role: Role::Coordinator, locale: Locale::Nl, cities: &[MECHELEN] },
    StaffSpec { email: "coordinator.antwerp-mechelen@demo.duo.be", name: "Els Wouters", role: Role::Coordinator, locale: Locale::Nl, cities: &[ANTWERP, MECHELEN] },
];
