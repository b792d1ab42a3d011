//! `/admin/import`: an admin chooses a CSV file, has it checked (nothing is written), then
//! confirms the import and follows it on a progress bar fed by the server as it writes.

use leptos::prelude::*;
use leptos_meta::Title;

use super::import_layouts::{Layouts, kind_label};
use super::import_report::{ProblemTable, ReportSummary};
use super::import_run::{FileError, read_chosen_file, stream_import};
use crate::components::errors::{ErrorNotice, app_error_text};
use crate::components::page_title::page_title;
use crate::components::session::use_session;
use crate::domain::role::Role;
use crate::error::AppError;
use crate::features::import::api::check_import;
use crate::features::import::types::{ImportKind, ImportReport, ImportSummary};
use crate::i18n::*;

/// Where the admin is in the import.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// Nothing checked yet (the empty state), or a refusal before the check.
    Choose(Option<FileError>),
    Checking,
    Checked(ImportReport),
    /// Writing: `total` is known once the server checked the file again.
    Importing {
        written: u32,
        total: Option<u32>,
    },
    Done(ImportSummary),
    Refused(ImportReport),
    Failed(AppError),
    /// The stream ended without a last word: the connection was lost.
    Interrupted,
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    view! {
        <Title text=page_title(move || t_string!(i18n, import.title).to_string()) />
        <h1>{t!(i18n, import.title)}</h1>
        <p>{t!(i18n, import.intro)}</p>
        <Transition fallback=move || view! { <p role="status">{t!(i18n, app.loading)}</p> }>
            {move || session.user.get().map(|user| match user {
                Ok(Some(user)) if user.role == Role::Admin => view! { <Workspace /> <Layouts /> }.into_any(),
                Ok(Some(_)) => view! { <ErrorNotice error=AppError::Forbidden /> }.into_any(),
                Ok(None) => view! { <ErrorNotice error=AppError::Unauthenticated /> }.into_any(),
                Err(error) => view! { <ErrorNotice error /> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn Workspace() -> impl IntoView {
    let i18n = use_i18n();
    let kind = RwSignal::new(ImportKind::Mentors);
    let phase = RwSignal::new(Phase::Choose(None));
    // The text of the checked file: the import sends exactly what was checked.
    let checked_text = RwSignal::new(None::<String>);
    let file_input = NodeRef::<leptos::html::Input>::new();
    let busy = move || matches!(phase.get(), Phase::Checking | Phase::Importing { .. });
    let reset = move || {
        checked_text.set(None);
        phase.set(Phase::Choose(None));
    };
    let check = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = file_input.get();
        phase.set(Phase::Checking);
        leptos::task::spawn_local(async move {
            let text = match read_chosen_file(input).await {
                Ok(text) => text,
                Err(error) => return phase.set(Phase::Choose(Some(error))),
            };
            match check_import(kind.get_untracked(), text.clone()).await {
                Ok(report) => {
                    checked_text.set(Some(text));
                    phase.set(Phase::Checked(report));
                }
                Err(error) => phase.set(Phase::Failed(error)),
            }
        });
    };
    let import = move |_| {
        let Some(text) = checked_text.get_untracked() else {
            return;
        };
        phase.set(Phase::Importing {
            written: 0,
            total: None,
        });
        leptos::task::spawn_local(stream_import(kind.get_untracked(), text, phase));
    };
    view! {
        <Steps phase />
        <form class="card import-form" novalidate=true on:submit=check>
            <fieldset>
                <legend>{t!(i18n, import.kind_legend)}</legend>
                {ImportKind::ALL.iter().map(|&choice| view! {
                    <label class="choice">
                        <input type="radio" name="kind" value=choice.as_str() disabled=busy
                            prop:checked=move || kind.get() == choice
                            on:change=move |_| { kind.set(choice); reset(); } />
                        {move || kind_label(i18n, choice)}
                    </label>
                }).collect_view()}
            </fieldset>
            <div class="field">
                <label for="import-file">{t!(i18n, import.file_label)}</label>
                <input id="import-file" type="file" accept=".csv,text/csv" node_ref=file_input
                    disabled=busy aria-describedby="import-file-hint" on:change=move |_| reset() />
                <p class="hint" id="import-file-hint">{t!(i18n, import.file_hint)}</p>
            </div>
            <button type="submit" class="button" disabled=busy>{t!(i18n, import.check)}</button>
        </form>
        <section aria-labelledby="import-result" class="import-result">
            <h2 id="import-result">{t!(i18n, import.report_title)}</h2>
            {move || view! { <PhaseView phase=phase.get() import reset /> }}
        </section>
    }
}

/// Choose, check, confirm: the step the admin is at is `aria-current`.
#[component]
fn Steps(phase: RwSignal<Phase>) -> impl IntoView {
    let i18n = use_i18n();
    let at = move || match phase.get() {
        Phase::Choose(_) | Phase::Checking => 0,
        Phase::Checked(_) => 1,
        _ => 2,
    };
    let step = move |n: usize| move || (at() == n).then_some("step");
    view! {
        <ol class="import-steps" aria-label=move || t_string!(i18n, import.steps_label)>
            <li aria-current=step(0)>{t!(i18n, import.step_choose)}</li>
            <li aria-current=step(1)>{t!(i18n, import.step_check)}</li>
            <li aria-current=step(2)>{t!(i18n, import.step_confirm)}</li>
        </ol>
    }
}

#[component]
fn PhaseView(
    phase: Phase,
    import: impl Fn(leptos::ev::MouseEvent) + Copy + Send + Sync + 'static,
    reset: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let again = move || {
        view! {
            <button type="button" class="button secondary" on:click=move |_| reset()>{t!(i18n, import.another)}</button>
        }
    };
    match phase {
        Phase::Choose(None) => view! { <p class="empty">{t!(i18n, import.no_file)}</p> }.into_any(),
        Phase::Choose(Some(error)) => {
            let text = move || match error {
                FileError::NoFile => t_string!(i18n, import.choose_file_first),
                FileError::TooLarge => t_string!(i18n, import.file_too_large),
                FileError::Unreadable => t_string!(i18n, import.file_unreadable),
            };
            view! { <div class="notice error" role="alert"><p>{text}</p></div> }.into_any()
        }
        Phase::Checking => {
            view! { <p role="status" aria-busy="true">{t!(i18n, import.checking)}</p> }.into_any()
        }
        Phase::Checked(report) => {
            let count = report.new;
            let body = if report.problem_count > 0 {
                view! { <ProblemTable report=report.clone() /> }.into_any()
            } else if report.new == 0 {
                view! { <p class="notice" role="status">{t!(i18n, import.nothing_new)}</p> }
                    .into_any()
            } else {
                view! {
                    <p class="notice success" role="status">{t!(i18n, import.ready)}</p>
                    <button type="button" class="button" on:click=import>
                        {move || t_string!(i18n, import.confirm, count = count).to_string()}
                    </button>
                }
                .into_any()
            };
            view! { <ReportSummary report /> {body} }.into_any()
        }
        Phase::Importing { written, total } => view! { <Progress written total /> }.into_any(),
        Phase::Done(summary) => view! {
            <Progress written=summary.created total=Some(summary.created) />
            <p class="notice success" role="status">
                {move || t_string!(i18n, import.done, created = summary.created,
                    already = summary.already_there).to_string()}
            </p>
            {again()}
        }
        .into_any(),
        Phase::Refused(report) => view! {
            <p class="notice error" role="alert">{t!(i18n, import.refused)}</p>
            <ProblemTable report />
            {again()}
        }
        .into_any(),
        Phase::Failed(error) => {
            let text = app_error_text(i18n, &error);
            view! {
                <div class="notice error" role="alert">
                    <p>{t!(i18n, import.failed)}</p>
                    <p>{text}</p>
                </div>
                {again()}
            }
            .into_any()
        }
        Phase::Interrupted => view! {
            <p class="notice error" role="alert">{t!(i18n, import.interrupted)}</p>
            {again()}
        }
        .into_any(),
    }
}

/// The import's progress: a labelled bar, and the same in words for screen readers.
#[component]
fn Progress(written: u32, total: Option<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let words = move || match total {
        Some(total) => {
            t_string!(i18n, import.progress, written = written, total = total).to_string()
        }
        None => t_string!(i18n, import.starting).to_string(),
    };
    view! {
        <div class="progress import-progress">
            <label for="import-progress">{t!(i18n, import.progress_label)}</label>
            <progress id="import-progress" max=total.map(|t| t.max(1)) value=total.map(|_| written)>
                {words}
            </progress>
            <p role="status">{words}</p>
        </div>
    }
}
