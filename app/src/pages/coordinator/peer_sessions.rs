//! Peer-exchange sessions for mentors: the list with a form to plan one, and one session's
//! page, where the coordinator ticks off who came.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::duos::day_text;
use crate::components::city_choice::CityChoice;
use crate::components::errors::{ErrorNotice, FormError};
use crate::components::form::{BoundInput, action_error, success_version};
use crate::components::page_title::page_title;
use crate::domain::locale::Locale as DomainLocale;
use crate::error::AppError;
use crate::features::peer::api::{
    CreatePeerSession, SetPeerAttendance, get_peer_session, list_peer_sessions,
};
use crate::features::peer::types::{NewPeerSession, PeerDetail, PeerSummary};
use crate::features::reference::{Named, name_of};
use crate::i18n::*;

#[component]
pub fn PeerSessionsPage() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreatePeerSession>::new();
    let created = success_version(create);
    let sessions = Resource::new(move || created.get(), |_| list_peer_sessions());
    let cities = Signal::derive(move || {
        sessions
            .get()
            .and_then(Result::ok)
            .map(|list| list.cities)
            .unwrap_or_default()
    });
    view! {
        <Title text=page_title(move || t_string!(i18n, peer.title).to_string()) />
        <h1>{t!(i18n, peer.title)}</h1>
        <p>{t!(i18n, peer.lead)}</p>
        <Transition fallback=move || view! { <p role="status">{t!(i18n, app.loading)}</p> }>
            {move || sessions.get().map(|result| match result {
                Ok(list) => view! { <SessionTable sessions=list.sessions cities=list.cities /> }.into_any(),
                Err(error) => view! { <ErrorNotice error /> }.into_any(),
            })}
        </Transition>
        // Outside the list's Transition, so what is typed survives the list being fetched again.
        <NewSessionForm create cities />
    }
}

#[component]
fn SessionTable(sessions: Vec<PeerSummary>, cities: Vec<Named>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || DomainLocale::from(i18n.get_locale());
    if sessions.is_empty() {
        return view! { <p class="empty">{t!(i18n, peer.none)}</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, peer.topic)}</th>
                        <th scope="col">{t!(i18n, peer.held_on)}</th>
                        <th scope="col">{t!(i18n, training.city)}</th>
                        <th scope="col">{t!(i18n, training.location)}</th>
                        <th scope="col">{t!(i18n, training.attended)}</th>
                    </tr>
                </thead>
                <tbody>
                    {sessions.into_iter().map(|s| {
                        let cities = cities.clone();
                        view! {
                            <tr>
                                <td><A href=format!("/coordinator/peer-sessions/{}", s.id)>{s.topic.clone()}</A></td>
                                <td>{day_text(s.held_on)}</td>
                                <td>{move || name_of(&cities, s.city_id, locale())}</td>
                                <td>{s.location.clone()}</td>
                                <td>{s.attended}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn NewSessionForm(
    create: ServerAction<CreatePeerSession>,
    cities: Signal<Vec<Named>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let city = RwSignal::new(String::new());
    let held_on = RwSignal::new(String::new());
    let topic = RwSignal::new(String::new());
    let location = RwSignal::new(String::new());
    let error = action_error(create);
    let created = move || matches!(create.value().get(), Some(Ok(_)));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        create.dispatch(CreatePeerSession {
            session: NewPeerSession {
                city_id: city.get(),
                held_on: held_on.get(),
                topic: topic.get(),
                location: location.get(),
            },
        });
    };
    Effect::new(move |_| {
        if created() {
            held_on.set(String::new());
            topic.set(String::new());
            location.set(String::new());
        }
    });
    view! {
        <section class="card" aria-labelledby="new-peer-title">
            <h2 id="new-peer-title">{t!(i18n, peer.new_title)}</h2>
            <Show when=created>
                <p class="notice success" role="status">{t!(i18n, peer.created)}</p>
            </Show>
            <FormError error />
            <form novalidate=true on:submit=on_submit>
                <CityChoice id="new-peer-city" value=city cities error
                    label=Signal::derive(move || t_string!(i18n, training.city).to_string()) />
                <BoundInput id="new-peer-topic" field="topic" value=topic error
                    label=Signal::derive(move || t_string!(i18n, peer.topic).to_string()) />
                <BoundInput id="new-peer-date" field="held_on" value=held_on error input_type="date"
                    label=Signal::derive(move || t_string!(i18n, peer.held_on).to_string()) />
                <BoundInput id="new-peer-location" field="location" value=location error required=false
                    label=Signal::derive(move || t_string!(i18n, training.location).to_string()) />
                <button type="submit" class="button" disabled=move || create.pending().get()>
                    {move || if create.pending().get() { t_string!(i18n, app.saving) } else { t_string!(i18n, peer.create) }}
                </button>
            </form>
        </section>
    }
}

#[component]
pub fn PeerSessionPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let attendance = ServerAction::<SetPeerAttendance>::new();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i32>().ok())
    };
    let saved = success_version(attendance);
    let detail = Resource::new(
        move || (id(), saved.get()),
        |(id, _)| async move {
            match id {
                Some(id) => get_peer_session(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let error = action_error(attendance);
    view! {
        <p><A href="/coordinator/peer-sessions">{t!(i18n, peer.back)}</A></p>
        <Transition fallback=move || view! { <p role="status">{t!(i18n, app.loading)}</p> }>
            {move || detail.get().map(|result| match result {
                Ok(detail) => view! { <SessionView detail attendance /> }.into_any(),
                Err(error) => view! { <ErrorNotice error /> }.into_any(),
            })}
        </Transition>
        {move || error.get().map(|error| view! { <ErrorNotice error /> })}
    }
}

#[component]
fn SessionView(detail: PeerDetail, attendance: ServerAction<SetPeerAttendance>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || DomainLocale::from(i18n.get_locale());
    let session = detail.session.clone();
    let topic = session.topic.clone();
    let city = detail.city.clone();
    let session_id = session.id;
    let started = detail.started;
    view! {
        <Title text=topic.clone() />
        <h1>{topic}</h1>
        <dl class="facts">
            <dt>{t!(i18n, peer.held_on)}</dt>
            <dd>{day_text(session.held_on)}</dd>
            <dt>{t!(i18n, training.city)}</dt>
            <dd>{move || city.name(locale()).to_owned()}</dd>
            {session.location.clone().map(|l| view! { <dt>{t!(i18n, training.location)}</dt><dd>{l}</dd> })}
        </dl>
        <section class="card" aria-labelledby="peer-mentors-title">
            <h2 id="peer-mentors-title">{t!(i18n, peer.who_came)}</h2>
            {(!started).then(|| view! { <p class="hint">{t!(i18n, training.attendance_later)}</p> })}
            {if detail.mentors.is_empty() {
                view! { <p class="empty">{t!(i18n, peer.no_mentors)}</p> }.into_any()
            } else {
                view! {
                    <ul class="steps">
                        {detail.mentors.into_iter().map(|m| {
                            let id = format!("peer-mentor-{}", m.mentor_id);
                            let label_for = id.clone();
                            let mentor_id = m.mentor_id;
                            view! {
                                <li>
                                    <label class="choice" for=label_for>
                                        <input id=id type="checkbox" prop:checked=m.attended disabled=!started
                                            on:change=move |ev| {
                                                attendance.dispatch(SetPeerAttendance {
                                                    session_id,
                                                    mentor_id,
                                                    attended: event_target_checked(&ev),
                                                });
                                            } />
                                        {m.name.clone()}
                                    </label>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
