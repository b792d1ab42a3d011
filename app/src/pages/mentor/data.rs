//! The mentor's own data page on their phone: the consents they gave when they signed up, each
//! withdrawable here, and how to get a copy of their data.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::consents::ConsentList;
use crate::components::errors::ErrorNotice;
use crate::components::form::success_version;
use crate::components::page_title::page_title;
use crate::features::privacy::api::{WithdrawConsent, get_my_consents};
use crate::i18n::*;

#[component]
pub fn MyDataPage() -> impl IntoView {
    let i18n = use_i18n();
    let withdraw = ServerAction::<WithdrawConsent>::new();
    let withdrawn = success_version(withdraw);
    let consents = Resource::new(move || withdrawn.get(), |_| get_my_consents());
    view! {
        <Title text=page_title(move || t_string!(i18n, mentor_data.title).to_string()) />
        <h1>{t!(i18n, mentor_data.title)}</h1>
        <p>{t!(i18n, mentor_data.intro)}</p>
        <Show when=move || { withdrawn.get() > 0 }>
            <p class="notice success" role="status">{t!(i18n, consent.withdrawn)}</p>
        </Show>
        <section class="card" aria-labelledby="my-consents">
            <h2 id="my-consents">{t!(i18n, consent.title)}</h2>
            <Transition fallback=move || view! { <p role="status">{t!(i18n, app.loading)}</p> }>
                {move || {
                    consents.get().map(|result| match result {
                        Ok(consents) => view! { <ConsentList consents may_withdraw=true withdraw /> }.into_any(),
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    })
                }}
            </Transition>
        </section>
        <p>{t!(i18n, mentor_data.copy)}</p>
    }
}
