use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::consent::{ConsentChannel, ConsentPurpose};
use crate::domain::role::Role;
use crate::features::people::types::PersonKind;

/// Who may export a person's data: admins, and coordinators for their cities.
pub const EXPORTERS: &[Role] = &[Role::Coordinator, Role::Admin];

/// Who may erase a person: admins. It cannot be undone.
pub const ERASERS: &[Role] = &[Role::Admin];

/// One consent a person gave, and when they withdrew it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentRecord {
    pub id: i32,
    pub purpose: ConsentPurpose,
    pub channel: ConsentChannel,
    /// The version of the privacy notice the person was shown.
    pub text_version: String,
    pub given_at: DateTime<Utc>,
    pub withdrawn_at: Option<DateTime<Utc>>,
}

/// What the audit-log search page asks for; every field may be blank. The page's address holds
/// it, so a search works without JavaScript and can be bookmarked.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AuditQuery {
    /// `mentor`, `mentee`, `duo` or `user`.
    pub subject: Option<String>,
    pub subject_id: Option<i32>,
    /// Part of the e-mail address of who did it.
    pub actor: Option<String>,
    pub action: Option<String>,
    /// `YYYY-MM-DD`, Brussels days, both included.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Only entries older than this one: the next page.
    pub before: Option<i32>,
}

/// The kinds of subject the audit log names.
pub const AUDIT_SUBJECTS: [&str; 4] = ["mentor", "mentee", "duo", "user"];

/// One audit entry as admins read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i32,
    pub at: DateTime<Utc>,
    /// The e-mail address of who did it; `None` for the system (or a deleted account).
    pub actor: Option<String>,
    pub action: String,
    pub subject: String,
    pub subject_id: Option<i32>,
    pub from_address: Option<String>,
}

/// One page of the search, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    /// Whether older entries match too.
    pub more: bool,
    /// Every action the log holds, for the search's choices.
    pub actions: Vec<String>,
}

/// Entries per page of the audit-log search.
pub const AUDIT_PAGE_SIZE: u64 = 50;

/// Where a person's export is downloaded: `{EXPORT_PATH}/{kind}/{id}.json` or `.csv`.
pub const EXPORT_PATH: &str = "/privacy/export";

/// The two formats of a person's export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Json,
    Csv,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Csv => "csv",
        }
    }

    /// The person's id and the format, from a file name such as `12.json`.
    pub fn parse_file(file: &str) -> Option<(i32, Self)> {
        let (id, extension) = file.split_once('.')?;
        let format = [ExportFormat::Json, ExportFormat::Csv]
            .into_iter()
            .find(|f| f.extension() == extension)?;
        Some((id.parse().ok()?, format))
    }
}

/// The link that downloads a person's export.
pub fn export_href(kind: PersonKind, id: i32, format: ExportFormat) -> String {
    format!(
        "{EXPORT_PATH}/{}/{id}.{}",
        kind.as_str(),
        format.extension()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_round_trip() {
        let href = export_href(PersonKind::Mentees, 12, ExportFormat::Csv);
        assert_eq!(href, "/privacy/export/mentees/12.csv");
        let file = href.rsplit('/').next().unwrap_or_default();
        assert_eq!(
            ExportFormat::parse_file(file),
            Some((12, ExportFormat::Csv))
        );
        assert_eq!(
            ExportFormat::parse_file("7.json"),
            Some((7, ExportFormat::Json))
        );
        for refused in ["7", "7.xml", "x.json", ".csv", "7.json.csv"] {
            assert_eq!(ExportFormat::parse_file(refused), None, "{refused}");
        }
    }
}

/// One person the retention job will anonymise, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionDue {
    pub kind: PersonKind,
    pub id: i32,
    pub name: String,
    pub city_id: i32,
    /// The latest of their status changes, edits, duos, meetings, follow-ups and sign-ins.
    pub last_activity: chrono::NaiveDate,
    /// `last_activity` plus the retention period; the job runs on it or after.
    pub due_on: chrono::NaiveDate,
}

/// A public sign-up whose address was never confirmed, and the day it is deleted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignUpDue {
    pub id: i32,
    pub name: String,
    pub city_id: i32,
    pub applied_on: chrono::NaiveDate,
    pub removed_on: chrono::NaiveDate,
}

/// What the admin's retention page shows: the period, and who goes next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionPreview {
    pub months: u32,
    pub today: chrono::NaiveDate,
    pub cities: Vec<crate::features::reference::Named>,
    /// How many are past their day, for the job's next run.
    pub overdue: u32,
    /// The next ones by day, the overdue first; at most `RETENTION_PREVIEW_SIZE`.
    pub next: Vec<RetentionDue>,
    /// How many more come after `next`.
    pub more: u32,
    /// Unconfirmed sign-ups, the first deleted first; at most `RETENTION_PREVIEW_SIZE`.
    pub sign_ups: Vec<SignUpDue>,
}

pub const RETENTION_PREVIEW_SIZE: usize = 50;
