//! Reading one row's cells: by column, as dates, as lists, and as names of the programme's
//! cities, sectors and languages.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::layout::normalise;
use super::{Issue, Problem};
use crate::domain::error::ErrorCode;

/// Separates the entries of a list cell: `construction:12|logistics:5`.
pub const LIST_SEPARATOR: char = '|';
/// Separates an entry from its value: `fr:native`.
pub const VALUE_SEPARATOR: char = ':';

/// One data row: its line and its cells by column key.
pub struct Row<'a> {
    pub line: u32,
    pub cells: HashMap<&'static str, &'a str>,
}

impl Row<'_> {
    /// The cell of `key`, trimmed; blank when the column is not in the file.
    pub fn get(&self, key: &str) -> &str {
        self.cells.get(key).map_or("", |cell| cell.trim())
    }
}

/// The programme's cities, sectors and languages by every name a file may use for them: the
/// slug or code, and the name in each interface language.
#[derive(Debug, Clone, Default)]
pub struct Reference {
    cities: HashMap<String, i32>,
    sectors: HashMap<String, i32>,
    languages: HashMap<String, i32>,
}

impl Reference {
    /// `(id, names)` for each city, sector and language.
    pub fn new(
        cities: &[(i32, Vec<String>)],
        sectors: &[(i32, Vec<String>)],
        languages: &[(i32, Vec<String>)],
    ) -> Reference {
        let index = |list: &[(i32, Vec<String>)]| {
            let mut map = HashMap::new();
            for (id, names) in list {
                for name in names {
                    map.entry(normalise(name)).or_insert(*id);
                }
            }
            map
        };
        Reference {
            cities: index(cities),
            sectors: index(sectors),
            languages: index(languages),
        }
    }

    pub fn city(&self, name: &str) -> Option<i32> {
        self.cities.get(&normalise(name)).copied()
    }

    pub fn sector(&self, name: &str) -> Option<i32> {
        self.sectors.get(&normalise(name)).copied()
    }

    pub fn language(&self, name: &str) -> Option<i32> {
        self.languages.get(&normalise(name)).copied()
    }
}

/// A day written `2024-03-18` (as spreadsheets export dates) or `18/03/2024` (as people in
/// Belgium write them).
pub fn parse_date(s: &str) -> Result<NaiveDate, ErrorCode> {
    let written = s.trim();
    if written.is_empty() {
        return Err(ErrorCode::Required);
    }
    NaiveDate::parse_from_str(written, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(written, "%d/%m/%Y"))
        .map_err(|_| ErrorCode::InvalidDate)
}

/// The entries of a list cell, trimmed, blanks dropped.
pub fn entries(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(LIST_SEPARATOR)
        .map(str::trim)
        .filter(|e| !e.is_empty())
}

/// `name:value` split in two; a bare name is a `BadItem`.
pub fn pair(entry: &str) -> Result<(&str, &str), Issue> {
    entry
        .split_once(VALUE_SEPARATOR)
        .map(|(name, value)| (name.trim(), value.trim()))
        .filter(|(name, value)| !name.is_empty() && !value.is_empty())
        .ok_or_else(|| Issue::BadItem {
            value: entry.to_owned(),
        })
}

/// Collects the problems of one row, each at its column.
pub struct Problems {
    pub line: u32,
    pub list: Vec<Problem>,
}

impl Problems {
    pub fn new(line: u32) -> Problems {
        Problems {
            line,
            list: Vec::new(),
        }
    }

    pub fn add(&mut self, column: &str, issue: Issue) {
        self.list.push(Problem::at(self.line, column, issue));
    }

    /// The value, or `None` with the form's refusal recorded at `column`.
    pub fn keep<T>(&mut self, column: &str, result: Result<T, ErrorCode>) -> Option<T> {
        result
            .map_err(|code| self.add(column, Issue::Invalid(code)))
            .ok()
    }

    /// Whether `column` already has a problem, so a later check does not repeat it.
    pub fn has(&self, column: &str) -> bool {
        self.list
            .iter()
            .any(|p| p.column.as_deref() == Some(column))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_both_writings() {
        let day = NaiveDate::from_ymd_opt(2024, 3, 18).unwrap();
        assert_eq!(parse_date(" 2024-03-18 "), Ok(day));
        assert_eq!(parse_date("18/03/2024"), Ok(day));
        assert_eq!(parse_date(""), Err(ErrorCode::Required));
        assert_eq!(parse_date("2024-02-30"), Err(ErrorCode::InvalidDate));
        assert_eq!(parse_date("18.03.2024"), Err(ErrorCode::InvalidDate));
    }

    #[test]
    fn names_in_any_language_and_case() {
        let names = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect();
        let reference = Reference::new(
            &[(7, names(&["liege", "Liège", "Luik", "Liège"]))],
            &[(3, names(&["social-work", "Travail social"]))],
            &[(1, names(&["fr", "Français", "Frans", "French"]))],
        );
        assert_eq!(reference.city("LUIK"), Some(7));
        assert_eq!(reference.city("liège"), Some(7));
        assert_eq!(reference.city("Namur"), None);
        assert_eq!(reference.sector("social_work"), Some(3));
        assert_eq!(reference.sector("travail social"), Some(3));
        assert_eq!(reference.language("FR"), Some(1));
    }

    #[test]
    fn list_entries_and_pairs() {
        let list: Vec<&str> = entries(" construction:12 | | it:3 ").collect();
        assert_eq!(list, ["construction:12", "it:3"]);
        assert_eq!(pair("fr : native"), Ok(("fr", "native")));
        assert_eq!(
            pair("construction"),
            Err(Issue::BadItem {
                value: "construction".to_owned()
            })
        );
        assert!(pair(":3").is_err());
    }
}
