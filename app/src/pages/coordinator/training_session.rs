//! One training session: who is registered, who came, and registering another mentor.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::components::errors::ErrorNotice;
use crate::components::labels::mentor_status_label;
use crate::domain::local_time;
use crate::domain::locale::Locale as DomainLocale;
use crate::domain::mentor::MentorStatus;
use crate::error::AppError;
use crate::features::training::api::{RecordAttendance, RegisterForTraining, get_training};
use crate::features::training::types::{Participant, TrainingDetail, TrainingSeat};
use crate::i18n::*;

#[component]
pub fn TrainingSessionPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let register = ServerAction::<RegisterForTraining>::new();
    let attendance = ServerAction::<RecordAttendance>::new();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i32>().ok())
    };
    let detail = Resource::new(
        move || (id(), register.version().get(), attendance.version().get()),
        |(id, _, _)| async move {
            match id {
                Some(id) => get_training(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let error = Signal::derive(move || {
        register
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| attendance.value().get().and_then(Result::err))
    });
    view! {
        <p><A href="/coordinator/training">{t!(i18n, training.back)}</A></p>
        <Transition fallback=move || view! { <p role="status">{t!(i18n, app.loading)}</p> }>
            {move || {
                detail.get().map(|result| match result {
                    Ok(detail) => view! { <SessionView detail register attendance error /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                })
            }}
        </Transition>
    }
}

#[component]
fn SessionView(
    detail: TrainingDetail,
    register: ServerAction<RegisterForTraining>,
    attendance: ServerAction<RecordAttendance>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || DomainLocale::from(i18n.get_locale());
    let session = detail.session.clone();
    let session_id = session.id;
    let city = detail.city.clone();
    let full = session.registered >= u32::try_from(session.capacity).unwrap_or(0);
    let started = detail.started;
    let chosen = RwSignal::new(String::new());
    let registrable = detail.registrable.clone();
    let no_candidates = registrable.is_empty();
    let participants = detail.participants.clone();
    let on_register = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Ok(mentor_id) = chosen.get().parse::<i32>() {
            register.dispatch(RegisterForTraining {
                seat: TrainingSeat {
                    session_id,
                    mentor_id,
                },
            });
        }
    };
    view! {
        <Title text=session.title.clone() />
        <h1>{session.title.clone()}</h1>
        <dl class="facts">
            <dt>{t!(i18n, training.when)}</dt>
            <dd>{local_time::display(session.starts_at)}</dd>
            <dt>{t!(i18n, training.city)}</dt>
            <dd>{move || city.name(locale()).to_owned()}</dd>
            <dt>{t!(i18n, training.location)}</dt>
            <dd>{session.location.clone()}</dd>
            <dt>{t!(i18n, training.seats)}</dt>
            <dd>{format!("{} / {}", session.registered, session.capacity)}</dd>
        </dl>
        {move || error.get().map(|e| view! { <ErrorNotice error=e /> })}
        <h2>{t!(i18n, training.participants)}</h2>
        {if participants.is_empty() {
            view! { <p class="empty">{t!(i18n, training.no_participants)}</p> }.into_any()
        } else {
            view! {
                <ul class="participants">
                    {participants.into_iter().map(|p| view! {
                        <ParticipantRow participant=p session_id started attendance />
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        {(!started).then(|| view! { <p class="hint">{t!(i18n, training.attendance_later)}</p> })}
        <section class="card" aria-labelledby="register-title">
            <h2 id="register-title">{t!(i18n, training.register_title)}</h2>
            {if full {
                view! { <p class="empty">{t!(i18n, training.full)}</p> }.into_any()
            } else if no_candidates {
                view! { <p class="empty">{t!(i18n, training.no_candidates)}</p> }.into_any()
            } else {
                view! {
                    <form novalidate=true on:submit=on_register>
                        <div class="field">
                            <label for="register-mentor">{t!(i18n, training.mentor)}</label>
                            <select id="register-mentor" required=true on:change=move |ev| chosen.set(event_target_value(&ev))>
                                <option value="">{t!(i18n, training.choose_mentor)}</option>
                                {registrable.into_iter().map(|m| {
                                    let status = MentorStatus::parse(&m.status);
                                    view! {
                                        <option value=m.mentor_id>
                                            {move || match status {
                                                Some(s) => format!("{} ({})", m.name, mentor_status_label(i18n, s)),
                                                None => m.name.clone(),
                                            }}
                                        </option>
                                    }
                                }).collect_view()}
                            </select>
                        </div>
                        <button type="submit" class="button" disabled=move || register.pending().get() || chosen.get().is_empty()>
                            {move || if register.pending().get() { t_string!(i18n, app.saving) } else { t_string!(i18n, training.register) }}
                        </button>
                    </form>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn ParticipantRow(
    participant: Participant,
    session_id: i32,
    started: bool,
    attendance: ServerAction<RecordAttendance>,
) -> impl IntoView {
    let i18n = use_i18n();
    let mentor_id = participant.mentor_id;
    let record = move |attended: bool| {
        attendance.dispatch(RecordAttendance {
            seat: TrainingSeat {
                session_id,
                mentor_id,
            },
            attended,
        });
    };
    let state = participant.attended;
    let name = participant.name.clone();
    let came_label = name.clone();
    let absent_label = name.clone();
    view! {
        <li class="participant">
            <A href=format!("/coordinator/mentors/{mentor_id}")>{name}</A>
            <span class="badge">
                {move || match state {
                    Some(true) => t_string!(i18n, training.came),
                    Some(false) => t_string!(i18n, training.absent),
                    None => t_string!(i18n, training.not_recorded),
                }}
            </span>
            {started.then(|| view! {
                <span class="actions">
                    <button type="button" class="button small" aria-pressed=(state == Some(true)).to_string()
                        aria-label=move || t_string!(i18n, training.mark_came, name = came_label.as_str()).to_string()
                        disabled=move || attendance.pending().get()
                        on:click=move |_| record(true)>{t!(i18n, training.came)}</button>
                    <button type="button" class="button small secondary" aria-pressed=(state == Some(false)).to_string()
                        aria-label=move || t_string!(i18n, training.mark_absent, name = absent_label.as_str()).to_string()
                        disabled=move || attendance.pending().get()
                        on:click=move |_| record(false)>{t!(i18n, training.absent)}</button>
                </span>
            })}
        </li>
    }
}
