//! `GET /impact/export/{table}.csv`: the tables behind the dashboard's charts, and the duos one
//! row each without anything that names a person, as CSV files for funders.
//!
//! A plain GET, so the browser downloads it from a link; it checks the session cookie like a
//! server function does. Text cells are escaped against formula injection (`csv_text`).

use axum::extract::{Path, Query, State};
use axum::response::Response;
use http::HeaderMap;

use super::queries::{self, AnonymousDuo};
use super::service;
use super::types::{ExportTable, ImpactQuery, ImpactReport};
use super::words::{kpi_definition, kpi_label};
use crate::domain::impact::{Cell, Figures, Kpi, Quarter, csv_line};
use crate::domain::local_time::to_local;
use crate::error::AppError;
use crate::features::auth::guard::STAFF;
use crate::features::auth::types::SessionUser;
use crate::features::reference::queries::cities;
use crate::i18n::Locale as UiLocale;
use crate::platform::download::{attachment, refusal, session_user};
use crate::platform::errors::db_internal;
use crate::platform::state::AppState;

pub async fn handle(
    State(state): State<AppState>,
    Path(file): Path<String>,
    Query(query): Query<ImpactQuery>,
    headers: HeaderMap,
) -> Response {
    let Some(table) = file.strip_suffix(".csv").and_then(ExportTable::parse) else {
        return refusal(AppError::NotFound);
    };
    let user = match session_user(&state, &headers, STAFF).await {
        Ok(user) => user,
        Err(error) => return refusal(error),
    };
    let today = to_local(state.now()).date();
    match csv(&state, &user, table, &query, today).await {
        Ok(body) => {
            let name = format!("impact-{}-{today}.csv", table.as_str());
            attachment("text/csv; charset=utf-8", &name, body)
        }
        Err(error) => refusal(error),
    }
}

async fn csv(
    state: &AppState,
    user: &SessionUser,
    table: ExportTable,
    query: &ImpactQuery,
    today: chrono::NaiveDate,
) -> Result<String, AppError> {
    let locale = UiLocale::from(user.locale);
    // A byte-order mark, so spreadsheets read the accents of French and Dutch as UTF-8.
    let mut out = String::from("\u{feff}");
    if table == ExportTable::Duos {
        let (_, scope) = service::scope_of(user, query, today)?;
        let names = cities(&state.db, None)
            .await
            .map_err(db_internal("export cities"))?;
        let rows = queries::anonymous_duos(&state.db, &scope)
            .await
            .map_err(db_internal("export duos"))?;
        out.push_str(&duo_lines(&rows, |id| {
            names
                .iter()
                .find(|c| c.id == id)
                .map(|c| c.name(user.locale).to_owned())
                .unwrap_or_default()
        }));
        return Ok(out);
    }
    let report = service::report(&state.db, user, query, today).await?;
    out.push_str(&report_lines(&report, table, locale, user));
    Ok(out)
}

fn text(value: impl Into<String>) -> Cell {
    Cell::Text(value.into())
}

/// The columns of a group's figures in the per-city and per-cohort tables.
const FIGURE_HEADER: [&str; 14] = [
    "duos_created",
    "duos_active",
    "active_mentors",
    "positive_outcome_rate",
    "positive_outcomes",
    "known_outcomes",
    "job_within_12_months_rate",
    "in_job_within_12_months",
    "closed_12_months_ago",
    "mentor_return_rate",
    "mentors_returned",
    "mentors_eligible",
    "median_wait_days",
    "meeting_regularity",
];

fn figure_cells(f: &Figures) -> Vec<Cell> {
    vec![
        Cell::Count(f.duos_created),
        Cell::Count(f.duos_active),
        Cell::Count(f.active_mentors),
        Cell::Decimal(f.positive_outcomes.share()),
        Cell::Count(f.positive_outcomes.part),
        Cell::Count(f.positive_outcomes.whole),
        Cell::Decimal(f.job_within_12_months.share()),
        Cell::Count(f.job_within_12_months.part),
        Cell::Count(f.job_within_12_months.whole),
        Cell::Decimal(f.mentor_return.share()),
        Cell::Count(f.mentor_return.part),
        Cell::Count(f.mentor_return.whole),
        Cell::Decimal(f.median_wait_days),
        Cell::Decimal(f.meeting_regularity.share()),
    ]
}

fn header(cells: &[&str]) -> String {
    csv_line(&cells.iter().map(|c| text(*c)).collect::<Vec<_>>())
}

fn report_lines(
    report: &ImpactReport,
    table: ExportTable,
    locale: UiLocale,
    user: &SessionUser,
) -> String {
    let total = &report.total;
    let mut out = String::new();
    match table {
        ExportTable::Figures => {
            out.push_str(&header(&[
                "indicator",
                "label",
                "value",
                "part",
                "whole",
                "definition",
            ]));
            let row = |kpi: Kpi, value: Cell, part: Option<u32>, whole: Option<u32>| {
                csv_line(&[
                    text(kpi.as_str()),
                    text(kpi_label(locale, kpi)),
                    value,
                    part.map_or(Cell::Decimal(None), Cell::Count),
                    whole.map_or(Cell::Decimal(None), Cell::Count),
                    text(kpi_definition(locale, kpi)),
                ])
            };
            out.push_str(&row(
                Kpi::DuosCreated,
                Cell::Count(total.duos_created),
                None,
                None,
            ));
            out.push_str(&row(
                Kpi::DuosActive,
                Cell::Count(total.duos_active),
                None,
                None,
            ));
            out.push_str(&row(
                Kpi::ActiveMentors,
                Cell::Count(total.active_mentors),
                None,
                None,
            ));
            for (kpi, ratio) in [
                (Kpi::PositiveOutcomes, total.positive_outcomes),
                (Kpi::JobWithin12Months, total.job_within_12_months),
                (Kpi::MentorReturn, total.mentor_return),
                (Kpi::MeetingRegularity, total.meeting_regularity),
            ] {
                out.push_str(&row(
                    kpi,
                    Cell::Decimal(ratio.share()),
                    Some(ratio.part),
                    Some(ratio.whole),
                ));
            }
            out.push_str(&row(
                Kpi::MedianWait,
                Cell::Decimal(total.median_wait_days),
                None,
                Some(total.waits),
            ));
            for change in &total.dimensions {
                out.push_str(&csv_line(&[
                    text(format!(
                        "{}_{}",
                        Kpi::DimensionChange.as_str(),
                        change.dimension.as_str()
                    )),
                    text(kpi_label(locale, Kpi::DimensionChange)),
                    Cell::Decimal(change.change()),
                    Cell::Decimal(None),
                    Cell::Count(change.duos),
                    text(kpi_definition(locale, Kpi::DimensionChange)),
                ]));
            }
            for stop in &total.early_stops {
                out.push_str(&csv_line(&[
                    text(format!("{}_{}", Kpi::EarlyStops.as_str(), stop.reason)),
                    text(kpi_label(locale, Kpi::EarlyStops)),
                    Cell::Count(stop.duos),
                    Cell::Decimal(None),
                    Cell::Decimal(None),
                    text(kpi_definition(locale, Kpi::EarlyStops)),
                ]));
            }
        }
        ExportTable::Cities => {
            let mut columns = vec!["city"];
            columns.extend(FIGURE_HEADER);
            out.push_str(&header(&columns));
            for row in &report.by_city {
                let mut cells = vec![text(row.city.name(user.locale))];
                cells.extend(figure_cells(&row.figures));
                out.push_str(&csv_line(&cells));
            }
        }
        ExportTable::Cohorts => {
            let mut columns = vec!["cohort"];
            columns.extend(FIGURE_HEADER);
            out.push_str(&header(&columns));
            for row in &report.by_cohort {
                let mut cells = vec![text(row.cohort.to_string())];
                cells.extend(figure_cells(&row.figures));
                out.push_str(&csv_line(&cells));
            }
        }
        ExportTable::Dimensions => {
            out.push_str(&header(&[
                "dimension",
                "duos",
                "mean_start",
                "mean_end",
                "mean_change",
            ]));
            for change in &total.dimensions {
                out.push_str(&csv_line(&[
                    text(change.dimension.as_str()),
                    Cell::Count(change.duos),
                    Cell::Decimal(change.before()),
                    Cell::Decimal(change.after()),
                    Cell::Decimal(change.change()),
                ]));
            }
        }
        ExportTable::EarlyStops => {
            out.push_str(&header(&["reason", "duos"]));
            for stop in &total.early_stops {
                out.push_str(&csv_line(&[
                    text(stop.reason.as_str()),
                    Cell::Count(stop.duos),
                ]));
            }
        }
        ExportTable::Duos => {}
    }
    out
}

/// The duo-level table: city, start quarter, how it went and ended, and the mentee's scores.
fn duo_lines(rows: &[AnonymousDuo], city_name: impl Fn(i32) -> String) -> String {
    let mut out = header(&[
        "city",
        "cohort",
        "status",
        "weeks",
        "meetings",
        "stop_reason",
        "outcome_at_end",
        "outcome_3_months",
        "outcome_6_months",
        "outcome_12_months",
        "start_self_confidence",
        "start_career_plan",
        "start_job_search_tools",
        "start_language",
        "start_network",
        "end_self_confidence",
        "end_career_plan",
        "end_job_search_tools",
        "end_language",
        "end_network",
    ]);
    let optional = |v: &Option<String>| text(v.clone().unwrap_or_default());
    let score = |v: Option<i32>| v.map_or(Cell::Decimal(None), |s| Cell::Count(s.unsigned_abs()));
    for duo in rows {
        let weeks = duo
            .ended_on
            .map(|end| ((end - duo.started_on).num_days().max(0) / 7) as u32);
        let mut cells = vec![
            text(city_name(duo.city_id)),
            text(Quarter::of(duo.started_on).to_string()),
            text(duo.status.as_str()),
            weeks.map_or(Cell::Decimal(None), Cell::Count),
            Cell::Count(u32::try_from(duo.meetings).unwrap_or(0)),
            optional(&duo.reason_code),
            optional(&duo.outcome),
            optional(&duo.outcome_3),
            optional(&duo.outcome_6),
            optional(&duo.outcome_12),
        ];
        for s in [
            duo.b1, duo.b2, duo.b3, duo.b4, duo.b5, duo.a1, duo.a2, duo.a3, duo.a4, duo.a5,
        ] {
            cells.push(score(s));
        }
        out.push_str(&csv_line(&cells));
    }
    out
}
