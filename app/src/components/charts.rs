//! Charts as plain SVG, drawn by the server and kept as is by the browser: they read without
//! JavaScript, print, and scale with the page.
//!
//! Our own two components rather than a chart crate: the dashboard needs horizontal bars
//! (grouped when there are two series) and lines over a few quarters. Crates that draw SVG
//! (plotters and the like) produce a string with their own text and fonts, which can neither
//! carry our translated labels as Leptos text nor the accessible name and description we give
//! each chart, and they would add weight to the browser bundle for two simple shapes.
//!
//! Every chart is a `figure` with its title as caption, an SVG with `role="img"` and a written
//! summary, and the same numbers as a table behind a "show the data" toggle (`details`, which
//! needs no script). Series differ by more than colour: dash patterns for lines, and every
//! bar carries its value as text.

use leptos::prelude::*;

/// How a value reads: a percentage (0 to 1 shown as 0 % to 100 %), a count, or a 1–5 score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Percent,
    Count,
    Score,
}

impl Unit {
    pub fn text(self, value: Option<f64>) -> String {
        match (self, value) {
            (_, None) => "–".to_owned(),
            (Self::Percent, Some(v)) => format!("{} %", (v * 100.0).round()),
            (Self::Count, Some(v)) => format!("{}", v.round()),
            (Self::Score, Some(v)) => format!("{v:.1}"),
        }
    }

    /// The top of the scale for values up to `largest`.
    fn top(self, largest: f64) -> f64 {
        match self {
            Self::Percent => 1.0,
            Self::Score => 5.0,
            Self::Count => nice_ceiling(largest),
        }
    }
}

/// A round number at or above `value`: 1, 2 or 5 times a power of ten.
fn nice_ceiling(value: f64) -> f64 {
    if value <= 1.0 {
        return 1.0;
    }
    let power = 10f64.powf(value.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|step| step * power)
        .find(|&top| top >= value)
        .unwrap_or(10.0 * power)
}

/// One named series of values, one per label; `None` where there is nothing to show.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<Option<f64>>,
}

/// What a chart shows, in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartData {
    pub title: String,
    /// What the chart shows, in a sentence: the SVG's accessible description.
    pub summary: String,
    /// The header of the table's first column.
    pub label_header: String,
    pub labels: Vec<String>,
    pub series: Vec<Series>,
    pub unit: Unit,
    /// The text of the "show the data" toggle.
    pub show_data: String,
}

impl ChartData {
    /// The top of the value scale: a round number at or above every value shown.
    fn scale_top(&self) -> f64 {
        let largest = self
            .series
            .iter()
            .flat_map(|s| s.values.iter().flatten())
            .fold(0.0_f64, |a, &b| a.max(b));
        self.unit.top(largest)
    }
}

const COLOURS: [&str; 2] = ["#1d4e89", "#a1401b"];
const WIDTH: f64 = 640.0;

/// Horizontal bars, one group per label, one bar per series.
#[component]
pub fn BarChart(id: &'static str, data: ChartData) -> impl IntoView {
    let bar = 18.0;
    let gap = 4.0;
    let group = data.series.len() as f64 * (bar + gap) + 14.0;
    let (left, right, top) = (230.0, 60.0, 8.0);
    let legend = if data.series.len() > 1 { 28.0 } else { 0.0 };
    let height = top + legend + group * data.labels.len() as f64 + 8.0;
    let scale_top = data.scale_top();
    let plot = WIDTH - left - right;
    let unit = data.unit;
    let groups = data
        .labels
        .iter()
        .enumerate()
        .map(|(row, label)| {
            let y0 = top + legend + group * row as f64;
            let bars = data
                .series
                .iter()
                .enumerate()
                .map(|(s, series)| {
                    let value = series.values.get(row).copied().flatten();
                    let y = y0 + s as f64 * (bar + gap);
                    let w = value.map_or(0.0, |v| (v / scale_top).clamp(0.0, 1.0) * plot);
                    view! {
                        <rect x=left y=y width=w height=bar fill=COLOURS[s % 2] />
                        <text x=left + w + 6.0 y=y + bar - 4.0 class="chart-value">{unit.text(value)}</text>
                    }
                })
                .collect_view();
            view! {
                <text x=left - 8.0 y=y0 + bar - 4.0 text-anchor="end" class="chart-label">{label.clone()}</text>
                {bars}
            }
        })
        .collect_view();
    let legend_view =
        (data.series.len() > 1).then(|| legend_items(&data.series, left, top + 12.0, Swatch::Bar));
    view! {
        <Figure id data height>
            <line x1=left y1=top x2=left y2=height - 4.0 class="chart-axis" />
            {legend_view}
            {groups}
        </Figure>
    }
}

/// Lines over the labels (quarters), one per series, with a point and its value on each.
#[component]
pub fn LineChart(id: &'static str, data: ChartData) -> impl IntoView {
    let (left, right, top, bottom) = (48.0, 36.0, 36.0, 36.0);
    let height = 280.0;
    let plot_w = WIDTH - left - right;
    let plot_h = height - top - bottom;
    let scale_top = data.scale_top();
    let count = data.labels.len().max(2) as f64;
    let x_of = move |i: usize| left + plot_w * i as f64 / (count - 1.0);
    let y_of = move |v: f64| top + plot_h * (1.0 - (v / scale_top).clamp(0.0, 1.0));
    let unit = data.unit;
    let grid = (0..=4)
        .map(|step| {
            let value = scale_top * f64::from(step) / 4.0;
            let y = y_of(value);
            view! {
                <line x1=left y1=y x2=WIDTH - right y2=y class="chart-grid" />
                <text x=left - 6.0 y=y + 4.0 text-anchor="end" class="chart-label">{unit.text(Some(value))}</text>
            }
        })
        .collect_view();
    let x_labels = data
        .labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            view! {
                <text x=x_of(i) y=height - 12.0 text-anchor="middle" class="chart-label">{label.clone()}</text>
            }
        })
        .collect_view();
    let lines = data
        .series
        .iter()
        .enumerate()
        .map(|(s, series)| {
            let points: Vec<(f64, f64, f64)> = series
                .values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| v.map(|v| (x_of(i), y_of(v), v)))
                .collect();
            let path = points
                .iter()
                .map(|(x, y, _)| format!("{x:.1},{y:.1}"))
                .collect::<Vec<_>>()
                .join(" ");
            let dots = points
                .into_iter()
                .map(|(x, y, v)| {
                    let label_y = if s == 0 { y - 8.0 } else { y + 16.0 };
                    view! {
                        <circle cx=x cy=y r="4" fill=COLOURS[s % 2] />
                        <text x=x y=label_y text-anchor="middle" class="chart-value">{unit.text(Some(v))}</text>
                    }
                })
                .collect_view();
            view! {
                <polyline
                    points=path
                    fill="none"
                    stroke=COLOURS[s % 2]
                    stroke-width="3"
                    stroke-dasharray=if s == 0 { "none" } else { "8 5" }
                />
                {dots}
            }
        })
        .collect_view();
    let legend = legend_items(&data.series, left, 14.0, Swatch::Line);
    view! {
        <Figure id data height>
            {legend}
            {grid}
            {x_labels}
            {lines}
        </Figure>
    }
}

/// How a series looks in the key: a line (with its dash pattern) or a bar.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Swatch {
    Line,
    Bar,
}

/// A key for several series: a swatch of each series' colour and pattern with its name.
fn legend_items(series: &[Series], x: f64, y: f64, swatch: Swatch) -> impl IntoView + use<> {
    series
        .iter()
        .enumerate()
        .map(|(s, series)| {
            let x0 = x + s as f64 * 260.0;
            let mark = match swatch {
                Swatch::Line => view! {
                    <line
                        x1=x0 y1=y - 4.0 x2=x0 + 28.0 y2=y - 4.0
                        stroke=COLOURS[s % 2]
                        stroke-width="4"
                        stroke-dasharray=if s == 0 { "none" } else { "8 5" }
                    />
                }
                .into_any(),
                Swatch::Bar => view! {
                    <rect x=x0 y=y - 12.0 width="28" height="12" fill=COLOURS[s % 2] />
                }
                .into_any(),
            };
            view! {
                {mark}
                <text x=x0 + 36.0 y=y class="chart-label">{series.name.clone()}</text>
            }
        })
        .collect_view()
}

/// The frame of a chart: caption, the drawing (`children`, inside an SVG `height` high with its
/// accessible name and description), and its numbers as a table behind a toggle.
#[component]
fn Figure(id: &'static str, data: ChartData, height: f64, children: Children) -> impl IntoView {
    let unit = data.unit;
    let rows = data
        .labels
        .iter()
        .enumerate()
        .map(|(row, label)| {
            let cells = data
                .series
                .iter()
                .map(|s| view! { <td>{unit.text(s.values.get(row).copied().flatten())}</td> })
                .collect_view();
            view! { <tr><th scope="row">{label.clone()}</th>{cells}</tr> }
        })
        .collect_view();
    let heads = data
        .series
        .iter()
        .map(|s| view! { <th scope="col">{s.name.clone()}</th> })
        .collect_view();
    view! {
        <figure class="chart-figure" aria-labelledby=format!("{id}-caption")>
            <figcaption id=format!("{id}-caption")>{data.title.clone()}</figcaption>
            <svg
                viewBox=format!("0 0 {WIDTH} {height}")
                role="img"
                aria-labelledby=format!("{id}-title")
                aria-describedby=format!("{id}-desc")
                class="chart"
            >
                <title id=format!("{id}-title")>{data.title.clone()}</title>
                <desc id=format!("{id}-desc")>{data.summary.clone()}</desc>
                {children()}
            </svg>
            <details class="chart-data">
                <summary>{data.show_data.clone()}</summary>
                <div class="table-wrap">
                    <table>
                        <thead><tr><th scope="col">{data.label_header.clone()}</th>{heads}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_end_on_round_numbers() {
        assert_eq!(nice_ceiling(0.0), 1.0);
        assert_eq!(nice_ceiling(7.0), 10.0);
        assert_eq!(nice_ceiling(13.0), 20.0);
        assert_eq!(nice_ceiling(41.0), 50.0);
        assert_eq!(nice_ceiling(100.0), 100.0);
        assert_eq!(Unit::Percent.text(Some(0.711)), "71 %");
        assert_eq!(Unit::Score.text(Some(3.26)), "3.3");
        assert_eq!(Unit::Count.text(None), "–");
    }
}
