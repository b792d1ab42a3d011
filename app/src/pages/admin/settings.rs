//! The programme's settings an admin changes: for now, the rest after a closed duo before its
//! mentor is invited to start another one.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::errors::ErrorNotice;
use crate::components::form::{BoundInput, action_error};
use crate::components::page_title::page_title;
use crate::features::duos::api::{SaveReturnPause, get_return_pause};
use crate::i18n::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let current = Resource::new(|| (), |_| get_return_pause());
    view! {
        <Title text=page_title(move || t_string!(i18n, settings.title).to_string()) />
        <h1>{t!(i18n, settings.title)}</h1>
        <Transition fallback=move || view! { <p role="status">{t!(i18n, app.loading)}</p> }>
            {move || current.get().map(|result| match result {
                Ok(weeks) => view! { <SettingsForm weeks /> }.into_any(),
                Err(error) => view! { <ErrorNotice error /> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn SettingsForm(weeks: u32) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveReturnPause>::new();
    let value = RwSignal::new(weeks.to_string());
    let error = action_error(save);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(SaveReturnPause { weeks: value.get() });
    };
    view! {
        <form class="card" novalidate=true on:submit=on_submit>
            <BoundInput id="return-pause" field="return_pause_weeks" input_type="number" min="0" max="52"
                label=Signal::derive(move || t_string!(i18n, settings.pause).to_string()) value error />
            <p class="hint">{t!(i18n, settings.pause_hint)}</p>
            <button type="submit" class="button" disabled=move || save.pending().get()>{t!(i18n, settings.save)}</button>
            {move || save.value().get().and_then(Result::ok).map(|_| view! {
                <p class="notice success" role="status">{t!(i18n, settings.saved)}</p>
            })}
        </form>
    }
}
