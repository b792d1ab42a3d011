//! What the import page sends and gets back: the dry run's report, and the lines of the
//! import's progress stream.

use serde::{Deserialize, Serialize};

pub use crate::domain::import::{ImportKind, Issue, Problem};
use crate::error::AppError;

/// A report lists this many problems at most; the count says how many there are in all.
pub const MAX_SHOWN: usize = 1000;

/// Files larger than this are refused by the server before they are read (and by the page
/// before they are sent). Ten thousand mentors take about 2 MB.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// What the dry run found. Nothing was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub kind: ImportKind,
    /// Data rows in the file.
    pub rows: u32,
    /// Rows without problems that the import would create.
    pub new: u32,
    /// Rows without problems that are in the database already; importing skips them.
    pub already_there: u32,
    /// The first `MAX_SHOWN` problems, by line.
    pub problems: Vec<Problem>,
    pub problem_count: u32,
}

impl ImportReport {
    /// Whether the import may run: no problem, and something to create.
    pub fn ready(&self) -> bool {
        self.problem_count == 0 && self.new > 0
    }
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    pub created: u32,
    pub already_there: u32,
}

/// One line of the import's progress stream, as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportEvent {
    /// The file was checked again, inside the transaction: `total` rows are being written.
    Started { total: u32 },
    /// `written` rows of `total` are written (not yet committed).
    Progress { written: u32, total: u32 },
    /// Committed.
    Done(ImportSummary),
    /// The file has problems after all (the data changed since the dry run): nothing written.
    Refused(ImportReport),
    /// The import failed and was undone: nothing written.
    Failed(AppError),
}

impl ImportEvent {
    /// The event as one line of the stream.
    pub fn line(&self) -> String {
        let mut line = serde_json::to_string(self).unwrap_or_default();
        line.push('\n');
        line
    }

    /// The complete lines at the front of `buffer`, parsed; an incomplete last line stays for
    /// the next chunk. A line that is not an event is dropped.
    pub fn take_lines(buffer: &mut String) -> Vec<ImportEvent> {
        let Some(end) = buffer.rfind('\n') else {
            return Vec::new();
        };
        let rest = buffer.split_off(end + 1);
        let complete = std::mem::replace(buffer, rest);
        complete
            .lines()
            .filter_map(|line| serde_json::from_str(line).ok())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_survive_being_cut_anywhere() {
        let events = vec![
            ImportEvent::Started { total: 3 },
            ImportEvent::Progress {
                written: 3,
                total: 3,
            },
            ImportEvent::Done(ImportSummary {
                created: 3,
                already_there: 1,
            }),
        ];
        let stream: String = events.iter().map(ImportEvent::line).collect();
        for cut in 0..stream.len() {
            let mut buffer = String::new();
            let mut seen = Vec::new();
            for chunk in [&stream[..cut], &stream[cut..]] {
                buffer.push_str(chunk);
                seen.extend(ImportEvent::take_lines(&mut buffer));
            }
            assert_eq!(seen, events, "cut at {cut}");
            assert!(buffer.is_empty());
        }
    }

    #[test]
    fn a_report_is_ready_with_new_rows_and_no_problem() {
        let report = ImportReport {
            kind: ImportKind::Mentors,
            rows: 2,
            new: 1,
            already_there: 1,
            problems: Vec::new(),
            problem_count: 0,
        };
        assert!(report.ready());
        assert!(
            !ImportReport {
                new: 0,
                ..report.clone()
            }
            .ready()
        );
        assert!(
            !ImportReport {
                problem_count: 1,
                ..report
            }
            .ready()
        );
    }
}
