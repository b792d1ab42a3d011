//! The programme's impact figures: what each one counts, and the arithmetic that turns counts
//! into rates, medians and means.
//!
//! The counting is SQL (`features::impact::queries`), the same text on SQLite and PostgreSQL.
//! What SQL cannot say portably (a median, whole weeks between two dates) is computed here, on
//! the few columns the queries select, so the browser and the tests share one definition.

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::error::{ErrorCode, FieldError};
use super::evaluation::Dimension;

/// A calendar quarter; a duo's cohort is the quarter it started in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Quarter {
    pub year: i32,
    /// 1 to 4.
    pub number: u8,
}

impl Quarter {
    pub fn of(date: NaiveDate) -> Self {
        Self {
            year: date.year(),
            number: (date.month0() / 3 + 1) as u8,
        }
    }

    /// `2026-Q3`, as in an address or a CSV file.
    pub fn parse(text: &str) -> Option<Self> {
        let (year, number) = text.trim().split_once("-Q")?;
        let year: i32 = year.parse().ok()?;
        let number: u8 = number.parse().ok()?;
        ((1..=4).contains(&number) && (1900..=9999).contains(&year))
            .then_some(Self { year, number })
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, u32::from(self.number) * 3 - 2, 1)
            .unwrap_or(NaiveDate::MIN)
    }

    pub fn next(self) -> Self {
        if self.number == 4 {
            Self {
                year: self.year + 1,
                number: 1,
            }
        } else {
            Self {
                year: self.year,
                number: self.number + 1,
            }
        }
    }

    /// The `count` quarters up to and including the one of `today`, oldest first.
    pub fn last(count: usize, today: NaiveDate) -> Vec<Self> {
        let end = Self::of(today);
        let mut quarter = Self {
            year: end.year - (count as i32 + 3) / 4 - 1,
            number: end.number,
        };
        let mut all = Vec::new();
        while quarter <= end {
            all.push(quarter);
            quarter = quarter.next();
        }
        let skip = all.len().saturating_sub(count);
        all.split_off(skip)
    }
}

impl std::fmt::Display for Quarter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-Q{}", self.year, self.number)
    }
}

/// The days a figure looks at, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// Everything up to `today`: the dashboard's default.
    pub fn until(today: NaiveDate) -> Self {
        Self {
            from: NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(NaiveDate::MIN),
            to: today,
        }
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        (self.from..=self.to).contains(&day)
    }
}

/// Why a dashboard address was refused, per field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SelectionError {
    Cohort,
    From,
    To,
    /// `to` before `from`.
    Order,
}

impl SelectionError {
    /// The refusal at its form field: `cohort`, `from` or `to`.
    pub fn field_error(self) -> FieldError {
        match self {
            SelectionError::Cohort => ErrorCode::InvalidChoice.at("cohort"),
            SelectionError::From => ErrorCode::InvalidDate.at("from"),
            SelectionError::To => ErrorCode::InvalidDate.at("to"),
            SelectionError::Order => ErrorCode::EndNotAfterStart.at("to"),
        }
    }
}

/// The period of the dashboard's `from` and `to` fields (`YYYY-MM-DD`, both optional).
pub fn parse_period(
    from: Option<&str>,
    to: Option<&str>,
    today: NaiveDate,
) -> Result<Period, SelectionError> {
    let day = |text: Option<&str>, error| match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(t) => NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| error),
    };
    let all = Period::until(today);
    let period = Period {
        from: day(from, SelectionError::From)?.unwrap_or(all.from),
        to: day(to, SelectionError::To)?.unwrap_or(all.to),
    };
    if period.to < period.from {
        return Err(SelectionError::Order);
    }
    Ok(period)
}

/// `part` out of `whole`, kept as counts so a funder can check the division.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Ratio {
    pub part: u32,
    pub whole: u32,
}

impl Ratio {
    /// The share from 0 to 1, or `None` when nothing was counted.
    pub fn share(self) -> Option<f64> {
        (self.whole > 0).then(|| f64::from(self.part) / f64::from(self.whole))
    }

    /// A whole percentage, as the programme reports it ("71 %"); `None` without data.
    pub fn percent(self) -> Option<u32> {
        self.share().map(|s| (s * 100.0).round() as u32)
    }
}

/// The five self-assessment scores at the start and at the end, summed over the duos that
/// have both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DimensionChange {
    pub dimension: Dimension,
    pub duos: u32,
    pub before_sum: u32,
    pub after_sum: u32,
}

impl DimensionChange {
    fn mean(&self, sum: u32) -> Option<f64> {
        (self.duos > 0).then(|| f64::from(sum) / f64::from(self.duos))
    }

    pub fn before(&self) -> Option<f64> {
        self.mean(self.before_sum)
    }

    pub fn after(&self) -> Option<f64> {
        self.mean(self.after_sum)
    }

    /// The mean change on the 1–5 scale.
    pub fn change(&self) -> Option<f64> {
        Some(self.after()? - self.before()?)
    }
}

/// How many duos stopped early for one reason (a `StopReason` code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarlyStop {
    pub reason: String,
    pub duos: u32,
}

/// Every figure of the dashboard for one selection of duos.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Figures {
    /// Duos that started in the period.
    pub duos_created: u32,
    /// Duos active or closing today.
    pub duos_active: u32,
    /// Mentors with a duo running at some time in the period.
    pub active_mentors: u32,
    /// Closures with a job, internship or training, of closures with a known outcome.
    pub positive_outcomes: Ratio,
    /// Closed duos whose 12 months have passed with a job on a follow-up at 3, 6 or 12 months.
    pub job_within_12_months: Ratio,
    /// Mentors whose first duo closed three months ago or more, who started another.
    pub mentor_return: Ratio,
    /// Days from entering the waiting pool to the proposal of the duo that started.
    pub median_wait_days: Option<f64>,
    /// How many waits the median is taken over.
    pub waits: u32,
    /// Whole weeks of running duos with a meeting logged, of all such weeks.
    pub meeting_regularity: Ratio,
    /// The five dimensions in questionnaire order.
    pub dimensions: Vec<DimensionChange>,
    /// Most frequent reason first.
    pub early_stops: Vec<EarlyStop>,
}

impl Figures {
    /// The figures of duos that are not there: zero counts, the five dimensions unanswered.
    pub fn empty() -> Self {
        Self {
            dimensions: Dimension::ALL
                .iter()
                .map(|&dimension| DimensionChange {
                    dimension,
                    duos: 0,
                    before_sum: 0,
                    after_sum: 0,
                })
                .collect(),
            ..Self::default()
        }
    }
}

/// The figures the dashboard shows, each with a written definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kpi {
    DuosCreated,
    DuosActive,
    ActiveMentors,
    PositiveOutcomes,
    JobWithin12Months,
    MentorReturn,
    MedianWait,
    MeetingRegularity,
    DimensionChange,
    EarlyStops,
}

impl Kpi {
    pub const ALL: [Self; 10] = [
        Self::DuosCreated,
        Self::DuosActive,
        Self::ActiveMentors,
        Self::PositiveOutcomes,
        Self::JobWithin12Months,
        Self::MentorReturn,
        Self::MedianWait,
        Self::MeetingRegularity,
        Self::DimensionChange,
        Self::EarlyStops,
    ];

    /// The indicator's name in exported files.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::DuosCreated => "duos_created",
            Self::DuosActive => "duos_active",
            Self::ActiveMentors => "active_mentors",
            Self::PositiveOutcomes => "positive_outcome_rate",
            Self::JobWithin12Months => "job_within_12_months",
            Self::MentorReturn => "mentor_return_rate",
            Self::MedianWait => "median_wait_days",
            Self::MeetingRegularity => "meeting_regularity",
            Self::DimensionChange => "self_assessment_change",
            Self::EarlyStops => "early_stops",
        }
    }

    /// The programme's own figure (DUO for a JOB), where it publishes one.
    pub fn reference(self) -> Option<Ratio> {
        match self {
            Self::PositiveOutcomes => Some(Ratio {
                part: 71,
                whole: 100,
            }),
            Self::JobWithin12Months => Some(Ratio {
                part: 53,
                whole: 100,
            }),
            Self::MentorReturn => Some(Ratio { part: 9, whole: 10 }),
            _ => None,
        }
    }
}

/// Months after the end within which a job counts.
pub const JOB_WITHIN_MONTHS: u32 = 12;
/// A mentor counts for the return rate once their first duo closed this many months ago.
pub const RETURN_AFTER_MONTHS: u32 = 3;
/// Outcomes that count as positive.
pub const POSITIVE_OUTCOMES: [&str; 3] = ["job", "internship", "training"];

/// The median of `values` (the mean of the two middle ones for an even count).
pub fn median(values: &mut [i64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let middle = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[middle] as f64
    } else {
        (values[middle - 1] + values[middle]) as f64 / 2.0
    })
}

/// A running duo's whole weeks that begin in `period`, and how many of them have a meeting.
///
/// Week *k* runs from `start + 7k` for seven days; it counts once it has ended by `last_day`
/// (the duo's last day, or today). `meetings` are the duo's meeting days, in any order.
pub fn weeks_with_meeting(
    start: NaiveDate,
    last_day: NaiveDate,
    meetings: &[NaiveDate],
    period: Period,
) -> Ratio {
    let mut ratio = Ratio::default();
    let mut week_start = start;
    while let Some(week_end) = week_start.checked_add_days(Days::new(6)) {
        if week_end > last_day {
            break;
        }
        if period.contains(week_start) {
            ratio.whole += 1;
            if meetings.iter().any(|m| (week_start..=week_end).contains(m)) {
                ratio.part += 1;
            }
        }
        week_start = week_end + Days::new(1);
    }
    ratio
}

impl std::ops::AddAssign for Ratio {
    fn add_assign(&mut self, other: Self) {
        self.part += other.part;
        self.whole += other.whole;
    }
}

/// One CSV cell, quoted when needed. Text that a spreadsheet would run as a formula (starting
/// with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading apostrophe.
pub fn csv_text(value: &str) -> String {
    let guarded = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// A cell of an exported table: text from people (escaped), or a number the figures computed.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Count(u32),
    /// Written with three decimals; empty when there is nothing to compute it from.
    Decimal(Option<f64>),
}

impl Cell {
    fn render(&self) -> String {
        match self {
            Self::Text(text) => csv_text(text),
            Self::Count(n) => n.to_string(),
            Self::Decimal(Some(x)) => format!("{x:.3}"),
            Self::Decimal(None) => String::new(),
        }
    }
}

/// One CSV line, ended by CRLF as RFC 4180 asks.
pub fn csv_line(cells: &[Cell]) -> String {
    let mut line = cells.iter().map(Cell::render).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn quarters() {
        assert_eq!(
            Quarter::of(day("2026-11-26")),
            Quarter {
                year: 2026,
                number: 4
            }
        );
        assert_eq!(Quarter::of(day("2026-03-31")).to_string(), "2026-Q1");
        assert_eq!(
            Quarter::parse("2025-Q2").map(|q| q.first_day()),
            Some(day("2025-04-01"))
        );
        assert_eq!(
            Quarter::parse("2025-Q4").map(|q| q.next().first_day()),
            Some(day("2026-01-01"))
        );
        for bad in ["2025-Q5", "2025-Q0", "2025Q1", "", "Q1-2025"] {
            assert_eq!(Quarter::parse(bad), None, "{bad}");
        }
        let last = Quarter::last(6, day("2026-02-10"));
        let names: Vec<String> = last.iter().map(ToString::to_string).collect();
        assert_eq!(
            names,
            [
                "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"
            ]
        );
    }

    #[test]
    fn periods() {
        let today = day("2026-11-26");
        assert_eq!(
            parse_period(None, Some(""), today),
            Ok(Period::until(today))
        );
        let p = parse_period(Some("2026-01-01"), Some("2026-06-30"), today).expect("period");
        assert!(p.contains(day("2026-06-30")) && !p.contains(day("2026-07-01")));
        assert_eq!(
            parse_period(Some("2026-13-01"), None, today),
            Err(SelectionError::From)
        );
        assert_eq!(
            parse_period(None, Some("soon"), today),
            Err(SelectionError::To)
        );
        assert_eq!(
            parse_period(Some("2026-02-01"), Some("2026-01-01"), today),
            Err(SelectionError::Order)
        );
    }

    #[test]
    fn ratios_and_medians() {
        assert_eq!(
            Ratio {
                part: 71,
                whole: 100
            }
            .percent(),
            Some(71)
        );
        assert_eq!(Ratio { part: 2, whole: 3 }.percent(), Some(67));
        assert_eq!(Ratio::default().share(), None);
        assert_eq!(median(&mut [9, 1, 5]), Some(5.0));
        assert_eq!(median(&mut [4, 1, 10, 2]), Some(3.0));
        assert_eq!(median(&mut []), None);
    }

    #[test]
    fn weeks() {
        let start = day("2026-01-05");
        let meetings = [day("2026-01-06"), day("2026-01-07"), day("2026-01-20")];
        // Three whole weeks by the 25th: the 5th, the 12th (no meeting) and the 19th.
        let all = Period::until(day("2026-12-31"));
        let r = weeks_with_meeting(start, day("2026-01-25"), &meetings, all);
        assert_eq!(r, Ratio { part: 2, whole: 3 });
        // The fourth week has not ended on the 31st.
        let r = weeks_with_meeting(start, day("2026-01-31"), &meetings, all);
        assert_eq!(r.whole, 3);
        // Only the weeks that begin in the period.
        let january_second_half = Period {
            from: day("2026-01-10"),
            to: day("2026-01-31"),
        };
        let r = weeks_with_meeting(start, day("2026-02-28"), &meetings, january_second_half);
        assert_eq!(r, Ratio { part: 1, whole: 3 });
    }

    #[test]
    fn csv_cells_never_run_as_formulas() {
        assert_eq!(csv_text("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_text("+32 2 123"), "'+32 2 123");
        assert_eq!(csv_text("-1"), "'-1");
        assert_eq!(csv_text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_text("Brussels, centre"), "\"Brussels, centre\"");
        assert_eq!(csv_text("plain"), "plain");
        let line = csv_line(&[
            Cell::Text("b,c".into()),
            Cell::Count(3),
            Cell::Decimal(Some(-0.25)),
            Cell::Decimal(None),
        ]);
        assert_eq!(line, "\"b,c\",3,-0.250,\r\n");
    }
}
