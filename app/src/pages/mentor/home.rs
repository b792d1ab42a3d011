use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::components::errors::ErrorNotice;
use crate::components::labels::duo_status_label;
use crate::components::meeting_queue::{self, use_waiting};
use crate::domain::duo::DuoStatus;
use crate::features::duos::types::{DuoSummary, MyDuo};
use crate::i18n::*;
use crate::pages::coordinator::duo::MeetingItem;
use crate::pages::coordinator::duos::day_text;

/// The mentor's home on their phone: their duo, the weeks done, one big button to log a
/// meeting, the latest meetings with their next steps, and what waits to be sent.
#[component]
pub fn MentorHomePage() -> impl IntoView {
    let i18n = use_i18n();
    let sent = RwSignal::new(0usize);
    let duo = Resource::new(move || sent.get(), |_| meeting_queue::my_duo());
    let waiting = use_waiting(move |n| sent.update(|s| *s += n));
    let query = use_query_map();
    let saved = move || query.read().get("saved");
    view! {
        <Title text=move || t_string!(i18n, mentor_home.title).to_string() />
        {move || saved().map(|what| view! {
            <p class="notice success" role="status">
                {move || if what == "assessment" { t_string!(i18n, assessment.saved) } else { t_string!(i18n, meeting.saved) }}
            </p>
        })}
        <Show when=move || { sent.get() > 0 }>
            <p class="notice success" role="status">{t!(i18n, meeting.sent_later)}</p>
        </Show>
        <Show when=move || !waiting.read().is_empty()>
            <section class="card waiting" aria-labelledby="waiting-title">
                <h2 id="waiting-title">{t!(i18n, meeting.waiting)}</h2>
                <ul>
                    {move || waiting.get().into_iter().map(|log| {
                        let date = chrono::NaiveDate::parse_from_str(&log.held_on, "%Y-%m-%d")
                            .map(day_text)
                            .unwrap_or(log.held_on.clone());
                        view! { <li>{move || t_string!(i18n, meeting.waiting_item, date = date.as_str()).to_string()}</li> }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
        <Transition fallback=move || view! { <p role="status">{t!(i18n, app.loading)}</p> }>
            {move || {
                duo.get().map(|result| match result {
                    Ok(my) => view! { <MyDuoView my /> }.into_any(),
                    Err(error) => view! {
                        <h1>{t!(i18n, mentor_home.title)}</h1>
                        <ErrorNotice error />
                    }.into_any(),
                })
            }}
        </Transition>
    }
}

#[component]
fn MyDuoView(my: MyDuo) -> impl IntoView {
    let i18n = use_i18n();
    let name = my.mentor_first_name.clone();
    view! {
        <h1>{t!(i18n, mentor_home.hello, name = name.clone())}</h1>
        {match my.duo {
            Some(duo) => view! { <DuoCard duo /> }.into_any(),
            None => view! {
                <section class="card empty">
                    <h2>{t!(i18n, mentor_home.no_duo_title)}</h2>
                    <p>{t!(i18n, mentor_home.no_duo_text)}</p>
                </section>
            }.into_any(),
        }}
    }
}

#[component]
fn DuoCard(duo: DuoSummary) -> impl IntoView {
    let i18n = use_i18n();
    let mentee = duo.mentee_first_name.clone();
    let status = duo.status;
    let active = status == DuoStatus::Active;
    let last = duo.meetings.first().cloned();
    let next_steps = duo.meetings.iter().find_map(|m| m.next_steps.clone());
    let weeks = duo.weeks_done.zip(duo.weeks_planned);
    view! {
        <section class="card duo-card">
            <h2>{t!(i18n, mentor_home.duo_with, name = mentee.clone())}</h2>
            {weeks.map(|(done, planned)| view! {
                <p class="weeks">
                    <strong>{move || t_string!(i18n, mentor_home.weeks, done = done, planned = planned).to_string()}</strong>
                </p>
                <progress max=planned value=done aria-hidden="true"></progress>
            })}
            <dl>
                <dt>{t!(i18n, mentor_home.status)}</dt>
                <dd>{move || duo_status_label(i18n, status)}</dd>
                {duo.goal.clone().map(|goal| view! {
                    <dt>{t!(i18n, mentor_home.goal)}</dt>
                    <dd>{goal}</dd>
                })}
                {duo.started_on.map(|d| view! {
                    <dt>{t!(i18n, mentor_home.started)}</dt>
                    <dd>{day_text(d)}</dd>
                })}
                {duo.planned_end_on.map(|d| view! {
                    <dt>{t!(i18n, mentor_home.planned_end)}</dt>
                    <dd>{day_text(d)}</dd>
                })}
                {active.then(|| view! {
                    <dt>{t!(i18n, mentor_home.last_meeting)}</dt>
                    <dd>{match &last {
                        Some(meeting) => day_text(meeting.held_on).into_any(),
                        None => t!(i18n, mentor_home.no_meeting_yet).into_any(),
                    }}</dd>
                })}
                {next_steps.map(|steps| view! {
                    <dt>{t!(i18n, mentor_home.next_steps)}</dt>
                    <dd>{steps}</dd>
                })}
            </dl>
        </section>
        {if active {
            let name = duo.mentee_first_name.clone();
            view! {
                <A href="/mentor/meeting" attr:class="button big">{t!(i18n, mentor_home.log_meeting)}</A>
                {(!duo.start_assessed).then(|| {
                    let (text, button) = (name.clone(), name.clone());
                    view! {
                        <section class="card" aria-labelledby="assessment-title">
                            <h2 id="assessment-title">{t!(i18n, assessment.todo_title)}</h2>
                            <p>{move || t_string!(i18n, assessment.todo_text, name = text.as_str()).to_string()}</p>
                            <A href="/mentor/assessment" attr:class="button secondary">
                                {move || t_string!(i18n, assessment.todo_button, name = button.as_str()).to_string()}
                            </A>
                        </section>
                    }
                })}
            }.into_any()
        } else {
            view! { <p class="hint">{t!(i18n, mentor_home.not_started)}</p> }.into_any()
        }}
        {(!duo.meetings.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="recent-title">
                <h2 id="recent-title">{t!(i18n, mentor_home.recent)}</h2>
                <ul class="timeline">
                    {duo.meetings.clone().into_iter().map(|meeting| {
                        let edit = meeting.editable.then(|| {
                            let date = day_text(meeting.held_on);
                            view! {
                                <A href=format!("/mentor/meeting/{}", meeting.id)
                                    attr:class="button small secondary"
                                    attr:aria-label=move || t_string!(i18n, meeting.edit_label, date = date.as_str()).to_string()>
                                    {t!(i18n, meeting.edit)}
                                </A>
                            }
                        });
                        view! { <MeetingItem meeting>{edit}</MeetingItem> }
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}
