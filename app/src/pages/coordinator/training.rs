//! Training sessions: the coming ones and the recent past, and a form to plan another.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::components::city_choice::CityChoice;
use crate::components::errors::ErrorNotice;
use crate::components::form::{BoundInput, action_error};
use crate::components::page_title::page_title;
use crate::domain::local_time;
use crate::domain::locale::Locale as DomainLocale;
use crate::features::reference::{Named, name_of};
use crate::features::training::api::{CreateTraining, list_trainings};
use crate::features::training::types::{NewTraining, TrainingSummary};
use crate::i18n::*;

#[component]
pub fn TrainingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateTraining>::new();
    let sessions = Resource::new(move || create.version().get(), |_| list_trainings());
    let cities = Signal::derive(move || {
        sessions
            .get()
            .and_then(Result::ok)
            .map(|list| list.cities)
            .unwrap_or_default()
    });
    view! {
        <Title text=page_title(move || t_string!(i18n, training.title).to_string()) />
        <h1>{t!(i18n, training.title)}</h1>
        <p>{t!(i18n, training.lead)}</p>
        <Transition fallback=move || view! { <p role="status">{t!(i18n, app.loading)}</p> }>
            {move || {
                sessions.get().map(|result| match result {
                    Ok(list) => {
                        let cities = list.cities.clone();
                        view! {
                            <h2>{t!(i18n, training.upcoming)}</h2>
                            <SessionTable sessions=list.upcoming cities=cities.clone()
                                empty=Signal::derive(move || t_string!(i18n, training.none_upcoming).to_string()) />
                            <h2>{t!(i18n, training.past)}</h2>
                            <SessionTable sessions=list.past cities
                                empty=Signal::derive(move || t_string!(i18n, training.none_past).to_string()) />
                        }
                        .into_any()
                    }
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                })
            }}
        </Transition>
        // Outside the list's Transition, so what is typed survives the list being fetched again.
        <NewSessionForm create cities />
    }
}

#[component]
fn SessionTable(
    sessions: Vec<TrainingSummary>,
    cities: Vec<Named>,
    empty: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || DomainLocale::from(i18n.get_locale());
    if sessions.is_empty() {
        return view! { <p class="empty">{empty}</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, training.session)}</th>
                        <th scope="col">{t!(i18n, training.when)}</th>
                        <th scope="col">{t!(i18n, training.city)}</th>
                        <th scope="col">{t!(i18n, training.location)}</th>
                        <th scope="col">{t!(i18n, training.seats)}</th>
                        <th scope="col">{t!(i18n, training.attended)}</th>
                    </tr>
                </thead>
                <tbody>
                    {sessions.into_iter().map(|s| {
                        let cities = cities.clone();
                        let when = local_time::display(s.starts_at);
                        view! {
                            <tr>
                                <td><A href=format!("/coordinator/training/{}", s.id)>{s.title.clone()}</A></td>
                                <td>{when}</td>
                                <td>{move || name_of(&cities, s.city_id, locale())}</td>
                                <td>{s.location.clone()}</td>
                                <td>{format!("{} / {}", s.registered, s.capacity)}</td>
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
    create: ServerAction<CreateTraining>,
    cities: Signal<Vec<Named>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let city = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());
    let starts_at = RwSignal::new(String::new());
    let location = RwSignal::new(String::new());
    let capacity = RwSignal::new("12".to_owned());
    let error = action_error(create);
    let created = move || matches!(create.value().get(), Some(Ok(_)));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        create.dispatch(CreateTraining {
            training: NewTraining {
                city_id: city.get(),
                title: title.get(),
                starts_at: starts_at.get(),
                location: location.get(),
                capacity: capacity.get(),
            },
        });
    };
    Effect::new(move |_| {
        if created() {
            title.set(String::new());
            starts_at.set(String::new());
            location.set(String::new());
        }
    });
    view! {
        <section class="card" aria-labelledby="new-training-title">
            <h2 id="new-training-title">{t!(i18n, training.new_title)}</h2>
            <Show when=created>
                <p class="notice success" role="status">{t!(i18n, training.created)}</p>
            </Show>
            {move || error.get().map(|e| view! { <ErrorNotice error=e /> })}
            <form novalidate=true on:submit=on_submit>
                <CityChoice id="new-training-city" value=city cities error
                    label=Signal::derive(move || t_string!(i18n, training.city).to_string()) />
                <BoundInput id="new-training-name" field="title" value=title error
                    label=Signal::derive(move || t_string!(i18n, training.session).to_string()) />
                <BoundInput id="new-training-when" field="starts_at" value=starts_at error input_type="datetime-local"
                    label=Signal::derive(move || t_string!(i18n, training.starts_at).to_string()) />
                <BoundInput id="new-training-location" field="location" value=location error
                    label=Signal::derive(move || t_string!(i18n, training.location).to_string()) />
                <BoundInput id="new-training-capacity" field="capacity" value=capacity error input_type="number" min="1" max="100"
                    label=Signal::derive(move || t_string!(i18n, training.capacity).to_string()) />
                <button type="submit" class="button" disabled=move || create.pending().get()>
                    {move || if create.pending().get() { t_string!(i18n, app.saving) } else { t_string!(i18n, training.create) }}
                </button>
            </form>
        </section>
    }
}
