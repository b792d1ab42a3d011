//! The city a staff form is about, chosen among the caller's cities. A coordinator of one city
//! has nothing to choose: it is taken for them.

use leptos::prelude::*;

use super::errors::FieldErrors;
use crate::domain::locale::Locale as DomainLocale;
use crate::error::AppError;
use crate::features::reference::Named;
use crate::i18n::*;

/// A city select bound to `value` (the city id as typed), with its errors under it (field
/// `city_id`). `cities` comes from the page's resource.
#[component]
pub fn CityChoice(
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    cities: Signal<Vec<Named>>,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || DomainLocale::from(i18n.get_locale());
    let error_id = format!("{id}-error");
    Effect::new(move |_| {
        if let [only] = cities.get().as_slice() {
            value.set(only.id.to_string());
        }
    });
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id aria-describedby=error_id.clone() on:change=move |ev| value.set(event_target_value(&ev))>
                <option value="" selected=move || value.read().is_empty()>{t!(i18n, training.choose_city)}</option>
                // The cities come with the page's resource: read inside a Transition so the
                // server renders them before the page hydrates, as the browser will.
                <Transition fallback=|| ()>
                    {move || cities.get().into_iter().map(|c| {
                        let option = c.id.to_string();
                        let chosen = option.clone();
                        view! { <option value=option selected=move || *value.read() == chosen>{move || c.name(locale()).to_owned()}</option> }
                    }).collect_view()}
                </Transition>
            </select>
            <FieldErrors id=error_id error field="city_id" />
        </div>
    }
}
