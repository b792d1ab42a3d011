//! Logging a meeting on the phone, in a few taps: the date is today, the duration two hours,
//! the topics are chips. Without a connection the log waits on the phone and is sent later.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::components::errors::{ErrorNotice, FieldErrors, FormError};
use crate::components::labels::{duration_text, meeting_topic_label};
use crate::components::meeting_queue::{self, new_key};
use crate::components::page_title::page_title;
use crate::domain::duo::DuoStatus;
use crate::domain::meeting::{MeetingDuration, MeetingTopic};
use crate::error::AppError;
use crate::features::duos::api::edit_meeting;
use crate::features::duos::types::{DuoSummary, MeetingLog, MeetingView};
use crate::i18n::*;

/// The durations offered, in minutes; two hours is the programme's rhythm.
const DURATIONS: &[u32] = &[30, 60, 90, 120, 150, 180, 240];

#[component]
pub fn LogMeetingPage() -> impl IntoView {
    view! { <MeetingPage editing=None /> }
}

#[component]
pub fn EditMeetingPage() -> impl IntoView {
    let params = use_params_map();
    let id = params
        .read_untracked()
        .get("id")
        .and_then(|id| id.parse::<i32>().ok());
    view! { <MeetingPage editing=Some(id.unwrap_or_default()) /> }
}

/// `editing`: the id of the meeting to change, or `None` for a new one.
#[component]
fn MeetingPage(editing: Option<i32>) -> impl IntoView {
    let i18n = use_i18n();
    let duo = Resource::new(|| (), |_| meeting_queue::my_duo());
    let title = move || match editing {
        Some(_) => t_string!(i18n, meeting.edit_title),
        None => t_string!(i18n, meeting.title),
    };
    view! {
        <Title text=page_title(move || title().to_string()) />
        <p><A href="/mentor">{t!(i18n, meeting.back)}</A></p>
        <h1>{title}</h1>
        <Transition fallback=move || view! { <p role="status">{t!(i18n, app.loading)}</p> }>
            {move || {
                duo.get().map(|result| match result {
                    Ok(my) => match my.duo.filter(|d| d.status == DuoStatus::Active) {
                        Some(duo) => match editing {
                            None => view! { <MeetingForm duo meeting=None /> }.into_any(),
                            Some(id) => {
                                let meeting = duo.meetings.iter().find(|m| m.id == id && m.editable).cloned();
                                match meeting {
                                    Some(meeting) => view! { <MeetingForm duo meeting=Some(meeting) /> }.into_any(),
                                    None => view! { <ErrorNotice error=AppError::Conflict(crate::error::ConflictCode::EditWindowClosed) /> }.into_any(),
                                }
                            }
                        },
                        None => view! { <p class="card empty">{t!(i18n, meeting.no_active_duo)}</p> }.into_any(),
                    },
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                })
            }}
        </Transition>
    }
}

#[component]
fn MeetingForm(duo: DuoSummary, meeting: Option<MeetingView>) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let editing = meeting.as_ref().map(|m| m.id);
    let held_on = RwSignal::new(
        meeting
            .as_ref()
            .map_or(duo.today, |m| m.held_on)
            .to_string(),
    );
    let minutes = RwSignal::new(
        meeting
            .as_ref()
            .map_or(MeetingDuration::DEFAULT.minutes(), |m| m.minutes),
    );
    let topics = RwSignal::new(
        meeting
            .as_ref()
            .map(|m| m.topics.clone())
            .unwrap_or_default(),
    );
    let note = RwSignal::new(
        meeting
            .as_ref()
            .and_then(|m| m.note.clone())
            .unwrap_or_default(),
    );
    let next_steps = RwSignal::new(
        meeting
            .as_ref()
            .and_then(|m| m.next_steps.clone())
            .unwrap_or_default(),
    );
    // Made once per form: pressing "save" twice, or the queue replaying, stores one meeting.
    let key = StoredValue::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let queued = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let duo_id = duo.id;
    let min = duo.started_on.map(|d| d.to_string());
    let max = duo.today.to_string();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        if key.with_value(String::is_empty) {
            key.set_value(new_key());
        }
        let log = MeetingLog {
            duo_id,
            held_on: held_on.get_untracked(),
            minutes: minutes.get_untracked().to_string(),
            topics: topics
                .get_untracked()
                .iter()
                .map(|t| t.as_str().to_owned())
                .collect(),
            note: note.get_untracked(),
            next_steps: next_steps.get_untracked(),
            idempotency_key: key.get_value(),
        };
        pending.set(true);
        error.set(None);
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let result = match editing {
                None => meeting_queue::send(log).await.map(|_| ()),
                Some(id) => edit_meeting(id, log).await,
            };
            pending.set(false);
            match result {
                Ok(()) => navigate("/mentor?saved=1", Default::default()),
                Err(AppError::Unreachable) if editing.is_none() => queued.set(true),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let error_signal = Signal::derive(move || error.get());
    let topic_chip = move |topic: MeetingTopic| {
        let id = format!("topic-{}", topic.as_str());
        let label_for = id.clone();
        let chosen = move || topics.read().contains(&topic);
        view! {
            <label class="chip-choice" for=label_for>
                <input id=id type="checkbox" value=topic.as_str()
                    prop:checked=chosen
                    on:change=move |_| topics.update(|list| {
                        if let Some(at) = list.iter().position(|t| *t == topic) {
                            list.remove(at);
                        } else {
                            list.push(topic);
                        }
                    }) />
                <span>{move || meeting_topic_label(i18n, topic)}</span>
            </label>
        }
    };
    // A log that waited for the connection is sent as soon as it returns, page open or not.
    let home = use_navigate();
    meeting_queue::use_waiting(move |_| {
        if queued.get_untracked() {
            home("/mentor?saved=1", Default::default());
        }
    });
    let mentee = duo.mentee_first_name.clone();
    view! {
        <p class="lead">{move || t_string!(i18n, meeting.with, name = mentee.as_str()).to_string()}</p>
        <Show when=move || queued.get()>
            <p class="notice warning" role="status">{t!(i18n, meeting.queued)}</p>
        </Show>
        <form class="meeting-form" novalidate=true on:submit=on_submit>
            <div class="field">
                <label for="meeting-date">{t!(i18n, meeting.date)}</label>
                <input id="meeting-date" type="date" required=true min=min max=max
                    prop:value=held_on on:input=move |ev| held_on.set(event_target_value(&ev))
                    aria-describedby="meeting-date-error" />
                <FieldErrors id="meeting-date-error".to_owned() error=error_signal field="held_on" />
            </div>
            <div class="field">
                <label for="meeting-duration">{t!(i18n, meeting.duration)}</label>
                <select id="meeting-duration" aria-describedby="meeting-duration-error"
                    on:change=move |ev| {
                        if let Ok(value) = event_target_value(&ev).parse() {
                            minutes.set(value);
                        }
                    }>
                    {DURATIONS.iter().map(|&m| view! {
                        <option value=m selected=move || minutes.get() == m>{duration_text(m)}</option>
                    }).collect_view()}
                </select>
                <FieldErrors id="meeting-duration-error".to_owned() error=error_signal field="minutes" />
            </div>
            <fieldset class="chips-field" aria-describedby="meeting-topics-error">
                <legend>{t!(i18n, meeting.topics)}</legend>
                <div class="chip-choices">
                    {MeetingTopic::ALL.iter().map(|&topic| topic_chip(topic)).collect_view()}
                </div>
                <FieldErrors id="meeting-topics-error".to_owned() error=error_signal field="topics" />
            </fieldset>
            <div class="field">
                <label for="meeting-note">{t!(i18n, meeting.note)}</label>
                <textarea id="meeting-note" rows="3" aria-describedby="meeting-note-hint meeting-note-error"
                    prop:value=note on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                <p id="meeting-note-hint" class="hint">{t!(i18n, meeting.optional)}</p>
                <FieldErrors id="meeting-note-error".to_owned() error=error_signal field="note" />
            </div>
            <div class="field">
                <label for="meeting-next">{t!(i18n, meeting.next_steps)}</label>
                <textarea id="meeting-next" rows="2" aria-describedby="meeting-next-hint meeting-next-error"
                    prop:value=next_steps on:input=move |ev| next_steps.set(event_target_value(&ev))></textarea>
                <p id="meeting-next-hint" class="hint">{t!(i18n, meeting.optional)}</p>
                <FieldErrors id="meeting-next-error".to_owned() error=error_signal field="next_steps" />
            </div>
            <FormError error />
            <button type="submit" class="button big" disabled=move || pending.get()>
                {move || if pending.get() { t_string!(i18n, app.saving) } else { t_string!(i18n, meeting.save) }}
            </button>
        </form>
    }
}
