//! A pair's score and hard constraints in words: each criterion's points with the fact behind
//! them, and why a pair may not be matched. Shared by the person page and the matching board.

use leptos::prelude::*;

use crate::components::labels::level_label;
use crate::domain::locale::Locale as DomainLocale;
use crate::domain::matching::score::{Criterion, Detail, Must, Part, Reason};
use crate::features::reference::{Named, name_of};
use crate::i18n::*;
use leptos_i18n::I18nContext;

pub fn criterion_name(i18n: I18nContext<Locale>, criterion: Criterion) -> &'static str {
    match criterion {
        Criterion::Sector => t_string!(i18n, matching.sector),
        Criterion::Availability => t_string!(i18n, matching.availability),
        Criterion::Distance => t_string!(i18n, matching.distance),
        Criterion::Language => t_string!(i18n, matching.language),
        Criterion::Waiting => t_string!(i18n, matching.waiting),
        Criterion::Experience => t_string!(i18n, matching.experience),
        Criterion::Intake => t_string!(i18n, matching.intake),
    }
}

/// "Sector, 27 of 30 points: same sector, healthcare (30 years)".
pub fn part_text(
    i18n: I18nContext<Locale>,
    part: &Part,
    lists: StoredValue<(Vec<Named>, Vec<Named>)>,
) -> String {
    let locale = DomainLocale::from(i18n.get_locale());
    let sector = |id: i32| lists.with_value(|(sectors, _)| name_of(sectors, id, locale));
    let language = |id: i32| lists.with_value(|(_, languages)| name_of(languages, id, locale));
    let fact = match part.detail {
        Detail::SameSector { sector_id, years } => t_string!(
            i18n,
            matching.same_sector,
            sector = sector(sector_id),
            years = years
        )
        .to_string(),
        Detail::RelatedSector {
            mentor_sector_id,
            mentee_sector_id,
            ..
        } => t_string!(
            i18n,
            matching.related_sector,
            mentor = sector(mentor_sector_id),
            mentee = sector(mentee_sector_id)
        )
        .to_string(),
        Detail::NoSector => t_string!(i18n, matching.no_sector).to_string(),
        Detail::SharedSlots { shared, offered } => t_string!(
            i18n,
            matching.shared_slots,
            shared = shared,
            offered = offered
        )
        .to_string(),
        Detail::DistanceKm { km } => t_string!(i18n, matching.km, km = km).to_string(),
        Detail::DistanceUnknown => t_string!(i18n, matching.km_unknown).to_string(),
        Detail::Language { language_id, level } => t_string!(
            i18n,
            matching.both_speak,
            language = language(language_id),
            level = level_label(i18n, level)
        )
        .to_string(),
        Detail::NoSharedLanguage => t_string!(i18n, matching.reason_language).to_string(),
        Detail::Waiting { days } => t_string!(i18n, matching.waiting_days, days = days).to_string(),
        Detail::CompletedDuos { count } => {
            t_string!(i18n, matching.duos_done, count = count).to_string()
        }
        Detail::Intake { average_tenths } => {
            let average = format!("{}.{}", average_tenths / 10, average_tenths % 10);
            t_string!(i18n, matching.intake_average, average = average).to_string()
        }
        Detail::IntakeUnknown => t_string!(i18n, matching.intake_unknown).to_string(),
    };
    t_string!(
        i18n,
        matching.part,
        criterion = criterion_name(i18n, part.criterion),
        points = part.points,
        max = part.max_points,
        fact = fact
    )
    .to_string()
}

pub fn reason_text(i18n: I18nContext<Locale>, reason: &Reason) -> String {
    match reason {
        Reason::OtherCity { .. } => t_string!(i18n, matching.reason_city).to_string(),
        Reason::MentorUnavailable => t_string!(i18n, matching.reason_mentor).to_string(),
        Reason::MenteeNotWaiting => t_string!(i18n, matching.reason_mentee).to_string(),
        Reason::NoWorkingLanguage => t_string!(i18n, matching.reason_language).to_string(),
        Reason::Must(Must::SameSector) => t_string!(i18n, matching.must_sector).to_string(),
        Reason::Must(Must::SharedSlot) => t_string!(i18n, matching.must_slot).to_string(),
        Reason::Must(Must::WithinKm(km)) => t_string!(i18n, matching.must_km, km = *km).to_string(),
        Reason::Banned => t_string!(i18n, matching.reason_banned).to_string(),
    }
}

/// Every reason, as one sentence after another.
pub fn reasons_text(i18n: I18nContext<Locale>, reasons: &[Reason]) -> String {
    reasons
        .iter()
        .map(|r| reason_text(i18n, r))
        .collect::<Vec<_>>()
        .join(" ")
}
