//! A whole file checked: its encoding, its header, then every row, and rows that repeat an
//! earlier row's key (the e-mail of a person, or mentor, mentee and start of a duo).

use std::collections::HashMap;
use std::hash::Hash;

use chrono::NaiveDate;

use super::cells::{Reference, Row, parse_date};
use super::layout::{columns, read_header};
use super::{DuoRecord, ImportKind, Issue, MAX_ROWS, MenteeRecord, MentorRecord, Problem};
use super::{csv, duo, mentee, mentor};
use crate::domain::email::Email;

/// What a file holds once checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked<T> {
    /// Data rows in the file, the header not counted.
    pub rows: usize,
    /// The rows without any problem, with their line.
    pub records: Vec<(u32, T)>,
    /// Every problem, by line, then in the layout's column order.
    pub problems: Vec<Problem>,
}

impl<T> Checked<T> {
    fn refused(problems: Vec<Problem>) -> Checked<T> {
        Checked {
            rows: 0,
            records: Vec::new(),
            problems,
        }
    }
}

pub fn check_mentors(
    text: &str,
    names: &[(String, &'static str)],
    reference: &Reference,
    today: NaiveDate,
) -> Checked<MentorRecord> {
    let check = |row: &Row<'_>| mentor::check(row, reference, today);
    check_file(ImportKind::Mentors, text, names, check, person_key)
}

pub fn check_mentees(
    text: &str,
    names: &[(String, &'static str)],
    reference: &Reference,
    today: NaiveDate,
) -> Checked<MenteeRecord> {
    let check = |row: &Row<'_>| mentee::check(row, reference, today);
    check_file(ImportKind::Mentees, text, names, check, person_key)
}

pub fn check_duos(
    text: &str,
    names: &[(String, &'static str)],
    today: NaiveDate,
) -> Checked<DuoRecord> {
    let check = |row: &Row<'_>| duo::check(row, today);
    check_file(ImportKind::Duos, text, names, check, duo_key)
}

fn person_key(row: &Row<'_>) -> Option<(&'static str, Email)> {
    Some(("email", Email::parse(row.get("email")).ok()?))
}

fn duo_key(row: &Row<'_>) -> Option<(&'static str, (Email, Email, NaiveDate))> {
    let key = (
        Email::parse(row.get("mentor_email")).ok()?,
        Email::parse(row.get("mentee_email")).ok()?,
        parse_date(row.get("started_on")).ok()?,
    );
    Some(("mentor_email", key))
}

fn check_file<T, K: Hash + Eq>(
    kind: ImportKind,
    text: &str,
    names: &[(String, &'static str)],
    check: impl Fn(&Row<'_>) -> Result<T, Vec<Problem>>,
    key: impl Fn(&Row<'_>) -> Option<(&'static str, K)>,
) -> Checked<T> {
    // A browser reading a file that is not UTF-8 puts U+FFFD where the bytes made no sense.
    if text.contains('\u{fffd}') {
        return Checked::refused(vec![Problem::file(Issue::NotUtf8)]);
    }
    let records = match csv::read(text) {
        Ok(records) => records,
        Err(problem) => return Checked::refused(vec![problem]),
    };
    let Some((header, data)) = records.split_first() else {
        return Checked::refused(vec![Problem::file(Issue::Empty)]);
    };
    let keys = match read_header(kind, &header.cells, names) {
        Ok(keys) => keys,
        Err(problems) => return Checked::refused(problems),
    };
    if data.is_empty() {
        return Checked::refused(vec![Problem::file(Issue::Empty)]);
    }
    if data.len() > MAX_ROWS {
        let max = u32::try_from(MAX_ROWS).unwrap_or(u32::MAX);
        return Checked::refused(vec![Problem::file(Issue::TooManyRows { max })]);
    }
    let mut checked = Checked {
        rows: data.len(),
        records: Vec::with_capacity(data.len()),
        problems: Vec::new(),
    };
    let mut seen: HashMap<K, u32> = HashMap::with_capacity(data.len());
    for record in data {
        let row = Row {
            line: record.line,
            cells: keys
                .iter()
                .zip(&record.cells)
                .map(|(key, cell)| (*key, cell.as_str()))
                .collect(),
        };
        let mut problems = Vec::new();
        if record
            .cells
            .iter()
            .skip(keys.len())
            .any(|c| !c.trim().is_empty())
        {
            let columns = u32::try_from(keys.len()).unwrap_or(u32::MAX);
            problems.push(Problem {
                line: record.line,
                column: None,
                issue: Issue::ExtraCells { columns },
            });
        }
        if let Some((column, key)) = key(&row) {
            match seen.get(&key) {
                Some(&first_line) => {
                    problems.push(Problem::at(
                        record.line,
                        column,
                        Issue::Duplicate { first_line },
                    ));
                }
                None => {
                    seen.insert(key, record.line);
                }
            }
        }
        match check(&row) {
            Ok(value) if problems.is_empty() => checked.records.push((record.line, value)),
            Ok(_) => {}
            Err(mut refused) => problems.append(&mut refused),
        }
        checked.problems.append(&mut problems);
    }
    sort_problems(kind, &mut checked.problems);
    checked
}

/// By line, the whole row's problems first, then in the layout's column order; problems of
/// one cell keep the order they were found in.
pub fn sort_problems(kind: ImportKind, problems: &mut [Problem]) {
    problems.sort_by_key(|p| {
        let column = p.column.as_deref();
        let position = columns(kind).iter().position(|c| Some(c.key) == column);
        (p.line, column.is_some(), position)
    });
}
