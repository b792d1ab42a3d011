//! The impact dashboard: the programme's figures with their definitions, charts of the trend per
//! cohort, per city and of the self-assessment, and the CSV downloads for funders.
//!
//! The selection lives in the address, so the form works without JavaScript and a selection can
//! be bookmarked or sent to a funder.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{A, Form};
use leptos_router::hooks::use_query_map;

use crate::components::charts::{BarChart, ChartData, LineChart, Series, Unit};
use crate::components::errors::{ErrorNotice, FieldErrors};
use crate::components::form::TextField;
use crate::components::labels::{dimension_label, reason_label};
use crate::components::page_title::page_title;
use crate::domain::impact::{Figures, Kpi, Ratio};
use crate::domain::locale::Locale as DomainLocale;
use crate::error::AppError;
use crate::features::impact::api::get_impact;
use crate::features::impact::types::{ExportTable, ImpactQuery, ImpactReport};
use crate::features::impact::words::{kpi_definition, kpi_label};
use crate::i18n::*;
use crate::pages::coordinator::duos::day_text;
use leptos_i18n::I18nContext;

#[component]
pub fn ImpactPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let p = params.read();
        let text = |key: &str| p.get(key).filter(|v| !v.is_empty());
        ImpactQuery {
            city: text("city").and_then(|v| v.parse().ok()),
            cohort: text("cohort"),
            from: text("from"),
            to: text("to"),
        }
    });
    let report = Resource::new(move || query.get(), get_impact);
    let error = Signal::derive(move || report.get().and_then(|r| r.err()));
    // The cities and cohorts of the last answer, so a refused selection can be corrected in the
    // same form.
    let choices = RwSignal::new(None::<ImpactReport>);
    view! {
        <Title text=page_title(move || t_string!(i18n, impact.title).to_string()) />
        <h1>{t!(i18n, impact.title)}</h1>
        <p class="lead">{t!(i18n, impact.lead)}</p>
        <Transition fallback=move || view! { <p role="status">{t!(i18n, app.loading)}</p> }>
            {move || {
                report.get().map(|result| match result {
                    Ok(report) => {
                        choices.set(Some(report.clone()));
                        view! {
                            <Selection report=report.clone() query=query.get() error />
                            <Dashboard report query=query.get() />
                        }.into_any()
                    }
                    Err(AppError::Validation(_)) => view! {
                        <Selection report=choices.get_untracked() query=query.get() error />
                    }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                })
            }}
        </Transition>
    }
}

/// The selection form: city, cohort and period.
#[component]
fn Selection(
    #[prop(into)] report: Option<ImpactReport>,
    query: ImpactQuery,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || DomainLocale::from(i18n.get_locale());
    let (cities, cohorts) = report.map(|r| (r.cities, r.cohorts)).unwrap_or_default();
    let city_options = cities
        .into_iter()
        .map(|city| {
            let (id, selected) = (city.id.to_string(), query.city == Some(city.id));
            view! { <option value=id selected=selected>{move || city.name(locale()).to_owned()}</option> }
        })
        .collect_view();
    let chosen_cohort = query.cohort.clone().unwrap_or_default();
    let cohort_options = cohorts
        .into_iter()
        .rev()
        .map(|q| {
            let value = q.to_string();
            let selected = value == chosen_cohort;
            view! { <option value=value.clone() selected=selected>{value.clone()}</option> }
        })
        .collect_view();
    view! {
        <Form method="GET" action="" attr:class="filters" attr:aria-label=move || t_string!(i18n, impact.filters)>
            <div class="field">
                <label for="impact-city">{t!(i18n, impact.city)}</label>
                <select id="impact-city" name="city">
                    <option value="">{t!(i18n, impact.all_cities)}</option>
                    {city_options}
                </select>
            </div>
            <div class="field">
                <label for="impact-cohort">{t!(i18n, impact.cohort)}</label>
                <select
                    id="impact-cohort"
                    name="cohort"
                    aria-describedby="impact-cohort-error"
                >
                    <option value="">{t!(i18n, impact.all_cohorts)}</option>
                    {cohort_options}
                </select>
                <FieldErrors id="impact-cohort-error".to_owned() error field="cohort" />
            </div>
            <TextField name="from" input_type="date" value=query.from.clone().unwrap_or_default()
                label=move || t_string!(i18n, impact.from).to_owned() error />
            <TextField name="to" input_type="date" value=query.to.clone().unwrap_or_default()
                label=move || t_string!(i18n, impact.to).to_owned() error />
            <div class="filter-actions">
                <button type="submit" class="button">{t!(i18n, impact.apply)}</button>
                <A href="/coordinator/impact">{t!(i18n, impact.reset)}</A>
            </div>
        </Form>
    }
}

/// A ratio as the headline number ("71 %") and its counts ("120 of 169").
fn ratio_texts(i18n: I18nContext<Locale>, ratio: Ratio) -> (String, String) {
    match ratio.percent() {
        Some(p) => (
            format!("{p} %"),
            t_string!(i18n, impact.of, part = ratio.part, whole = ratio.whole).to_string(),
        ),
        None => (t_string!(i18n, impact.no_data).to_string(), String::new()),
    }
}

#[component]
fn Dashboard(report: ImpactReport, query: ImpactQuery) -> impl IntoView {
    let i18n = use_i18n();
    let selection = report.selection.clone();
    let today = report.today;
    let period = move || {
        if selection.all_time {
            t_string!(i18n, impact.period_all, today = day_text(today)).to_string()
        } else {
            t_string!(
                i18n,
                impact.period_between,
                from = day_text(selection.period.from),
                to = day_text(selection.period.to)
            )
            .to_string()
        }
    };
    let total = report.total.clone();
    let nothing = total.duos_created == 0 && total.duos_active == 0 && total.active_mentors == 0;
    view! {
        <p class="period" role="status">{period}</p>
        {nothing.then(|| view! {
            <div class="card empty">
                <p>{t!(i18n, impact.empty)}</p>
                <A href="/coordinator/matching" attr:class="button">{t!(i18n, impact.to_board)}</A>
            </div>
        })}
        <section aria-labelledby="impact-figures">
            <h2 id="impact-figures">{t!(i18n, impact.figures)}</h2>
            <KpiCards figures=total.clone() />
        </section>
        <section aria-labelledby="impact-charts">
            <h2 id="impact-charts">{t!(i18n, impact.charts)}</h2>
            <Charts report=report.clone() />
        </section>
        <section aria-labelledby="impact-downloads">
            <h2 id="impact-downloads">{t!(i18n, impact.downloads)}</h2>
            <p>{t!(i18n, impact.downloads_lead)}</p>
            <ul class="downloads">
                {ExportTable::ALL.into_iter().map(|table| {
                    let href = table.href(&query);
                    let label = move || match table {
                        ExportTable::Figures => t_string!(i18n, impact.export_figures),
                        ExportTable::Cities => t_string!(i18n, impact.export_cities),
                        ExportTable::Cohorts => t_string!(i18n, impact.export_cohorts),
                        ExportTable::Dimensions => t_string!(i18n, impact.export_dimensions),
                        ExportTable::EarlyStops => t_string!(i18n, impact.export_early_stops),
                        ExportTable::Duos => t_string!(i18n, impact.export_duos),
                    };
                    view! { <li><a href=href download="" rel="external">{label}" (CSV)"</a></li> }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// Each figure with its counts, the programme's reference where there is one, and its
/// definition.
#[component]
fn KpiCards(figures: Figures) -> impl IntoView {
    let i18n = use_i18n();
    let ui = move || i18n.get_locale();
    let card = move |kpi: Kpi, value: String, detail: String, extra: AnyView| {
        let reference = kpi.reference().map(|r| {
            let value = if kpi == Kpi::MentorReturn {
                t_string!(i18n, impact.reference_return).to_string()
            } else {
                format!("{} %", r.percent().unwrap_or_default())
            };
            view! { <p class="reference">{move || t_string!(i18n, impact.reference, value = value.clone()).to_string()}</p> }
        });
        view! {
            <div class="kpi card">
                <h3>{move || kpi_label(ui(), kpi)}</h3>
                {(!value.is_empty()).then(|| view! { <p class="kpi-value">{value}</p> })}
                {(!detail.is_empty()).then(|| view! { <p class="kpi-detail">{detail}</p> })}
                {extra}
                {reference}
                <p class="definition">{move || kpi_definition(ui(), kpi)}</p>
            </div>
        }
    };
    let count = |n: u32| (n.to_string(), String::new());
    let mut cards = Vec::new();
    for (kpi, n) in [
        (Kpi::DuosCreated, figures.duos_created),
        (Kpi::DuosActive, figures.duos_active),
        (Kpi::ActiveMentors, figures.active_mentors),
    ] {
        let (value, detail) = count(n);
        cards.push(card(kpi, value, detail, ().into_any()));
    }
    for (kpi, ratio) in [
        (Kpi::PositiveOutcomes, figures.positive_outcomes),
        (Kpi::JobWithin12Months, figures.job_within_12_months),
        (Kpi::MentorReturn, figures.mentor_return),
        (Kpi::MeetingRegularity, figures.meeting_regularity),
    ] {
        let (value, detail) = ratio_texts(i18n, ratio);
        cards.push(card(kpi, value, detail, ().into_any()));
    }
    let (wait, waits) = match figures.median_wait_days {
        Some(days) => (
            t_string!(i18n, impact.days, days = days.round()).to_string(),
            t_string!(i18n, impact.over_waits, count = figures.waits).to_string(),
        ),
        None => (t_string!(i18n, impact.no_data).to_string(), String::new()),
    };
    cards.push(card(Kpi::MedianWait, wait, waits, ().into_any()));
    let changes = figures
        .dimensions
        .iter()
        .map(|c| {
            let (dimension, text) = (
                c.dimension,
                match (c.before(), c.after(), c.change()) {
                    (Some(b), Some(a), Some(d)) => format!("{b:.1} → {a:.1} ({d:+.1})"),
                    _ => "–".to_owned(),
                },
            );
            view! { <li>{move || dimension_label(i18n, dimension)}": "{text}</li> }
        })
        .collect_view();
    let duos = figures.dimensions.first().map_or(0, |c| c.duos);
    let measured = if duos > 0 {
        t_string!(i18n, impact.measured_on, count = duos).to_string()
    } else {
        t_string!(i18n, impact.no_data).to_string()
    };
    cards.push(card(
        Kpi::DimensionChange,
        String::new(),
        measured,
        view! { <ul class="kpi-list">{changes}</ul> }.into_any(),
    ));
    let stops = if figures.early_stops.is_empty() {
        view! { <p>{t!(i18n, impact.no_stops)}</p> }.into_any()
    } else {
        let items = figures
            .early_stops
            .iter()
            .map(|stop| {
                let (reason, duos) = (stop.reason.clone(), stop.duos);
                view! { <li>{move || reason_label(i18n, &reason)}": "{duos}</li> }
            })
            .collect_view();
        view! { <ul class="kpi-list">{items}</ul> }.into_any()
    };
    let stopped: u32 = figures.early_stops.iter().map(|s| s.duos).sum();
    cards.push(card(
        Kpi::EarlyStops,
        stopped.to_string(),
        String::new(),
        stops,
    ));
    view! { <div class="kpis">{cards}</div> }
}

#[component]
fn Charts(report: ImpactReport) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let locale = DomainLocale::from(i18n.get_locale());
        let show_data = t_string!(i18n, impact.show_data).to_string();
        let quarters: Vec<String> = report
            .by_cohort
            .iter()
            .map(|c| c.cohort.to_string())
            .collect();
        let trend = ChartData {
            title: t_string!(i18n, impact.trend_title).to_string(),
            summary: t_string!(i18n, impact.trend_summary).to_string(),
            label_header: t_string!(i18n, impact.col_cohort).to_string(),
            labels: quarters.clone(),
            series: vec![
                Series {
                    name: t_string!(i18n, impact.series_positive).to_string(),
                    values: report
                        .by_cohort
                        .iter()
                        .map(|c| c.figures.positive_outcomes.share())
                        .collect(),
                },
                Series {
                    name: t_string!(i18n, impact.series_job12).to_string(),
                    values: report
                        .by_cohort
                        .iter()
                        .map(|c| c.figures.job_within_12_months.share())
                        .collect(),
                },
            ],
            unit: Unit::Percent,
            show_data: show_data.clone(),
        };
        let started = ChartData {
            title: t_string!(i18n, impact.started_title).to_string(),
            summary: t_string!(i18n, impact.started_summary).to_string(),
            label_header: t_string!(i18n, impact.col_cohort).to_string(),
            labels: quarters,
            series: vec![Series {
                name: t_string!(i18n, impact.col_duos).to_string(),
                values: report
                    .by_cohort
                    .iter()
                    .map(|c| Some(f64::from(c.figures.duos_created)))
                    .collect(),
            }],
            unit: Unit::Count,
            show_data: show_data.clone(),
        };
        let cities = ChartData {
            title: t_string!(i18n, impact.city_title).to_string(),
            summary: t_string!(i18n, impact.city_summary).to_string(),
            label_header: t_string!(i18n, impact.col_city).to_string(),
            labels: report
                .by_city
                .iter()
                .map(|c| c.city.name(locale).to_owned())
                .collect(),
            series: vec![Series {
                name: t_string!(i18n, impact.series_positive).to_string(),
                values: report
                    .by_city
                    .iter()
                    .map(|c| c.figures.positive_outcomes.share())
                    .collect(),
            }],
            unit: Unit::Percent,
            show_data: show_data.clone(),
        };
        let dimensions = &report.total.dimensions;
        let before_after = ChartData {
            title: t_string!(i18n, impact.dimensions_title).to_string(),
            summary: t_string!(i18n, impact.dimensions_summary).to_string(),
            label_header: t_string!(i18n, impact.col_dimension).to_string(),
            labels: dimensions
                .iter()
                .map(|c| dimension_label(i18n, c.dimension).to_owned())
                .collect(),
            series: vec![
                Series {
                    name: t_string!(i18n, impact.series_start).to_string(),
                    values: dimensions.iter().map(|c| c.before()).collect(),
                },
                Series {
                    name: t_string!(i18n, impact.series_end).to_string(),
                    values: dimensions.iter().map(|c| c.after()).collect(),
                },
            ],
            unit: Unit::Score,
            show_data,
        };
        view! {
            <div class="charts">
                <LineChart id="chart-trend" data=trend />
                <BarChart id="chart-started" data=started />
                <BarChart id="chart-cities" data=cities />
                <BarChart id="chart-dimensions" data=before_after />
            </div>
        }
    }
}
