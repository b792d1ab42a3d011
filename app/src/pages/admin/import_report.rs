//! The dry run's report as a table of line, column and problem, in the admin's language.

use leptos::prelude::*;
use leptos_i18n::I18nContext;

use crate::components::labels::error_code_text;
use crate::features::import::types::{ImportReport, Issue, MAX_SHOWN, Problem};
use crate::features::import::words::column_label;
use crate::i18n::*;
use crate::pages::coordinator::duos::day_text;

/// What is wrong, in plain words.
pub fn issue_text(i18n: I18nContext<Locale>, issue: &Issue) -> String {
    match issue {
        Issue::Invalid(code) => error_code_text(i18n, code),
        Issue::UnknownCity { value } => {
            t_string!(i18n, import.issue_unknown_city, value = value.as_str()).to_string()
        }
        Issue::UnknownSector { value } => {
            t_string!(i18n, import.issue_unknown_sector, value = value.as_str()).to_string()
        }
        Issue::UnknownLanguage { value } => {
            t_string!(i18n, import.issue_unknown_language, value = value.as_str()).to_string()
        }
        Issue::BadItem { value } => {
            t_string!(i18n, import.issue_bad_item, value = value.as_str()).to_string()
        }
        Issue::Duplicate { first_line } => {
            t_string!(i18n, import.issue_duplicate, line = *first_line).to_string()
        }
        Issue::UnknownMentor => t_string!(i18n, import.issue_unknown_mentor).to_string(),
        Issue::UnknownMentee => t_string!(i18n, import.issue_unknown_mentee).to_string(),
        Issue::EmailTaken => t_string!(i18n, import.issue_email_taken).to_string(),
        Issue::FollowUpNotDue { due_on } => {
            let date = day_text(*due_on);
            t_string!(i18n, import.issue_follow_up_not_due, date = date.as_str()).to_string()
        }
        Issue::NotForThisStatus => t_string!(i18n, import.issue_not_for_status).to_string(),
        Issue::Empty => t_string!(i18n, import.issue_empty).to_string(),
        Issue::NotUtf8 => t_string!(i18n, import.issue_not_utf8).to_string(),
        Issue::UnclosedQuote => t_string!(i18n, import.issue_unclosed_quote).to_string(),
        Issue::MissingColumn => t_string!(i18n, import.issue_missing_column).to_string(),
        Issue::UnknownColumn => t_string!(i18n, import.issue_unknown_column).to_string(),
        Issue::DuplicateColumn => t_string!(i18n, import.issue_duplicate_column).to_string(),
        Issue::ExtraCells { columns } => {
            t_string!(i18n, import.issue_extra_cells, columns = *columns).to_string()
        }
        Issue::TooManyRows { max } => {
            t_string!(i18n, import.issue_too_many_rows, max = *max).to_string()
        }
    }
}

/// The column a problem is about: its header in the admin's language, the header as the file
/// wrote it for a column the layout does not have, or the whole row or file.
fn column_text(i18n: I18nContext<Locale>, problem: &Problem) -> String {
    match problem.column.as_deref() {
        Some(key) => match column_label(i18n.get_locale(), key) {
            "" => key.to_owned(),
            label => label.to_owned(),
        },
        None if matches!(
            problem.issue,
            Issue::Empty | Issue::NotUtf8 | Issue::TooManyRows { .. }
        ) =>
        {
            t_string!(i18n, import.whole_file).to_string()
        }
        None => t_string!(i18n, import.whole_row).to_string(),
    }
}

/// The counts of a report, in one sentence.
#[component]
pub fn ReportSummary(report: ImportReport) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p>
            {move || t_string!(i18n, import.summary, rows = report.rows, new = report.new,
                already = report.already_there).to_string()}
        </p>
    }
}

/// Every problem of a report, with how many there are; the first `MAX_SHOWN` are listed.
#[component]
pub fn ProblemTable(report: ImportReport) -> impl IntoView {
    let i18n = use_i18n();
    let count = report.problem_count;
    let more = usize::try_from(count).unwrap_or(usize::MAX) > report.problems.len();
    let problems = report.problems;
    view! {
        <div class="notice error" role="alert">
            <p>{move || t_string!(i18n, import.problems_found, count = count).to_string()}</p>
            {more.then(|| view! {
                <p>{move || t_string!(i18n, import.problems_more, shown = MAX_SHOWN).to_string()}</p>
            })}
        </div>
        <div class="table-wrap">
            <table class="import-problems">
                <caption>{t!(i18n, import.problems_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, import.col_line)}</th>
                        <th scope="col">{t!(i18n, import.col_field)}</th>
                        <th scope="col">{t!(i18n, import.col_problem)}</th>
                    </tr>
                </thead>
                <tbody>
                    {problems.into_iter().map(|problem| {
                        let line = problem.line;
                        let column = problem.clone();
                        view! {
                            <tr>
                                <td>{line}</td>
                                <td>{move || column_text(i18n, &column)}</td>
                                <td>{move || issue_text(i18n, &problem.issue)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
