//! What the dashboard asks for and what it gets back.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::impact::{Figures, Period, Quarter};
use crate::features::reference::Named;

/// The dashboard's address: every field optional (all cities in scope, every cohort, all time).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ImpactQuery {
    pub city: Option<i32>,
    /// `2026-Q3`.
    pub cohort: Option<String>,
    /// `YYYY-MM-DD`, both ends included.
    pub from: Option<String>,
    pub to: Option<String>,
}

impl ImpactQuery {
    /// The query string of this selection (without `?`), for links and the CSV downloads.
    pub fn to_query_string(&self) -> String {
        let mut parts = Vec::new();
        if let Some(city) = self.city {
            parts.push(format!("city={city}"));
        }
        for (key, value) in [
            ("cohort", &self.cohort),
            ("from", &self.from),
            ("to", &self.to),
        ] {
            if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
                let safe: String = v
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                parts.push(format!("{key}={safe}"));
            }
        }
        parts.join("&")
    }
}

/// The selection the figures were computed for, once checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selection {
    /// `None`: every city the reader may see.
    pub city: Option<i32>,
    pub cohort: Option<Quarter>,
    pub period: Period,
    /// Whether `period` is the default "everything up to today".
    pub all_time: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CityFigures {
    pub city: Named,
    pub figures: Figures,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CohortFigures {
    pub cohort: Quarter,
    pub figures: Figures,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImpactReport {
    pub today: NaiveDate,
    /// The cities the reader may choose from.
    pub cities: Vec<Named>,
    /// The cohorts to choose from, oldest first.
    pub cohorts: Vec<Quarter>,
    pub selection: Selection,
    pub total: Figures,
    /// Every city in the reader's scope, for the selected cohort and period.
    pub by_city: Vec<CityFigures>,
    /// The last eight cohorts of the selected cities, for the trend lines.
    pub by_cohort: Vec<CohortFigures>,
}

/// The tables a funder can download.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportTable {
    Figures,
    Cities,
    Cohorts,
    Dimensions,
    EarlyStops,
    Duos,
}

impl ExportTable {
    pub const ALL: [Self; 6] = [
        Self::Figures,
        Self::Cities,
        Self::Cohorts,
        Self::Dimensions,
        Self::EarlyStops,
        Self::Duos,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Figures => "figures",
            Self::Cities => "cities",
            Self::Cohorts => "cohorts",
            Self::Dimensions => "dimensions",
            Self::EarlyStops => "early-stops",
            Self::Duos => "duos",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == text)
    }

    /// Where the browser downloads it, with the dashboard's selection.
    pub fn href(self, query: &ImpactQuery) -> String {
        let q = query.to_query_string();
        let sep = if q.is_empty() { "" } else { "?" };
        format!("{EXPORT_PATH}/{}.csv{sep}{q}", self.as_str())
    }
}

pub const EXPORT_PATH: &str = "/impact/export";
