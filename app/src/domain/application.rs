//! A public mentor application: the answers exactly as the form sent them, and their parse into
//! checked values.
//!
//! The same `Answers` travel everywhere: from a plain HTML form post (JavaScript off), from the
//! hydrated page as a server-function argument, and into the browser's local storage as a draft.
//! The browser runs `MentorApplication::parse` as the applicant types; the server runs it again
//! and is the one that decides.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::availability::WeeklySlots;
use super::birth_year::MENTOR_MIN_AGE;
use super::email::Email;
use super::error::{ErrorCode, FieldError};
use super::locale::Locale;
use super::person::{PersonName, Phone, Postcode};
use super::reference::LanguageLevel;
use super::string_enum::string_enum;
use super::text::ShortText;

/// More answers than any real form sends: the sectors, languages and slots lists are bounded.
pub const MAX_ANSWERS: usize = 200;
/// A longer single answer is refused before anything else looks at it.
pub const MAX_ANSWER_CHARS: usize = 4000;
pub const MOTIVATION_MIN_CHARS: usize = 20;
pub const MOTIVATION_MAX_CHARS: usize = 1500;
pub const MAX_YEARS_EXPERIENCE: u32 = 60;
const EARLIEST_BIRTH_YEAR: i32 = 1900;

/// Field names of the form, which are also the keys of `FieldError`s.
pub mod field {
    pub const FIRST_NAME: &str = "first_name";
    pub const LAST_NAME: &str = "last_name";
    pub const EMAIL: &str = "email";
    pub const PHONE: &str = "phone";
    pub const BIRTH_YEAR: &str = "birth_year";
    pub const POSTCODE: &str = "postcode";
    pub const CITY: &str = "city_id";
    /// One `years_<sector id>` answer per sector; errors about the list as a whole use `SECTORS`.
    pub const YEARS_PREFIX: &str = "years_";
    pub const SECTORS: &str = "sectors";
    /// One `language_<language id>` answer per language, holding a level or nothing.
    pub const LANGUAGE_PREFIX: &str = "language_";
    pub const LANGUAGES: &str = "languages";
    /// Repeated once per ticked slot, e.g. `slot=tue-evening`.
    pub const SLOT: &str = "slot";
    pub const SLOTS: &str = "slots";
    pub const MOTIVATION: &str = "motivation";
    pub const HEARD_FROM: &str = "heard_from";
    pub const CONSENT: &str = "consent";
    /// The interface language the applicant used, which their e-mails are written in.
    pub const LOCALE: &str = "locale";
    /// The honeypot: hidden from people, filled in by bots.
    pub const HONEYPOT: &str = "website";
    /// Answers that are not about one field (too many, too long).
    pub const FORM: &str = "form";
}

string_enum! {
    /// How an applicant heard of the programme, for the recruitment report.
    pub enum HeardFrom {
        Friend = "friend",
        Press = "press",
        SocialMedia = "social_media",
        Employer = "employer",
        Organisation = "organisation",
        Website = "website",
        Other = "other",
    }
}

/// The raw answers of the form as `(name, value)` pairs, in the order they were sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(pub Vec<(String, String)>);

impl Answers {
    /// The first value sent under `name`, or `""`.
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(key, _)| key == name)
            .map_or("", |(_, value)| value.as_str())
    }

    /// Every value sent under `name`, e.g. each ticked slot.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0
            .iter()
            .filter(move |(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// `(suffix, value)` for every name starting with `prefix`, e.g. `years_3` gives `("3", …)`.
    pub fn with_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = (&'a str, &'a str)> {
        self.0.iter().filter_map(move |(key, value)| {
            key.strip_prefix(prefix)
                .map(|suffix| (suffix, value.as_str()))
        })
    }

    /// Whether the honeypot field was filled in, which people cannot see to do.
    pub fn is_bot(&self) -> bool {
        !self.get(field::HONEYPOT).trim().is_empty()
    }

    /// A copy without the honeypot and with blank answers dropped, for keeping as a draft.
    pub fn draft(&self) -> Answers {
        Answers(
            self.0
                .iter()
                .filter(|(key, value)| key != field::HONEYPOT && !value.trim().is_empty())
                .cloned()
                .collect(),
        )
    }
}

/// A sector the applicant has worked in, with the years of experience.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectorExperience {
    pub sector_id: i32,
    pub years: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpokenLanguage {
    pub language_id: i32,
    pub level: LanguageLevel,
}

/// A complete, well-formed application. Whether the applicant can mentor is `eligibility`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentorApplication {
    pub first_name: PersonName,
    pub last_name: PersonName,
    pub email: Email,
    pub phone: Phone,
    pub birth_year: i32,
    pub postcode: Postcode,
    pub city_id: i32,
    /// Only sectors with at least one year; ascending by sector id.
    pub sectors: Vec<SectorExperience>,
    /// Ascending by language id.
    pub languages: Vec<SpokenLanguage>,
    pub slots: WeeklySlots,
    pub motivation: ShortText,
    pub heard_from: HeardFrom,
    /// The page's language; an unknown value falls back to English rather than refusing.
    pub locale: Locale,
}

/// Why someone cannot mentor in the programme. The page explains each one kindly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Ineligibility {
    /// Mentors are 50 or older; the age is the one reached this calendar year.
    TooYoung { min_age: u32 },
    /// Mentors pass on their working experience, so at least one year in a sector is needed.
    NoSectorExperience,
}

impl MentorApplication {
    /// Checks every answer and reports every problem at once, each at its field.
    pub fn parse(
        answers: &Answers,
        today: NaiveDate,
    ) -> Result<MentorApplication, Vec<FieldError>> {
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
        let email = keep(e, field::EMAIL, Email::parse(answers.get(field::EMAIL)));
        let phone = keep(e, field::PHONE, Phone::parse(answers.get(field::PHONE)));
        let birth_year = keep(
            e,
            field::BIRTH_YEAR,
            parse_birth_year(answers.get(field::BIRTH_YEAR), today),
        );
        let postcode = keep(
            e,
            field::POSTCODE,
            Postcode::parse(answers.get(field::POSTCODE)),
        );
        let city_id = keep(e, field::CITY, parse_id(answers.get(field::CITY)));
        let (sectors, sector_errors) = parse_sectors(answers);
        e.extend(sector_errors);
        let (languages, language_error) = parse_languages(answers);
        e.extend(language_error);
        let slots = match WeeklySlots::parse(answers.all(field::SLOT)) {
            Ok(slots) if slots.is_empty() => Err(ErrorCode::Required),
            other => other,
        };
        let slots = keep(e, field::SLOTS, slots);
        let motivation = keep(
            e,
            field::MOTIVATION,
            parse_motivation(answers.get(field::MOTIVATION)),
        );
        let heard_from = match answers.get(field::HEARD_FROM).trim() {
            "" => Err(ErrorCode::Required),
            code => HeardFrom::parse(code).ok_or(ErrorCode::InvalidChoice),
        };
        let heard_from = keep(e, field::HEARD_FROM, heard_from);
        let consent = match answers.get(field::CONSENT) {
            "yes" => Ok(()),
            _ => Err(ErrorCode::Required),
        };
        let consent = keep(e, field::CONSENT, consent);
        match (
            first_name, last_name, email, phone, birth_year, postcode, city_id, slots, motivation,
            heard_from, consent,
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
                Some(motivation),
                Some(heard_from),
                Some(()),
            ) if errors.is_empty() => Ok(MentorApplication {
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
                motivation,
                heard_from,
                locale: Locale::parse(answers.get(field::LOCALE)).unwrap_or(Locale::En),
            }),
            _ => Err(errors),
        }
    }

    /// Every reason this applicant cannot mentor; empty when they can.
    pub fn eligibility(&self, today: NaiveDate) -> Vec<Ineligibility> {
        let mut reasons = Vec::new();
        if let Some(reason) = age_ineligibility(self.birth_year, today) {
            reasons.push(reason);
        }
        if self.sectors.is_empty() {
            reasons.push(Ineligibility::NoSectorExperience);
        }
        reasons
    }
}

/// The value, or `None` with its error recorded at `name`.
pub(crate) fn keep<T>(
    errors: &mut Vec<FieldError>,
    name: &str,
    result: Result<T, ErrorCode>,
) -> Option<T> {
    result.map_err(|code| errors.push(code.at(name))).ok()
}

/// The age rule alone, so the form can explain it as soon as the birth year is typed.
pub fn age_ineligibility(birth_year: i32, today: NaiveDate) -> Option<Ineligibility> {
    let age = today.year() - birth_year;
    (age < MENTOR_MIN_AGE as i32).then_some(Ineligibility::TooYoung {
        min_age: MENTOR_MIN_AGE,
    })
}

/// The eligibility rules a step can already explain once it is filled in: age after "about
/// you", experience after "experience". The whole application is judged again at the end.
pub fn ineligibility_after(step: Step, answers: &Answers, today: NaiveDate) -> Vec<Ineligibility> {
    match step {
        Step::AboutYou => parse_birth_year(answers.get(field::BIRTH_YEAR), today)
            .ok()
            .and_then(|year| age_ineligibility(year, today))
            .into_iter()
            .collect(),
        Step::Experience => {
            let (sectors, errors) = parse_sectors(answers);
            if errors.is_empty() && sectors.is_empty() {
                vec![Ineligibility::NoSectorExperience]
            } else {
                Vec::new()
            }
        }
        _ => Vec::new(),
    }
}

pub(crate) fn oversized(answers: &Answers) -> Option<FieldError> {
    if answers.0.len() > MAX_ANSWERS {
        return Some(
            ErrorCode::OutOfRange {
                min: 0,
                max: MAX_ANSWERS as i64,
            }
            .at(field::FORM),
        );
    }
    answers
        .0
        .iter()
        .any(|(key, value)| {
            key.chars().count() > MAX_ANSWER_CHARS || value.chars().count() > MAX_ANSWER_CHARS
        })
        .then(|| {
            ErrorCode::TooLong {
                max: MAX_ANSWER_CHARS as u32,
            }
            .at(field::FORM)
        })
}

/// A plausible year of birth: four digits, not in the future. Eligibility is checked apart.
pub fn parse_birth_year(s: &str, today: NaiveDate) -> Result<i32, ErrorCode> {
    let written = s.trim();
    if written.is_empty() {
        return Err(ErrorCode::Required);
    }
    let year: i32 = written.parse().map_err(|_| ErrorCode::InvalidYear)?;
    if !(EARLIEST_BIRTH_YEAR..=today.year()).contains(&year) {
        return Err(ErrorCode::InvalidYear);
    }
    Ok(year)
}

pub(crate) fn parse_id(s: &str) -> Result<i32, ErrorCode> {
    match s.trim() {
        "" => Err(ErrorCode::Required),
        id => id
            .parse::<i32>()
            .ok()
            .filter(|id| *id > 0)
            .ok_or(ErrorCode::InvalidChoice),
    }
}

fn parse_motivation(s: &str) -> Result<ShortText, ErrorCode> {
    let text = ShortText::parse(s, MOTIVATION_MAX_CHARS)?;
    if text.as_str().chars().count() < MOTIVATION_MIN_CHARS {
        return Err(ErrorCode::TooShort {
            min: MOTIVATION_MIN_CHARS as u32,
        });
    }
    Ok(text)
}

/// Years of experience per sector. A blank or zero means "not my sector"; a bad number is an
/// error at its own `years_<id>` field.
fn parse_sectors(answers: &Answers) -> (Vec<SectorExperience>, Vec<FieldError>) {
    let mut sectors = Vec::new();
    let mut errors = Vec::new();
    for (suffix, value) in answers.with_prefix(field::YEARS_PREFIX) {
        let name = format!("{}{suffix}", field::YEARS_PREFIX);
        let Ok(sector_id) = parse_id(suffix) else {
            errors.push(ErrorCode::InvalidChoice.at(name));
            continue;
        };
        match parse_years(value) {
            Ok(0) => {}
            Ok(years) => sectors.push(SectorExperience { sector_id, years }),
            Err(code) => errors.push(code.at(name)),
        }
    }
    sectors.sort_by_key(|s| s.sector_id);
    sectors.dedup_by_key(|s| s.sector_id);
    (sectors, errors)
}

pub fn parse_years(s: &str) -> Result<u32, ErrorCode> {
    let written = s.trim();
    if written.is_empty() {
        return Ok(0);
    }
    written
        .parse::<u32>()
        .ok()
        .filter(|years| *years <= MAX_YEARS_EXPERIENCE)
        .ok_or(ErrorCode::OutOfRange {
            min: 0,
            max: i64::from(MAX_YEARS_EXPERIENCE),
        })
}

/// One level per language; a blank level means "I do not speak it". At least one is needed.
pub(crate) fn parse_languages(answers: &Answers) -> (Vec<SpokenLanguage>, Option<FieldError>) {
    let mut languages = Vec::new();
    for (suffix, value) in answers.with_prefix(field::LANGUAGE_PREFIX) {
        if value.trim().is_empty() {
            continue;
        }
        match (parse_id(suffix), LanguageLevel::parse(value.trim())) {
            (Ok(language_id), Some(level)) => languages.push(SpokenLanguage { language_id, level }),
            _ => {
                return (
                    Vec::new(),
                    Some(ErrorCode::InvalidChoice.at(field::LANGUAGES)),
                );
            }
        }
    }
    languages.sort_by_key(|l| l.language_id);
    languages.dedup_by_key(|l| l.language_id);
    if languages.is_empty() {
        return (languages, Some(ErrorCode::Required.at(field::LANGUAGES)));
    }
    (languages, None)
}

/// The steps of the form on a phone, each with the fields it asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Step {
    AboutYou,
    Place,
    Experience,
    Languages,
    Availability,
    Motivation,
}

impl Step {
    pub const ALL: [Step; 6] = [
        Step::AboutYou,
        Step::Place,
        Step::Experience,
        Step::Languages,
        Step::Availability,
        Step::Motivation,
    ];

    pub fn number(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    pub fn next(self) -> Option<Step> {
        Step::ALL.get(self.number()).copied()
    }

    pub fn previous(self) -> Option<Step> {
        self.number().checked_sub(2).map(|i| Step::ALL[i])
    }

    /// The step that asks for `field`, so an error from the server opens the right step.
    pub fn of_field(name: &str) -> Step {
        use field::*;
        match name {
            FIRST_NAME | LAST_NAME | EMAIL | PHONE | BIRTH_YEAR => Step::AboutYou,
            POSTCODE | CITY => Step::Place,
            SECTORS => Step::Experience,
            n if n.starts_with(YEARS_PREFIX) => Step::Experience,
            LANGUAGES => Step::Languages,
            n if n.starts_with(LANGUAGE_PREFIX) => Step::Languages,
            SLOTS | SLOT => Step::Availability,
            _ => Step::Motivation,
        }
    }

    /// The first step with an error, if any.
    pub fn first_with_error(errors: &[FieldError]) -> Option<Step> {
        errors.iter().map(|e| Step::of_field(&e.field)).min()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    fn complete() -> Answers {
        let pairs = [
            ("first_name", "Marie"),
            ("last_name", "Dupont"),
            ("email", " Marie.Dupont@Example.be "),
            ("phone", "0470 12 34 56"),
            ("birth_year", "1962"),
            ("postcode", "1050"),
            ("city_id", "1"),
            ("years_3", "25"),
            ("years_4", ""),
            ("years_5", "0"),
            ("language_1", "native"),
            ("language_2", ""),
            ("language_3", "working"),
            ("slot", "tue-evening"),
            ("slot", "sat-morning"),
            (
                "motivation",
                "I want to pass on what I learned in thirty years.",
            ),
            ("heard_from", "press"),
            ("consent", "yes"),
            ("website", ""),
            ("locale", "fr"),
        ];
        Answers(
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        )
    }

    fn with(answers: &Answers, name: &str, value: &str) -> Answers {
        let mut changed = answers.clone();
        changed.0.retain(|(k, _)| k != name);
        changed.0.push((name.to_owned(), value.to_owned()));
        changed
    }

    fn fields(errors: &[FieldError]) -> Vec<(&str, ErrorCode)> {
        errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.clone()))
            .collect()
    }

    #[test]
    fn a_complete_application_parses() {
        let app = MentorApplication::parse(&complete(), today()).unwrap();
        assert_eq!(app.email.as_str(), "marie.dupont@example.be");
        assert_eq!(app.phone.as_str(), "+32470123456");
        assert_eq!(
            app.sectors,
            [SectorExperience {
                sector_id: 3,
                years: 25
            }]
        );
        assert_eq!(
            app.languages,
            [
                SpokenLanguage {
                    language_id: 1,
                    level: LanguageLevel::Native
                },
                SpokenLanguage {
                    language_id: 3,
                    level: LanguageLevel::Working
                }
            ]
        );
        assert_eq!(app.slots.len(), 2);
        assert_eq!(app.heard_from, HeardFrom::Press);
        assert_eq!(app.locale, Locale::Fr);
        assert!(app.eligibility(today()).is_empty());
    }

    #[test]
    fn every_missing_answer_is_reported_at_its_field() {
        let errors = MentorApplication::parse(&Answers::default(), today()).unwrap_err();
        let names: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        for expected in [
            "first_name",
            "last_name",
            "email",
            "phone",
            "birth_year",
            "postcode",
            "city_id",
            "languages",
            "slots",
            "motivation",
            "heard_from",
            "consent",
        ] {
            assert!(
                names.contains(&expected),
                "{expected} missing from {names:?}"
            );
        }
        assert!(errors.iter().all(|e| e.code == ErrorCode::Required));
    }

    #[test]
    fn bad_answers_name_their_field() {
        let cases: &[(&str, &str, &str, ErrorCode)] = &[
            ("email", "marie@", "email", ErrorCode::InvalidEmail),
            ("phone", "call me", "phone", ErrorCode::InvalidPhone),
            ("birth_year", "19x2", "birth_year", ErrorCode::InvalidYear),
            ("birth_year", "2030", "birth_year", ErrorCode::InvalidYear),
            ("postcode", "105", "postcode", ErrorCode::InvalidPostcode),
            ("city_id", "brussels", "city_id", ErrorCode::InvalidChoice),
            (
                "years_3",
                "61",
                "years_3",
                ErrorCode::OutOfRange { min: 0, max: 60 },
            ),
            ("years_x", "3", "years_x", ErrorCode::InvalidChoice),
            (
                "language_1",
                "perfect",
                "languages",
                ErrorCode::InvalidChoice,
            ),
            ("slot", "mon-night", "slots", ErrorCode::InvalidChoice),
            (
                "motivation",
                "Why not?",
                "motivation",
                ErrorCode::TooShort { min: 20 },
            ),
            ("heard_from", "tv", "heard_from", ErrorCode::InvalidChoice),
            ("consent", "no", "consent", ErrorCode::Required),
        ];
        for (name, value, at, code) in cases {
            let errors =
                MentorApplication::parse(&with(&complete(), name, value), today()).expect_err(name);
            assert_eq!(fields(&errors), [(*at, code.clone())], "{name}={value}");
        }
    }

    #[test]
    fn the_form_refuses_oversized_input_before_reading_it() {
        let long = "x".repeat(MAX_ANSWER_CHARS + 1);
        let errors =
            MentorApplication::parse(&with(&complete(), "motivation", &long), today()).unwrap_err();
        assert_eq!(
            fields(&errors),
            [("form", ErrorCode::TooLong { max: 4000 })]
        );
        let mut many = complete();
        many.0
            .extend((0..MAX_ANSWERS).map(|i| (format!("slot{i}"), String::new())));
        let errors = MentorApplication::parse(&many, today()).unwrap_err();
        assert_eq!(errors[0].field, "form");
    }

    #[test]
    fn eligibility_explains_age_and_experience() {
        let young = with(&complete(), "birth_year", "1977");
        let app = MentorApplication::parse(&young, today()).unwrap();
        assert_eq!(
            app.eligibility(today()),
            [Ineligibility::TooYoung { min_age: 50 }]
        );
        // 50 during this calendar year is old enough.
        let fifty = with(&complete(), "birth_year", "1976");
        let app = MentorApplication::parse(&fifty, today()).unwrap();
        assert!(app.eligibility(today()).is_empty());

        let mut no_experience = with(&young, "years_3", "0");
        no_experience.0.retain(|(k, _)| k != "years_3");
        let app = MentorApplication::parse(&no_experience, today()).unwrap();
        assert_eq!(
            app.eligibility(today()),
            [
                Ineligibility::TooYoung { min_age: 50 },
                Ineligibility::NoSectorExperience
            ]
        );
    }

    #[test]
    fn steps_explain_ineligibility_early() {
        let young = with(&complete(), "birth_year", "1990");
        assert_eq!(
            ineligibility_after(Step::AboutYou, &young, today()),
            [Ineligibility::TooYoung { min_age: 50 }]
        );
        assert!(ineligibility_after(Step::AboutYou, &complete(), today()).is_empty());
        // A birth year not typed yet is a field error, not a refusal.
        let blank = with(&complete(), "birth_year", "");
        assert!(ineligibility_after(Step::AboutYou, &blank, today()).is_empty());
        let none = with(&complete(), "years_3", "0");
        assert_eq!(
            ineligibility_after(Step::Experience, &none, today()),
            [Ineligibility::NoSectorExperience]
        );
        assert!(ineligibility_after(Step::Experience, &complete(), today()).is_empty());
        assert!(ineligibility_after(Step::Place, &young, today()).is_empty());
    }

    #[test]
    fn the_honeypot_and_the_draft() {
        assert!(!complete().is_bot());
        let bot = with(&complete(), "website", "http://spam.example");
        assert!(bot.is_bot());
        let draft = bot.draft();
        assert_eq!(draft.get("website"), "");
        assert!(draft.0.iter().all(|(_, v)| !v.trim().is_empty()));
        assert_eq!(draft.all("slot").count(), 2);
    }

    #[test]
    fn steps_follow_the_fields() {
        assert_eq!(Step::of_field("email"), Step::AboutYou);
        assert_eq!(Step::of_field("city_id"), Step::Place);
        assert_eq!(Step::of_field("years_12"), Step::Experience);
        assert_eq!(Step::of_field("language_2"), Step::Languages);
        assert_eq!(Step::of_field("slots"), Step::Availability);
        assert_eq!(Step::of_field("consent"), Step::Motivation);
        assert_eq!(Step::AboutYou.next(), Some(Step::Place));
        assert_eq!(Step::Motivation.next(), None);
        assert_eq!(Step::AboutYou.previous(), None);
        assert_eq!(Step::Motivation.number(), 6);
        let errors = vec![
            ErrorCode::Required.at("consent"),
            ErrorCode::Required.at("postcode"),
        ];
        assert_eq!(Step::first_with_error(&errors), Some(Step::Place));
    }

    #[test]
    fn answers_travel_as_pairs() {
        let json = serde_json::to_string(&complete()).unwrap();
        assert!(json.starts_with(r#"[["first_name","Marie"]"#));
        let back: Answers = serde_json::from_str(&json).unwrap();
        assert_eq!(back, complete());
    }
}
