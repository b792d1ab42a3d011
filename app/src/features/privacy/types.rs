use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::consent::{ConsentChannel, ConsentPurpose};
use crate::domain::role::Role;
use crate::features::people::types::PersonKind;

/// Who may export a person's data: admins, and coordinators for their cities.
pub const EXPORTERS: &[Role] = &[Role::Coordinator, Role::Admin];

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
