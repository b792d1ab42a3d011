//! A mentor row, checked field by field with the mentor application's own parse functions. A
//! programme's records have no motivation letter or "heard from", so those are not asked.

use chrono::NaiveDate;

use super::cells::{Problems, Reference, Row, entries, pair};
use super::fields::{choice, city, joined, languages, optional};
use super::{Issue, Problem};
use crate::domain::application::{SectorExperience, SpokenLanguage, parse_birth_year, parse_years};
use crate::domain::availability::WeeklySlots;
use crate::domain::birth_year::MentorBirthYear;
use crate::domain::email::Email;
use crate::domain::error::ErrorCode;
use crate::domain::locale::Locale;
use crate::domain::mentor::MentorStatus;
use crate::domain::person::{PersonName, Phone, Postcode};

/// Duos done before the platform, as a programme's records may count them.
pub const MAX_COMPLETED_DUOS: u32 = 100;

/// The statuses a mentor can come in with: open duos are not imported, and screening that
/// was under way is best finished on the platform.
pub const STATUSES: [MentorStatus; 4] = [
    MentorStatus::Applied,
    MentorStatus::Available,
    MentorStatus::Paused,
    MentorStatus::Left,
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentorRecord {
    pub first_name: PersonName,
    pub last_name: PersonName,
    pub email: Email,
    pub phone: Option<Phone>,
    pub birth_year: MentorBirthYear,
    pub postcode: Postcode,
    pub city_id: i32,
    /// Ascending by sector id, each with at least one year.
    pub sectors: Vec<SectorExperience>,
    pub languages: Vec<SpokenLanguage>,
    pub slots: WeeklySlots,
    pub locale: Locale,
    pub status: MentorStatus,
    /// When the mentor joined the programme: their age is checked on that day.
    pub joined_on: NaiveDate,
    pub completed_duos: u32,
}

impl MentorRecord {
    /// An available or paused mentor was screened on paper: intake and training are recorded.
    pub fn screened(&self) -> bool {
        matches!(self.status, MentorStatus::Available | MentorStatus::Paused)
    }
}

pub(super) fn check(
    row: &Row<'_>,
    reference: &Reference,
    today: NaiveDate,
) -> Result<MentorRecord, Vec<Problem>> {
    let mut p = Problems::new(row.line);
    let first_name = p.keep("first_name", PersonName::parse(row.get("first_name")));
    let last_name = p.keep("last_name", PersonName::parse(row.get("last_name")));
    let email = p.keep("email", Email::parse(row.get("email")));
    let phone = p.keep("phone", optional(row.get("phone"), Phone::parse));
    let joined_on = p.keep("joined_on", joined(row.get("joined_on"), today));
    let on = joined_on.unwrap_or(today);
    let birth_year = parse_birth_year(row.get("birth_year"), on)
        .and_then(|year| MentorBirthYear::parse(year, on));
    let birth_year = p.keep("birth_year", birth_year);
    let postcode = p.keep("postcode", Postcode::parse(row.get("postcode")));
    let city_id = city(&mut p, row.get("city"), reference);
    let sectors = sectors(&mut p, row.get("sectors"), reference);
    let languages = languages(&mut p, row.get("languages"), reference);
    let slots = row.get("availability").to_lowercase();
    let slots = p.keep("availability", WeeklySlots::parse(entries(&slots)));
    let locale = p.keep("locale", choice(row.get("locale"), Locale::parse));
    let status = choice(row.get("status"), MentorStatus::parse).and_then(|s| {
        STATUSES
            .contains(&s)
            .then_some(s)
            .ok_or(ErrorCode::InvalidChoice)
    });
    let status = p.keep("status", status);
    let completed_duos = p.keep("completed_duos", completed(row.get("completed_duos")));
    match (
        first_name,
        last_name,
        email,
        phone,
        birth_year,
        postcode,
        city_id,
        slots,
        locale,
        status,
        joined_on,
        completed_duos,
    ) {
        (
            Some(first_name),
            Some(last_name),
            Some(email),
            Some(phone),
            Some(birth_year),
            Some(postcode),
            Some(city_id),
            Some(slots),
            Some(locale),
            Some(status),
            Some(joined_on),
            Some(completed_duos),
        ) if p.list.is_empty() => Ok(MentorRecord {
            first_name,
            last_name,
            email,
            phone,
            birth_year,
            postcode,
            city_id,
            sectors,
            languages,
            slots,
            locale,
            status,
            joined_on,
            completed_duos,
        }),
        _ => Err(p.list),
    }
}

fn completed(s: &str) -> Result<u32, ErrorCode> {
    if s.is_empty() {
        return Ok(0);
    }
    s.parse::<u32>()
        .ok()
        .filter(|n| *n <= MAX_COMPLETED_DUOS)
        .ok_or(ErrorCode::OutOfRange {
            min: 0,
            max: i64::from(MAX_COMPLETED_DUOS),
        })
}

/// `construction:12|logistics:5`: sectors with years of experience, as the application's
/// `years_<sector>` fields; zero years means "not my sector" there too.
fn sectors(p: &mut Problems, cell: &str, reference: &Reference) -> Vec<SectorExperience> {
    let mut list: Vec<SectorExperience> = Vec::new();
    for entry in entries(cell) {
        let (name, years) = match pair(entry) {
            Ok(pair) => pair,
            Err(issue) => {
                p.add("sectors", issue);
                continue;
            }
        };
        let Some(sector_id) = reference.sector(name) else {
            let value = name.to_owned();
            p.add("sectors", Issue::UnknownSector { value });
            continue;
        };
        match parse_years(years) {
            Ok(0) => {}
            Ok(years) => list.push(SectorExperience { sector_id, years }),
            Err(code) => p.add("sectors", Issue::Invalid(code)),
        }
    }
    list.sort_by_key(|s| s.sector_id);
    list.dedup_by_key(|s| s.sector_id);
    if list.is_empty() && !p.has("sectors") {
        p.add("sectors", Issue::Invalid(ErrorCode::Required));
    }
    list
}
