//! A mentee row, checked by the registration form's own `MenteeRegistration::parse`: the row
//! becomes the answers the form would have sent, with the young person's consent given on paper.
//! Age is checked on the day they registered, since a programme's records go back years.

use chrono::NaiveDate;

use super::cells::{Problems, Reference, Row, entries, pair};
use super::fields::{choice, city, joined};
use super::{Issue, Problem};
use crate::domain::application::Answers;
use crate::domain::email::Email;
use crate::domain::error::ErrorCode;
use crate::domain::mentee::MenteeStatus;
use crate::domain::registration::{MenteeRegistration, field};

/// The statuses a mentee can come in with: open duos are not imported.
pub const STATUSES: [MenteeStatus; 5] = [
    MenteeStatus::Registered,
    MenteeStatus::IntakeDone,
    MenteeStatus::Waiting,
    MenteeStatus::FollowedUp,
    MenteeStatus::Withdrawn,
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MenteeRecord {
    pub registration: MenteeRegistration,
    /// Required here, unlike on the form: it is how a file names the mentee.
    pub email: Email,
    pub status: MenteeStatus,
    /// Also the day a waiting mentee's wait counts from.
    pub registered_on: NaiveDate,
}

/// The file's column for a field of the registration form.
fn column_of(form_field: &str) -> Option<&'static str> {
    Some(match form_field {
        field::FIRST_NAME => "first_name",
        field::LAST_NAME => "last_name",
        field::EMAIL => "email",
        field::PHONE => "phone",
        field::BIRTH_YEAR => "birth_year",
        field::POSTCODE => "postcode",
        field::CITY => "city",
        field::GOAL_SECTORS => "goal_sectors",
        field::EDUCATION => "education",
        field::LANGUAGES => "languages",
        field::SLOTS => "availability",
        field::GOAL => "goal",
        field::REFERRED_BY => "referred_by",
        field::MIGRANT_BACKGROUND => "migrant_background",
        field::SPECIAL_CONSENT => "special_category_consent",
        field::LOCALE => "locale",
        _ => return None,
    })
}

/// The answers the registration form would have sent for this row.
fn answers(p: &mut Problems, row: &Row<'_>, reference: &Reference) -> Answers {
    let mut a: Vec<(String, String)> = Vec::new();
    let mut put = |name: &str, value: &str| a.push((name.to_owned(), value.to_owned()));
    for (name, column) in [
        (field::FIRST_NAME, "first_name"),
        (field::LAST_NAME, "last_name"),
        (field::EMAIL, "email"),
        (field::PHONE, "phone"),
        (field::BIRTH_YEAR, "birth_year"),
        (field::POSTCODE, "postcode"),
        (field::GOAL, "goal"),
        (field::REFERRED_BY, "referred_by"),
    ] {
        put(name, row.get(column));
    }
    for (name, column) in [
        (field::EDUCATION, "education"),
        (field::MIGRANT_BACKGROUND, "migrant_background"),
        (field::SPECIAL_CONSENT, "special_category_consent"),
        (field::LOCALE, "locale"),
    ] {
        put(name, &row.get(column).to_lowercase());
    }
    // Given on the programme's paper form, which the import stands for.
    put(field::CONSENT, "yes");
    let city_id = city(p, row.get("city"), reference);
    put(
        field::CITY,
        &city_id.map(|id| id.to_string()).unwrap_or_default(),
    );
    for name in entries(row.get("goal_sectors")) {
        match reference.sector(name) {
            Some(id) => put(field::GOAL_SECTOR, &id.to_string()),
            None => p.add(
                "goal_sectors",
                Issue::UnknownSector {
                    value: name.to_owned(),
                },
            ),
        }
    }
    for entry in entries(row.get("languages")) {
        match pair(entry) {
            Ok((code, level)) => match reference.language(code) {
                Some(id) => put(
                    &format!("{}{id}", field::LANGUAGE_PREFIX),
                    &level.to_lowercase(),
                ),
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
    for slot in entries(row.get("availability")) {
        put(field::SLOT, &slot.to_lowercase());
    }
    Answers(a)
}

pub(super) fn check(
    row: &Row<'_>,
    reference: &Reference,
    today: NaiveDate,
) -> Result<MenteeRecord, Vec<Problem>> {
    let mut p = Problems::new(row.line);
    let registered_on = p.keep("registered_on", joined(row.get("registered_on"), today));
    let status = choice(row.get("status"), MenteeStatus::parse).and_then(|s| {
        STATUSES
            .contains(&s)
            .then_some(s)
            .ok_or(ErrorCode::InvalidChoice)
    });
    let status = p.keep("status", status);
    let answers = answers(&mut p, row, reference);
    let registration = match MenteeRegistration::parse(&answers, registered_on.unwrap_or(today)) {
        Ok(registration) => Some(registration),
        Err(errors) => {
            for error in errors {
                match column_of(&error.field) {
                    Some(column) if p.has(column) => {}
                    Some(column) => p.add(column, Issue::Invalid(error.code)),
                    None => p.list.push(Problem {
                        line: row.line,
                        column: None,
                        issue: Issue::Invalid(error.code),
                    }),
                }
            }
            None
        }
    };
    let email = registration.as_ref().and_then(|r| r.email.clone());
    if row.get("email").is_empty() && !p.has("email") {
        p.add("email", Issue::Invalid(ErrorCode::Required));
    }
    match (registration, email, status, registered_on) {
        (Some(registration), Some(email), Some(status), Some(registered_on))
            if p.list.is_empty() =>
        {
            Ok(MenteeRecord {
                registration,
                email,
                status,
                registered_on,
            })
        }
        _ => Err(p.list),
    }
}
