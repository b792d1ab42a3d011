//! Importing an existing programme from CSV files: mentors, mentees and past duos, one file per
//! kind with a documented column layout.
//!
//! Every row is checked with the parse functions of the forms (`Email::parse`,
//! `MentorBirthYear::parse`, `MenteeRegistration::parse`, `parse_reported`, …), and each problem
//! is reported at its line and column, as data the page translates. Nothing here reads the
//! database: the reference lists and what the database already holds are passed in.

mod cells;
pub mod csv;
mod duo;
mod fields;
mod file;
pub mod layout;
mod mentee;
mod mentor;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::error::ErrorCode;
use super::string_enum::string_enum;

pub use cells::{Reference, parse_date};
pub use duo::{DuoRecord, FollowUpRecord};
pub use file::{Checked, check_duos, check_mentees, check_mentors, sort_problems};
pub use mentee::MenteeRecord;
pub use mentor::MentorRecord;

/// More data rows than this in one file are refused: split the file.
pub const MAX_ROWS: usize = 50_000;

string_enum! {
    /// What a file holds; each kind has its own column layout.
    pub enum ImportKind {
        Mentors = "mentors",
        Mentees = "mentees",
        Duos = "duos",
    }
}

/// What is wrong with a cell, a row or the whole file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Issue {
    /// The value fails the check the forms make.
    Invalid(ErrorCode),
    UnknownCity {
        value: String,
    },
    UnknownSector {
        value: String,
    },
    UnknownLanguage {
        value: String,
    },
    /// A list entry not written as the layout says, e.g. a sector without its years.
    BadItem {
        value: String,
    },
    /// An earlier line of the file has the same key (e-mail, or mentor, mentee and start).
    Duplicate {
        first_line: u32,
    },
    /// No mentor with this e-mail address, in the database.
    UnknownMentor,
    UnknownMentee,
    /// Another person's account (staff, or another mentor) has this e-mail address, so the
    /// mentor could not sign in with it.
    EmailTaken,
    /// A follow-up outcome given before the follow-up is due.
    FollowUpNotDue {
        due_on: NaiveDate,
    },
    /// A value this row's status does not take, such as an outcome for a duo stopped early.
    NotForThisStatus,
    /// The file has no rows under its header, or nothing at all.
    Empty,
    /// The file is not UTF-8: saved from a spreadsheet in another encoding.
    NotUtf8,
    UnclosedQuote,
    /// A column the layout needs is not in the header.
    MissingColumn,
    /// A header cell that is no column of the layout.
    UnknownColumn,
    /// The same column twice in the header.
    DuplicateColumn,
    /// More filled cells than the header has columns.
    ExtraCells {
        columns: u32,
    },
    TooManyRows {
        max: u32,
    },
}

/// One problem of a file: its line (the header is line 1), the column when it is about one
/// (the layout's key, or the header text of an unknown column) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub line: u32,
    pub column: Option<String>,
    pub issue: Issue,
}

impl Problem {
    pub fn at(line: u32, column: &str, issue: Issue) -> Problem {
        Problem {
            line,
            column: Some(column.to_owned()),
            issue,
        }
    }

    pub fn file(issue: Issue) -> Problem {
        Problem {
            line: 1,
            column: None,
            issue,
        }
    }
}

#[cfg(test)]
mod tests;
