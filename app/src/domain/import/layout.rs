//! The column layout of each kind of file, and reading a header against it.
//!
//! A column is named by its key (`first_name`) or by its header in any of the three interface
//! languages (`Prénom`, `Voornaam`, `First name`), which the caller passes in. Names compare
//! without case, spaces, dashes or underscores, so `E-mail` and `email` are the same column.

use super::{ImportKind, Issue, Problem};

/// One column: its key, and whether the header must have it. An optional column may be left
/// out of the file altogether.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub key: &'static str,
    pub required: bool,
}

const fn need(key: &'static str) -> Column {
    Column {
        key,
        required: true,
    }
}

const fn may(key: &'static str) -> Column {
    Column {
        key,
        required: false,
    }
}

pub const MENTORS: &[Column] = &[
    need("first_name"),
    need("last_name"),
    need("email"),
    may("phone"),
    need("birth_year"),
    need("postcode"),
    need("city"),
    need("sectors"),
    need("languages"),
    may("availability"),
    need("locale"),
    need("status"),
    may("joined_on"),
    may("completed_duos"),
];

pub const MENTEES: &[Column] = &[
    need("first_name"),
    need("last_name"),
    need("email"),
    may("phone"),
    need("birth_year"),
    need("postcode"),
    need("city"),
    need("goal_sectors"),
    need("education"),
    need("languages"),
    need("availability"),
    need("locale"),
    need("status"),
    may("registered_on"),
    may("goal"),
    may("referred_by"),
    may("migrant_background"),
    may("special_category_consent"),
];

pub const DUOS: &[Column] = &[
    need("mentor_email"),
    need("mentee_email"),
    need("started_on"),
    need("ended_on"),
    need("status"),
    may("reason"),
    may("outcome"),
    may("contract_type"),
    may("lasts_three_months"),
    may("outcome_3_months"),
    may("outcome_6_months"),
    may("outcome_12_months"),
];

pub fn columns(kind: ImportKind) -> &'static [Column] {
    match kind {
        ImportKind::Mentors => MENTORS,
        ImportKind::Mentees => MENTEES,
        ImportKind::Duos => DUOS,
    }
}

/// Every key of every layout, once, for the caller to name in each language.
pub fn all_keys() -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = Vec::new();
    for column in MENTORS.iter().chain(MENTEES).chain(DUOS) {
        if !keys.contains(&column.key) {
            keys.push(column.key);
        }
    }
    keys
}

/// A header name as compared: lower case, letters and digits only.
pub fn normalise(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The column of each header cell, in order. `names` are `(header, key)` pairs in every
/// language; the key itself always names its column. Refused with every problem of the header.
pub fn read_header(
    kind: ImportKind,
    header: &[String],
    names: &[(String, &'static str)],
) -> Result<Vec<&'static str>, Vec<Problem>> {
    let layout = columns(kind);
    let find = |cell: &str| {
        let wanted = normalise(cell);
        layout.iter().map(|c| c.key).find(|key| {
            normalise(key) == wanted
                || names
                    .iter()
                    .any(|(name, k)| k == key && normalise(name) == wanted)
        })
    };
    let mut keys = Vec::new();
    let mut problems = Vec::new();
    for cell in header {
        match find(cell) {
            Some(key) if keys.contains(&key) => {
                problems.push(Problem::at(1, key, Issue::DuplicateColumn));
            }
            Some(key) => keys.push(key),
            None => problems.push(Problem::at(1, cell.trim(), Issue::UnknownColumn)),
        }
    }
    for column in layout.iter().filter(|c| c.required) {
        if !keys.contains(&column.key) {
            problems.push(Problem::at(1, column.key, Issue::MissingColumn));
        }
    }
    if problems.is_empty() {
        Ok(keys)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| (*c).to_owned()).collect()
    }

    #[test]
    fn keys_and_names_in_any_language_find_their_column() {
        let names = vec![
            ("Adresse e-mail".to_owned(), "mentor_email"),
            ("E-mailadres mentee".to_owned(), "mentee_email"),
        ];
        let cells = header(&[
            "adresse E-MAIL",
            " e-mailadres mentee",
            "Started on",
            "ended_on",
            "STATUS",
        ]);
        assert_eq!(
            read_header(ImportKind::Duos, &cells, &names),
            Ok(vec![
                "mentor_email",
                "mentee_email",
                "started_on",
                "ended_on",
                "status"
            ])
        );
    }

    #[test]
    fn unknown_repeated_and_missing_columns_are_all_named() {
        let cells = header(&["email", "first name", "email", "shoe size"]);
        let problems = read_header(ImportKind::Mentors, &cells, &[]).unwrap_err();
        let named: Vec<(&str, &Issue)> = problems
            .iter()
            .map(|p| (p.column.as_deref().unwrap_or(""), &p.issue))
            .collect();
        assert_eq!(
            named[..2],
            [
                ("email", &Issue::DuplicateColumn),
                ("shoe size", &Issue::UnknownColumn)
            ]
        );
        let missing: Vec<&str> = named[2..].iter().map(|(c, _)| *c).collect();
        assert_eq!(
            missing,
            [
                "last_name",
                "birth_year",
                "postcode",
                "city",
                "sectors",
                "languages",
                "locale",
                "status"
            ]
        );
        assert!(problems.iter().all(|p| p.line == 1));
    }

    #[test]
    fn every_key_is_listed_once() {
        let keys = all_keys();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), keys.len());
        assert!(keys.contains(&"outcome_12_months") && keys.contains(&"goal_sectors"));
    }
}
