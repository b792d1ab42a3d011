//! The matching weights of each city: how much each criterion counts in a pair's score. An
//! admin sets them per city; until then a city uses the programme's defaults.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::errors::ErrorNotice;
use crate::components::form::{BoundInput, success_version};
use crate::components::match_explain::criterion_name;
use crate::components::page_title::page_title;
use crate::domain::local_time;
use crate::domain::locale::Locale as DomainLocale;
use crate::domain::matching::score::Criterion;
use crate::features::matching::api::{SaveMatchingWeights, get_matching_weights};
use crate::features::matching::types::{CityWeights, WeightsForm};
use crate::i18n::*;

/// The input ids of the criteria, in `Criterion::ALL` order.
const INPUT_IDS: [&str; Criterion::COUNT] = [
    "weight-sector",
    "weight-availability",
    "weight-distance",
    "weight-language",
    "weight-waiting",
    "weight-experience",
    "weight-intake",
];

#[component]
pub fn WeightsPage() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveMatchingWeights>::new();
    let saved = success_version(save);
    let list = Resource::new(move || saved.get(), |_| get_matching_weights());
    // Kept here, so the city stays chosen when the list reloads after a save.
    let chosen = RwSignal::new(None::<i32>);
    view! {
        <Title text=page_title(move || t_string!(i18n, weights.title).to_string()) />
        <h1>{t!(i18n, weights.title)}</h1>
        <p>{t!(i18n, weights.lead)}</p>
        <Transition fallback=move || view! { <p role="status">{t!(i18n, app.loading)}</p> }>
            {move || list.get().map(|result| match result {
                Ok(cities) if cities.is_empty() => view! { <p class="empty">{t!(i18n, weights.no_city)}</p> }.into_any(),
                Ok(cities) => view! { <WeightsForms cities save chosen /> }.into_any(),
                Err(error) => view! { <ErrorNotice error /> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn WeightsForms(
    cities: Vec<CityWeights>,
    save: ServerAction<SaveMatchingWeights>,
    chosen: RwSignal<Option<i32>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || DomainLocale::from(i18n.get_locale());
    let cities = StoredValue::new(cities);
    let first = cities.with_value(|c| c[0].city.id);
    let city_id = move || chosen.get().unwrap_or(first);
    let values: [RwSignal<String>; Criterion::COUNT] =
        std::array::from_fn(|_| RwSignal::new(String::new()));
    // The inputs show the chosen city's weights, again after each save.
    Effect::new(move |_| {
        let id = city_id();
        cities.with_value(|all| {
            if let Some(city) = all.iter().find(|c| c.city.id == id) {
                for (value, weight) in values.iter().zip(city.weights.values()) {
                    value.set(weight.to_string());
                }
            }
        });
    });
    let error = Signal::derive(move || save.value().get().and_then(Result::err));
    let saved = move || matches!(save.value().get(), Some(Ok(())));
    let current =
        move || cities.with_value(|all| all.iter().find(|c| c.city.id == city_id()).cloned());
    let sum = move || {
        values
            .iter()
            .map(|v| v.get().trim().parse::<u32>().unwrap_or(0))
            .sum::<u32>()
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let values = Criterion::ALL
            .iter()
            .zip(values.iter())
            .map(|(c, v)| (c.as_str().to_owned(), v.get()))
            .collect();
        save.dispatch(SaveMatchingWeights {
            form: WeightsForm {
                city_id: city_id(),
                values,
            },
        });
    };
    view! {
        <section class="card" aria-labelledby="weights-form-title">
            <h2 id="weights-form-title">{t!(i18n, weights.form_title)}</h2>
            <Show when=saved>
                <p class="notice success" role="status">{t!(i18n, weights.saved)}</p>
            </Show>
            {move || error.get().map(|e| view! { <ErrorNotice error=e /> })}
            <form novalidate=true on:submit=on_submit>
                <div class="field">
                    <label for="weights-city">{t!(i18n, pipeline.city)}</label>
                    <select id="weights-city" on:change=move |ev| {
                        if let Ok(id) = event_target_value(&ev).parse() {
                            chosen.set(Some(id));
                        }
                    }>
                        {cities.with_value(|all| all.iter().map(|c| {
                            let id = c.city.id;
                            let city = c.city.clone();
                            view! { <option value=id selected=move || city_id() == id>{move || city.name(locale()).to_owned()}</option> }
                        }).collect_view())}
                    </select>
                </div>
                <p class="hint">{move || current().map(|c| match (c.customised, c.updated_at) {
                    (true, Some(at)) => t_string!(i18n, weights.updated, when = local_time::display(at), by = c.updated_by.unwrap_or_default()).to_string(),
                    _ => t_string!(i18n, weights.defaults).to_string(),
                })}</p>
                <div class="field-row">
                    {Criterion::ALL.iter().zip(values).zip(INPUT_IDS).map(|((&criterion, value), id)| view! {
                        <BoundInput
                            id
                            field=criterion.as_str()
                            label=Signal::derive(move || criterion_name(i18n, criterion).to_string())
                            value
                            error
                            input_type="number"
                            min="0"
                            max="100"
                        />
                    }).collect_view()}
                </div>
                <p role="status">{move || t_string!(i18n, weights.sum, sum = sum()).to_string()}</p>
                <button type="submit" class="button" disabled=move || save.pending().get()>
                    {move || if save.pending().get() { t_string!(i18n, app.saving) } else { t_string!(i18n, app.save) }}
                </button>
            </form>
        </section>
    }
}
