use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::domain::application::Answers;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).expect("date")
}

fn answers(pairs: &[(&str, &str)]) -> Answers {
    Answers(
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect(),
    )
}

const COMPLETE: &[(&str, &str)] = &[
    ("first_name", "Amina"),
    ("last_name", "El Idrissi"),
    ("email", "amina@example.be"),
    ("phone", ""),
    ("birth_year", "2001"),
    ("postcode", "1080"),
    ("city_id", "1"),
    ("goal_sector", "5"),
    ("goal_sector", "2"),
    ("education", "upper_secondary"),
    ("language_1", "working"),
    ("language_3", "native"),
    ("slot", "mon-evening"),
    ("goal", "Work as a nursing assistant"),
    ("referred_by", "Actiris, Molenbeek office"),
    ("migrant_background", ""),
    ("consent", "yes"),
    ("locale", "fr"),
];

fn with(changes: &[(&str, &str)]) -> Answers {
    let mut all = answers(COMPLETE);
    for (key, value) in changes {
        all.0.retain(|(k, _)| k != key);
        all.0.push(((*key).to_owned(), (*value).to_owned()));
    }
    all
}

fn fields_of(result: Result<MenteeRegistration, Vec<FieldError>>) -> Vec<(String, ErrorCode)> {
    result
        .expect_err("refused")
        .into_iter()
        .map(|e| (e.field, e.code))
        .collect()
}

#[test]
fn a_complete_registration_parses() {
    let parsed = MenteeRegistration::parse(&answers(COMPLETE), today()).expect("valid");
    assert_eq!(parsed.first_name.as_str(), "Amina");
    assert_eq!(parsed.phone, None);
    assert_eq!(parsed.birth_year.year(), 2001);
    assert_eq!(parsed.goal_sectors, [2, 5], "sorted");
    assert_eq!(parsed.education, EducationLevel::UpperSecondary);
    assert_eq!(parsed.languages.len(), 2);
    assert_eq!(parsed.migrant_background, None, "blank stores nothing");
    assert_eq!(parsed.locale, Locale::Fr);
}

/// Answers changed, the field that must complain, and how.
type Case = (
    &'static [(&'static str, &'static str)],
    &'static str,
    ErrorCode,
);

#[test]
fn each_rule_is_reported_at_its_field() {
    let cases: &[Case] = &[
        (
            &[("email", ""), ("phone", "")],
            "email",
            ErrorCode::Required,
        ),
        (
            &[("email", "not-an-address")],
            "email",
            ErrorCode::InvalidEmail,
        ),
        (
            &[("birth_year", "1980")],
            "birth_year",
            ErrorCode::MenteeAgeOutOfRange { min: 18, max: 33 },
        ),
        (
            &[("birth_year", "2015")],
            "birth_year",
            ErrorCode::MenteeAgeOutOfRange { min: 18, max: 33 },
        ),
        (
            &[("birth_year", "soon")],
            "birth_year",
            ErrorCode::InvalidYear,
        ),
        (&[("goal_sector", "")], "goal_sectors", ErrorCode::Required),
        (
            &[("education", "phd")],
            "education",
            ErrorCode::InvalidChoice,
        ),
        (&[("slot", "")], "slots", ErrorCode::Required),
        (
            &[("migrant_background", "perhaps")],
            "migrant_background",
            ErrorCode::InvalidChoice,
        ),
        (
            &[("migrant_background", "yes")],
            "special_category_consent",
            ErrorCode::Required,
        ),
        (&[("consent", "")], "consent", ErrorCode::Required),
        (&[("locale", "de")], "locale", ErrorCode::InvalidChoice),
    ];
    for (changes, field, code) in cases {
        let errors = fields_of(MenteeRegistration::parse(&with(changes), today()));
        assert_eq!(errors, [((*field).to_owned(), code.clone())], "{changes:?}");
    }
}

#[test]
fn four_goal_sectors_are_too_many() {
    let mut all = answers(COMPLETE);
    for id in ["7", "8"] {
        all.0.push(("goal_sector".to_owned(), id.to_owned()));
    }
    let errors = fields_of(MenteeRegistration::parse(&all, today()));
    assert_eq!(
        errors,
        [(
            "goal_sectors".to_owned(),
            ErrorCode::OutOfRange { min: 1, max: 3 }
        )]
    );
}

#[test]
fn migrant_background_is_kept_only_with_its_consent() {
    let with_consent = with(&[
        ("migrant_background", "yes"),
        ("special_category_consent", "yes"),
    ]);
    let parsed = MenteeRegistration::parse(&with_consent, today()).expect("valid");
    assert_eq!(parsed.migrant_background, Some(true));
    let no = with(&[
        ("migrant_background", "no"),
        ("special_category_consent", "yes"),
    ]);
    assert_eq!(
        MenteeRegistration::parse(&no, today())
            .expect("valid")
            .migrant_background,
        Some(false)
    );
}

proptest! {
    /// Whatever is typed, parsing answers with errors or a registration, never a panic, and
    /// every error names a field of the form.
    #[test]
    fn any_answers_parse_or_name_their_fields(values in proptest::collection::vec(".{0,40}", COMPLETE.len())) {
        let typed = Answers(COMPLETE.iter().zip(values).map(|((k, _), v)| ((*k).to_owned(), v)).collect());
        if let Err(errors) = MenteeRegistration::parse(&typed, today()) {
            for error in errors {
                prop_assert!(!error.field.is_empty());
            }
        }
    }
}
