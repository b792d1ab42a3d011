//! What a partner's referral link opens: a form to register a young person for one city.
//! The partner fills it in with the young person; the city's coordinator takes it from there.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::components::errors::{ErrorNotice, FieldErrors};
use crate::components::form::{TextField, submitted_answers};
use crate::components::mentee_fields::{MenteeGoalFields, MenteePersonFields};
use crate::components::page_title::page_title;
use crate::domain::locale::Locale as DomainLocale;
use crate::domain::registration::field;
use crate::error::AppError;
use crate::features::registration::api::{RegisterByReferral, get_referral_page};
use crate::features::registration::types::ReferralPage;
use crate::i18n::*;

#[component]
pub fn ReferPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let page = Resource::new(token, get_referral_page);
    view! {
        <Title text=page_title(move || t_string!(i18n, refer.title).to_string()) />
        <h1>{t!(i18n, refer.title)}</h1>
        <Transition fallback=move || view! { <p role="status">{t!(i18n, app.loading)}</p> }>
            {move || page.get().map(|result| match result {
                Ok(page) => view! { <ReferForm page token=token() /> }.into_any(),
                Err(AppError::NotFound) => view! {
                    <div class="notice error" role="alert"><p>{t!(i18n, refer.invalid)}</p></div>
                }.into_any(),
                Err(error) => view! { <ErrorNotice error /> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn ReferForm(page: ReferralPage, token: String) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || DomainLocale::from(i18n.get_locale());
    let register = ServerAction::<RegisterByReferral>::new();
    let error = Signal::derive(move || register.value().get().and_then(Result::err));
    let sent = move || matches!(register.value().get(), Some(Ok(())));
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let city = page.city.clone();
    let partner = page.partner_name.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(answers) = submitted_answers(&ev) {
            register.dispatch(RegisterByReferral {
                token: token.clone(),
                answers,
            });
        }
    };
    let another = move |_| {
        if let Some(form) = form_ref.get() {
            form.reset();
        }
        register.value().set(None);
    };
    view! {
        <p class="lead">
            {move || t_string!(i18n, refer.for_whom, partner = partner.as_str(), city = city.name(locale())).to_string()}
        </p>
        <p>{t!(i18n, refer.explain)}</p>
        <Show when=sent>
            <div class="notice success" role="status">
                <p>{t!(i18n, refer.sent)}</p>
                <button type="button" class="button secondary" on:click=another>{t!(i18n, refer.another)}</button>
            </div>
        </Show>
        {move || error.get().map(|e| match e {
            AppError::Validation(_) => view! {
                <div class="notice error" role="alert"><p>{t!(i18n, register.correct)}</p></div>
            }.into_any(),
            other => view! { <ErrorNotice error=other /> }.into_any(),
        })}
        // Sent by the script as JSON. Without it, a POST keeps the answers out of the address.
        <form class="stacked" method="post" novalidate=true node_ref=form_ref on:submit=on_submit hidden=sent>
            <MenteePersonFields error />
            <TextField name=field::POSTCODE label=Signal::derive(move || t_string!(i18n, apply.postcode).to_string()) error />
            <MenteeGoalFields sectors=page.sectors.clone() languages=page.languages.clone() error />
            <div class="hp" aria-hidden="true">
                <label for="field-website">{t!(i18n, apply.honeypot)}</label>
                <input id="field-website" name=field::HONEYPOT type="text" tabindex="-1" autocomplete="off" />
            </div>
            <div class="field">
                <label class="check" for="field-consent">
                    <input id="field-consent" type="checkbox" name=field::CONSENT value="yes" aria-describedby="field-consent-error" />
                    {t!(i18n, refer.consent)}
                </label>
                <FieldErrors id="field-consent-error".to_owned() error field=field::CONSENT />
            </div>
            <button type="submit" class="button" disabled=move || register.pending().get()>
                {move || if register.pending().get() { t_string!(i18n, apply.sending) } else { t_string!(i18n, refer.submit) }}
            </button>
        </form>
    }
}
