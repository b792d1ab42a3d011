//! Cells read the same way in every kind of file: optional values, codes, the day someone
//! joined, a city, and a list of languages with their levels.

use chrono::NaiveDate;

use super::Issue;
use super::cells::{Problems, Reference, entries, pair, parse_date};
use crate::domain::application::{Answers, SpokenLanguage, field, parse_languages};
use crate::domain::error::ErrorCode;

/// Blank is `None`; anything else must parse.
pub(super) fn optional<T>(
    s: &str,
    parse: impl Fn(&str) -> Result<T, ErrorCode>,
) -> Result<Option<T>, ErrorCode> {
    if s.is_empty() {
        Ok(None)
    } else {
        parse(s).map(Some)
    }
}

/// One of a closed set of codes, written in any case.
pub(super) fn choice<T>(s: &str, parse: impl Fn(&str) -> Option<T>) -> Result<T, ErrorCode> {
    match s.to_lowercase().as_str() {
        "" => Err(ErrorCode::Required),
        code => parse(code).ok_or(ErrorCode::InvalidChoice),
    }
}

/// The day someone joined: today when blank, never in the future.
pub(super) fn joined(s: &str, today: NaiveDate) -> Result<NaiveDate, ErrorCode> {
    if s.is_empty() {
        return Ok(today);
    }
    let day = parse_date(s)?;
    if day > today {
        Err(ErrorCode::DateInFuture)
    } else {
        Ok(day)
    }
}

pub(super) fn city(p: &mut Problems, cell: &str, reference: &Reference) -> Option<i32> {
    if cell.is_empty() {
        p.add("city", Issue::Invalid(ErrorCode::Required));
        return None;
    }
    let id = reference.city(cell);
    if id.is_none() {
        p.add(
            "city",
            Issue::UnknownCity {
                value: cell.to_owned(),
            },
        );
    }
    id
}

/// `fr:native|nl:working`, read by the application's own `parse_languages`.
pub(super) fn languages(
    p: &mut Problems,
    cell: &str,
    reference: &Reference,
) -> Vec<SpokenLanguage> {
    let mut answers = Answers::default();
    for entry in entries(cell) {
        match pair(entry) {
            Ok((code, level)) => match reference.language(code) {
                Some(id) => answers.0.push((
                    format!("{}{id}", field::LANGUAGE_PREFIX),
                    level.to_lowercase(),
                )),
                None => p.add(
                    "languages",
                    Issue::UnknownLanguage {
                        value: code.to_owned(),
                    },
                ),
            },
            Err(issue) => p.add("languages", issue),
        }
    }
    let (languages, error) = parse_languages(&answers);
    if let Some(error) = error
        && !p.has("languages")
    {
        p.add("languages", Issue::Invalid(error.code));
    }
    languages
}
