//! A mentee's registration, by a coordinator or through a partner's referral link: the
//! answers as the form sent them (`Answers`, as for mentor applications) and their parse into
//! checked values, the same in the browser and on the server.
//!
//! Migrant background is special-category data (GDPR Art. 9). It is asked only as the
//! programme's eligibility criterion, yes or no, and it may be recorded only with the young
//! person's explicit consent for that purpose (Art. 9(2)(a)); left blank, nothing is stored.

use chrono::NaiveDate;

use super::application::{
    Answers, SpokenLanguage, keep, oversized, parse_birth_year, parse_id, parse_languages,
};
use super::availability::WeeklySlots;
use super::birth_year::MenteeBirthYear;
use super::email::Email;
use super::error::{ErrorCode, FieldError};
use super::locale::Locale;
use super::person::{PersonName, Phone, Postcode};
use super::reference::EducationLevel;
use super::text::ShortText;

pub const GOAL_MAX_CHARS: usize = 1000;
pub const REFERRED_BY_MAX_CHARS: usize = 200;
/// More goal sectors than this is not a goal any more.
pub const MAX_GOAL_SECTORS: usize = 3;

/// Field names of the form, which are also the keys of `FieldError`s. Languages and slots use
/// the mentor application's names (`language_<id>`, `languages`, `slot`, `slots`).
pub mod field {
    pub use crate::domain::application::field::{
        BIRTH_YEAR, CITY, CONSENT, EMAIL, FIRST_NAME, FORM, HONEYPOT, LANGUAGE_PREFIX, LANGUAGES,
        LAST_NAME, LOCALE, PHONE, POSTCODE, SLOT, SLOTS,
    };
    /// Repeated once per chosen sector.
    pub const GOAL_SECTOR: &str = "goal_sector";
    pub const GOAL_SECTORS: &str = "goal_sectors";
    pub const EDUCATION: &str = "education";
    pub const GOAL: &str = "goal";
    pub const REFERRED_BY: &str = "referred_by";
    /// `yes`, `no`, or blank when it was not asked or not answered.
    pub const MIGRANT_BACKGROUND: &str = "migrant_background";
    /// `yes` when the young person explicitly agreed to the special-category purpose.
    pub const SPECIAL_CONSENT: &str = "special_category_consent";
}

/// A complete, well-formed registration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MenteeRegistration {
    pub first_name: PersonName,
    pub last_name: PersonName,
    /// At least one of e-mail and phone, so the coordinator can reach the young person.
    pub email: Option<Email>,
    pub phone: Option<Phone>,
    pub birth_year: MenteeBirthYear,
    pub postcode: Postcode,
    pub city_id: i32,
    /// Ascending, without repeats.
    pub goal_sectors: Vec<i32>,
    pub education: EducationLevel,
    pub languages: Vec<SpokenLanguage>,
    pub slots: WeeklySlots,
    pub goal: Option<ShortText>,
    pub referred_by: Option<ShortText>,
    /// `Some` only with the special-category consent.
    pub migrant_background: Option<bool>,
    /// The young person's language, for their e-mails.
    pub locale: Locale,
}

impl MenteeRegistration {
    /// Checks every answer and reports every problem at once, each at its field.
    pub fn parse(
        answers: &Answers,
        today: NaiveDate,
    ) -> Result<MenteeRegistration, Vec<FieldError>> {
        if let Some(error) = oversized(answers) {
            return Err(vec![error]);
        }
        let mut errors = Vec::new();
        let e = &mut errors;
        let first_name = keep(
            e,
            field::FIRST_NAME,
            PersonName::parse(answers.get(field::FIRST_NAME)),
        );
        let last_name = keep(
            e,
            field::LAST_NAME,
            PersonName::parse(answers.get(field::LAST_NAME)),
        );
        let email = keep(
            e,
            field::EMAIL,
            optional(answers.get(field::EMAIL), Email::parse),
        );
        let phone = keep(
            e,
            field::PHONE,
            optional(answers.get(field::PHONE), Phone::parse),
        );
        if let (Some(None), Some(None)) = (&email, &phone) {
            // Either will do; the error sits at the first of the two.
            e.push(ErrorCode::Required.at(field::EMAIL));
        }
        let birth_year = parse_birth_year(answers.get(field::BIRTH_YEAR), today)
            .and_then(|year| MenteeBirthYear::parse(year, today));
        let birth_year = keep(e, field::BIRTH_YEAR, birth_year);
        let postcode = keep(
            e,
            field::POSTCODE,
            Postcode::parse(answers.get(field::POSTCODE)),
        );
        let city_id = keep(e, field::CITY, parse_id(answers.get(field::CITY)));
        let goal_sectors = keep(e, field::GOAL_SECTORS, parse_goal_sectors(answers));
        let education = match answers.get(field::EDUCATION).trim() {
            "" => Err(ErrorCode::Required),
            code => EducationLevel::parse(code).ok_or(ErrorCode::InvalidChoice),
        };
        let education = keep(e, field::EDUCATION, education);
        let (languages, language_error) = parse_languages(answers);
        e.extend(language_error);
        let ticked = answers.all(field::SLOT).filter(|s| !s.trim().is_empty());
        let slots = match WeeklySlots::parse(ticked) {
            Ok(slots) if slots.is_empty() => Err(ErrorCode::Required),
            other => other,
        };
        let slots = keep(e, field::SLOTS, slots);
        let goal = keep(
            e,
            field::GOAL,
            ShortText::parse_optional(answers.get(field::GOAL), GOAL_MAX_CHARS),
        );
        let referred_by = keep(
            e,
            field::REFERRED_BY,
            ShortText::parse_optional(answers.get(field::REFERRED_BY), REFERRED_BY_MAX_CHARS),
        );
        let migrant_background = match answers.get(field::MIGRANT_BACKGROUND).trim() {
            "" => Ok(None),
            "yes" => Ok(Some(true)),
            "no" => Ok(Some(false)),
            _ => Err(ErrorCode::InvalidChoice),
        };
        let migrant_background = keep(e, field::MIGRANT_BACKGROUND, migrant_background);
        if matches!(migrant_background, Some(Some(_)))
            && answers.get(field::SPECIAL_CONSENT) != "yes"
        {
            e.push(ErrorCode::Required.at(field::SPECIAL_CONSENT));
        }
        let consent = match answers.get(field::CONSENT) {
            "yes" => Ok(()),
            _ => Err(ErrorCode::Required),
        };
        let consent = keep(e, field::CONSENT, consent);
        let locale = match answers.get(field::LOCALE).trim() {
            "" => Err(ErrorCode::Required),
            code => Locale::parse(code).ok_or(ErrorCode::InvalidChoice),
        };
        let locale = keep(e, field::LOCALE, locale);
        match (
            first_name,
            last_name,
            email,
            phone,
            birth_year,
            postcode,
            city_id,
            goal_sectors,
            education,
            slots,
            goal,
            referred_by,
            migrant_background,
            consent,
            locale,
        ) {
            (
                Some(first_name),
                Some(last_name),
                Some(email),
                Some(phone),
                Some(birth_year),
                Some(postcode),
                Some(city_id),
                Some(goal_sectors),
                Some(education),
                Some(slots),
                Some(goal),
                Some(referred_by),
                Some(migrant_background),
                Some(()),
                Some(locale),
            ) if errors.is_empty() => Ok(MenteeRegistration {
                first_name,
                last_name,
                email,
                phone,
                birth_year,
                postcode,
                city_id,
                goal_sectors,
                education,
                languages,
                slots,
                goal,
                referred_by,
                migrant_background,
                locale,
            }),
            _ => Err(errors),
        }
    }
}

/// Blank is `None`; anything else must parse.
fn optional<T>(
    s: &str,
    parse: impl Fn(&str) -> Result<T, ErrorCode>,
) -> Result<Option<T>, ErrorCode> {
    if s.trim().is_empty() {
        Ok(None)
    } else {
        parse(s).map(Some)
    }
}

fn parse_goal_sectors(answers: &Answers) -> Result<Vec<i32>, ErrorCode> {
    let mut ids = answers
        .all(field::GOAL_SECTOR)
        .filter(|s| !s.trim().is_empty())
        .map(parse_id)
        .collect::<Result<Vec<i32>, ErrorCode>>()?;
    ids.sort_unstable();
    ids.dedup();
    match ids.len() {
        0 => Err(ErrorCode::Required),
        n if n > MAX_GOAL_SECTORS => Err(ErrorCode::OutOfRange {
            min: 1,
            max: MAX_GOAL_SECTORS as i64,
        }),
        _ => Ok(ids),
    }
}

#[cfg(test)]
mod tests;
