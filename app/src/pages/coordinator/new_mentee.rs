//! A coordinator registers a young jobseeker. Every answer is checked on the server by the
//! domain's parse; each error shows under its field and nothing typed is lost.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::components::errors::{ErrorNotice, FieldErrors};
use crate::components::form::{TextField, submitted_answers};
use crate::components::mentee_fields::{MenteeGoalFields, MenteePersonFields};
use crate::components::page_title::page_title;
use crate::domain::locale::Locale as DomainLocale;
use crate::domain::registration::field;
use crate::error::{AppError, ConflictCode};
use crate::features::registration::api::{RegisterMentee, get_registration_page};
use crate::features::registration::types::RegistrationPage;
use crate::i18n::*;

#[component]
pub fn NewMenteePage() -> impl IntoView {
    let i18n = use_i18n();
    let lists = Resource::new(|| (), |_| get_registration_page());
    let register = ServerAction::<RegisterMentee>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(done)) = register.value().get() {
            navigate(
                &format!("/coordinator/mentees/{}", done.mentee_id),
                Default::default(),
            );
        }
    });
    view! {
        <Title text=page_title(move || t_string!(i18n, register.title).to_string()) />
        <h1>{t!(i18n, register.title)}</h1>
        <p>{t!(i18n, register.lead)}</p>
        <Transition fallback=move || view! { <p role="status">{t!(i18n, app.loading)}</p> }>
            {move || lists.get().map(|result| match result {
                Ok(page) => view! { <RegistrationForm page register /> }.into_any(),
                Err(error) => view! { <ErrorNotice error /> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn RegistrationForm(
    page: RegistrationPage,
    register: ServerAction<RegisterMentee>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || DomainLocale::from(i18n.get_locale());
    let error = Signal::derive(move || register.value().get().and_then(Result::err));
    let text = |s: fn(leptos_i18n::I18nContext<Locale>) -> String| Signal::derive(move || s(i18n));
    let single_city = page.cities.len() == 1;
    let cities = page.cities.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(answers) = submitted_answers(&ev) {
            register.dispatch(RegisterMentee { answers });
        }
    };
    view! {
        {move || error.get().map(|e| view! { <Problem error=e /> })}
        // Sent by the script as JSON. Without it, a POST keeps the answers out of the address.
        <form class="stacked" method="post" novalidate=true on:submit=on_submit>
            <MenteePersonFields error />
            <fieldset>
                <legend>{t!(i18n, register.place)}</legend>
                <TextField name=field::POSTCODE label=text(|i| t_string!(i, apply.postcode).to_string()) error />
                <div class="field">
                    <label for="field-city_id">{t!(i18n, apply.city)}</label>
                    <select id="field-city_id" name=field::CITY aria-describedby="field-city_id-error">
                        {(!single_city).then(|| view! { <option value="">{t!(i18n, apply.city_choose)}</option> })}
                        {cities.into_iter().map(|c| { let id = c.id; view! { <option value=id>{move || c.name(locale()).to_owned()}</option> } }).collect_view()}
                    </select>
                    <FieldErrors id="field-city_id-error".to_owned() error field=field::CITY />
                </div>
            </fieldset>
            <MenteeGoalFields sectors=page.sectors.clone() languages=page.languages.clone() error />
            <TextField name=field::REFERRED_BY label=text(|i| t_string!(i, register.referred_by).to_string()) error />
            <Eligibility error />
            <div class="field">
                <label class="check" for="field-consent">
                    <input id="field-consent" type="checkbox" name=field::CONSENT value="yes" aria-describedby="field-consent-error" />
                    {t!(i18n, register.consent)}
                </label>
                <FieldErrors id="field-consent-error".to_owned() error field=field::CONSENT />
            </div>
            <button type="submit" class="button" disabled=move || register.pending().get()>
                {move || if register.pending().get() { t_string!(i18n, app.saving) } else { t_string!(i18n, register.submit) }}
            </button>
        </form>
    }
}

/// The programme's eligibility criterion, asked as the GDPR allows: yes or no, only with the
/// young person's explicit consent for that purpose.
#[component]
fn Eligibility(error: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let choice = |value: &'static str, label: Signal<String>| {
        let id = format!(
            "field-migrant-{}",
            if value.is_empty() { "unasked" } else { value }
        );
        view! {
            <label class="check" for=id.clone()>
                <input id=id.clone() type="radio" name=field::MIGRANT_BACKGROUND value=value checked=value.is_empty() />
                {label}
            </label>
        }
    };
    view! {
        <fieldset aria-describedby="migrant-hint field-migrant_background-error">
            <legend>{t!(i18n, register.migrant_background)}</legend>
            <p class="hint" id="migrant-hint">{t!(i18n, register.migrant_hint)}</p>
            {choice("yes", Signal::derive(move || t_string!(i18n, app.yes).to_string()))}
            {choice("no", Signal::derive(move || t_string!(i18n, app.no).to_string()))}
            {choice("", Signal::derive(move || t_string!(i18n, register.not_asked).to_string()))}
            <FieldErrors id="field-migrant_background-error".to_owned() error field=field::MIGRANT_BACKGROUND />
            <label class="check" for="field-special_category_consent">
                <input id="field-special_category_consent" type="checkbox" name=field::SPECIAL_CONSENT value="yes"
                    aria-describedby="field-special_category_consent-error" />
                {t!(i18n, register.special_consent)}
            </label>
            <FieldErrors id="field-special_category_consent-error".to_owned() error field=field::SPECIAL_CONSENT />
        </fieldset>
    }
}

/// What went wrong as a whole: answers to correct, or a young person already registered.
#[component]
fn Problem(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    match error {
        AppError::Conflict(ConflictCode::MenteeKnown { mentee_id }) => view! {
            <div class="notice error" role="alert">
                <p>{t!(i18n, register.known)}</p>
                <p><A href=format!("/coordinator/mentees/{mentee_id}")>{t!(i18n, register.open_known)}</A></p>
            </div>
        }
        .into_any(),
        AppError::Validation(_) => view! {
            <div class="notice error" role="alert"><p>{t!(i18n, register.correct)}</p></div>
        }
        .into_any(),
        other => view! { <ErrorNotice error=other /> }.into_any(),
    }
}
