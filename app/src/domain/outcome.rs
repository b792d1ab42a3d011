//! What a mentee reports doing after the duo, at closure and at the 3/6/12-month follow-ups.
//!
//! Outcomes are self-reported; the figures built on them say so.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::error::{ErrorCode, FieldError};
use super::string_enum::string_enum;

string_enum! {
    pub enum Outcome {
        Job = "job",
        Internship = "internship",
        Training = "training",
        Studies = "studies",
        None = "none",
        Unknown = "unknown",
    }
}

impl Outcome {
    /// The programme's "positive outcome": a job, an internship or a training.
    pub fn is_positive(self) -> bool {
        matches!(self, Outcome::Job | Outcome::Internship | Outcome::Training)
    }

    /// Whether the mentee could be reached and answered; unknown outcomes stay out of rates.
    pub fn is_known(self) -> bool {
        self != Outcome::Unknown
    }
}

string_enum! {
    /// The kind of contract of a job outcome, as Belgian job counsellors name them.
    pub enum ContractType {
        Permanent = "permanent",
        FixedTerm = "fixed_term",
        TemporaryAgency = "temporary_agency",
        /// A job through the public social-welfare centre (article 60 and the like).
        SocialEmployment = "social_employment",
        SelfEmployed = "self_employed",
        Other = "other",
    }
}

/// What a job outcome adds: the contract, and whether it lasts at least three months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobDetails {
    pub contract: ContractType,
    pub lasts_three_months: bool,
}

/// An outcome as recorded at the end of a duo or at a follow-up; a job carries its details.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportedOutcome {
    pub outcome: Outcome,
    pub job: Option<JobDetails>,
}

/// Reads an outcome form: the outcome, and for a job its contract (`contract_type`) and
/// whether it lasts three months (`lasts_three_months`, "yes" or "no"). Details given for
/// another outcome are dropped, since the form hides them.
pub fn parse_reported(
    outcome: &str,
    contract: &str,
    lasts: &str,
) -> Result<ReportedOutcome, Vec<FieldError>> {
    let outcome = match outcome.trim() {
        "" => return Err(vec![ErrorCode::Required.at("outcome")]),
        written => Outcome::parse(written).ok_or(vec![ErrorCode::InvalidChoice.at("outcome")])?,
    };
    if outcome != Outcome::Job {
        return Ok(ReportedOutcome { outcome, job: None });
    }
    let mut errors = Vec::new();
    let contract = match contract.trim() {
        "" => Err(ErrorCode::Required),
        written => ContractType::parse(written).ok_or(ErrorCode::InvalidChoice),
    }
    .map_err(|code| errors.push(code.at("contract_type")))
    .ok();
    let lasts = match lasts.trim() {
        "yes" => Ok(true),
        "no" => Ok(false),
        "" => Err(ErrorCode::Required),
        _ => Err(ErrorCode::InvalidChoice),
    }
    .map_err(|code| errors.push(code.at("lasts_three_months")))
    .ok();
    match (contract, lasts) {
        (Some(contract), Some(lasts_three_months)) => Ok(ReportedOutcome {
            outcome,
            job: Some(JobDetails {
                contract,
                lasts_three_months,
            }),
        }),
        _ => Err(errors),
    }
}

/// A follow-up moment after the end of a duo. Serialised as its number of months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub enum FollowUpMonth {
    M3,
    M6,
    M12,
}

impl FollowUpMonth {
    pub const ALL: &'static [FollowUpMonth] =
        &[FollowUpMonth::M3, FollowUpMonth::M6, FollowUpMonth::M12];

    pub fn months(self) -> u32 {
        match self {
            FollowUpMonth::M3 => 3,
            FollowUpMonth::M6 => 6,
            FollowUpMonth::M12 => 12,
        }
    }

    pub fn from_months(months: u32) -> Option<FollowUpMonth> {
        Self::ALL.iter().copied().find(|f| f.months() == months)
    }

    /// The day the follow-up is due, clamped to the end of a shorter month.
    pub fn due_on(self, end: NaiveDate) -> NaiveDate {
        end.checked_add_months(Months::new(self.months()))
            .unwrap_or(NaiveDate::MAX)
    }
}

impl TryFrom<u32> for FollowUpMonth {
    type Error = super::error::ErrorCode;

    fn try_from(months: u32) -> Result<Self, Self::Error> {
        FollowUpMonth::from_months(months).ok_or(super::error::ErrorCode::InvalidChoice)
    }
}

impl From<FollowUpMonth> for u32 {
    fn from(follow_up: FollowUpMonth) -> u32 {
        follow_up.months()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::string_enum::assert_string_enum;

    #[test]
    fn strings_and_positivity() {
        let expected = [
            "job",
            "internship",
            "training",
            "studies",
            "none",
            "unknown",
        ];
        assert_string_enum(Outcome::ALL, Outcome::as_str, Outcome::parse, &expected);
        let positive: Vec<_> = Outcome::ALL.iter().map(|o| o.is_positive()).collect();
        assert_eq!(positive, [true, true, true, false, false, false]);
        let known: Vec<_> = Outcome::ALL.iter().map(|o| o.is_known()).collect();
        assert_eq!(known, [true, true, true, true, true, false]);
    }

    #[test]
    fn a_job_needs_its_contract_and_duration() {
        let job = parse_reported("job", "fixed_term", "yes").unwrap();
        assert_eq!(
            job.job,
            Some(JobDetails {
                contract: ContractType::FixedTerm,
                lasts_three_months: true
            })
        );
        assert_eq!(
            parse_reported("job", "", "maybe"),
            Err(vec![
                ErrorCode::Required.at("contract_type"),
                ErrorCode::InvalidChoice.at("lasts_three_months"),
            ])
        );
        let training = parse_reported(" training ", "permanent", "yes").unwrap();
        assert_eq!((training.outcome, training.job), (Outcome::Training, None));
        assert_eq!(
            parse_reported("", "", ""),
            Err(vec![ErrorCode::Required.at("outcome")])
        );
        assert_eq!(
            parse_reported("hired", "", ""),
            Err(vec![ErrorCode::InvalidChoice.at("outcome")])
        );
    }

    #[test]
    fn contract_types_are_the_ones_the_database_allows() {
        use crate::db::migration::values::CONTRACT_TYPES;
        assert_string_enum(
            ContractType::ALL,
            ContractType::as_str,
            ContractType::parse,
            CONTRACT_TYPES,
        );
    }

    #[test]
    fn follow_up_months_round_trip() {
        let months: Vec<_> = FollowUpMonth::ALL.iter().map(|f| f.months()).collect();
        assert_eq!(months, [3, 6, 12]);
        for &follow_up in FollowUpMonth::ALL {
            assert_eq!(
                FollowUpMonth::from_months(follow_up.months()),
                Some(follow_up)
            );
            let json = serde_json::to_string(&follow_up).unwrap();
            assert_eq!(json, follow_up.months().to_string());
            assert_eq!(
                serde_json::from_str::<FollowUpMonth>(&json).unwrap(),
                follow_up
            );
        }
        assert_eq!(FollowUpMonth::from_months(9), None);
        assert!(serde_json::from_str::<FollowUpMonth>("9").is_err());
    }

    #[test]
    fn due_dates_clamp_to_month_end() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let end = day(2025, 11, 30);
        assert_eq!(FollowUpMonth::M3.due_on(end), day(2026, 2, 28));
        assert_eq!(FollowUpMonth::M6.due_on(end), day(2026, 5, 30));
        assert_eq!(FollowUpMonth::M12.due_on(end), day(2026, 11, 30));
    }
}
