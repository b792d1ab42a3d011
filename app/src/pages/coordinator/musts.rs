//! The conditions for a mentee's mentor, on the mentee's page: the same sector, a weekly slot
//! in common, a distance. Matching never proposes a mentor who fails one.

use leptos::prelude::*;

use crate::components::errors::{ErrorNotice, FieldErrors};
use crate::components::form::success_version;
use crate::features::matching::api::{SaveMenteeMusts, get_mentee_musts};
use crate::features::matching::types::{MenteeMusts, MustsForm};
use crate::i18n::*;

#[component]
pub fn MustsCard(mentee_id: i32, save: ServerAction<SaveMenteeMusts>) -> impl IntoView {
    let i18n = use_i18n();
    let saved = success_version(save);
    let musts = Resource::new(move || saved.get(), move |_| get_mentee_musts(mentee_id));
    view! {
        <section class="card" aria-labelledby="musts-title">
            <h2 id="musts-title">{t!(i18n, musts.title)}</h2>
            <p class="hint">{t!(i18n, musts.lead)}</p>
            <Transition fallback=move || view! { <p role="status">{t!(i18n, app.loading)}</p> }>
                {move || musts.get().map(|result| match result {
                    Ok(current) => view! { <MustsForm current save /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                })}
            </Transition>
        </section>
    }
}

#[component]
fn MustsForm(current: MenteeMusts, save: ServerAction<SaveMenteeMusts>) -> impl IntoView {
    let i18n = use_i18n();
    let same_sector = RwSignal::new(current.same_sector);
    let shared_slot = RwSignal::new(current.shared_slot);
    let within_km = RwSignal::new(
        current
            .within_km
            .map(|km| km.to_string())
            .unwrap_or_default(),
    );
    let error = Signal::derive(move || save.value().get().and_then(Result::err));
    let saved = move || matches!(save.value().get(), Some(Ok(())));
    let mentee_id = current.mentee_id;
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(SaveMenteeMusts {
            form: MustsForm {
                mentee_id,
                same_sector: same_sector.get(),
                shared_slot: shared_slot.get(),
                within_km: within_km.get(),
            },
        });
    };
    view! {
        <Show when=saved>
            <p class="notice success" role="status">{t!(i18n, musts.saved)}</p>
        </Show>
        <form novalidate=true on:submit=on_submit>
            <label class="check" for="must-sector">
                <input id="must-sector" type="checkbox" prop:checked=same_sector
                    on:change=move |ev| same_sector.set(event_target_checked(&ev)) />
                {t!(i18n, musts.same_sector)}
            </label>
            <label class="check" for="must-slot">
                <input id="must-slot" type="checkbox" prop:checked=shared_slot
                    on:change=move |ev| shared_slot.set(event_target_checked(&ev)) />
                {t!(i18n, musts.shared_slot)}
            </label>
            <div class="field">
                <label for="must-km">{t!(i18n, musts.within_km)}</label>
                <input id="must-km" type="number" min="1" max="200" inputmode="numeric"
                    prop:value=within_km on:input=move |ev| within_km.set(event_target_value(&ev))
                    aria-invalid=move || error.get().is_some_and(|e| !e.field_errors("within_km").is_empty()).to_string()
                    aria-describedby="must-km-error" />
                <FieldErrors id="must-km-error".to_string() error field="within_km" />
            </div>
            <button type="submit" class="button" disabled=move || save.pending().get()>
                {move || if save.pending().get() { t_string!(i18n, app.saving) } else { t_string!(i18n, app.save) }}
            </button>
        </form>
    }
}
