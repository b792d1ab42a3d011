//! The public mentor sign-up: what mentoring involves, then the application in six short steps.
//!
//! Without JavaScript the page is one plain form, every step visible, posted to
//! `/volunteer/apply`; a refusal comes back as a draft in the address. With JavaScript the same
//! form shows one step at a time with its progress, checks each answer as it is typed with the
//! domain's own parse functions, keeps the answers on the device across reloads, and sends them
//! without leaving the page.

#[cfg(feature = "hydrate")]
mod browser;

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::components::errors::{ErrorNotice, FieldErrors};
use crate::components::labels::{
    day_part_label, heard_from_label, ineligibility_text, level_label, step_title, weekday_label,
};
use crate::components::page_title::page_title;
use crate::domain::application::{Answers, HeardFrom, Ineligibility, Step, field};
use crate::domain::availability::{DayPart, Slot, Weekday};
use crate::domain::locale::Locale as DomainLocale;
use crate::domain::reference::LanguageLevel;
use crate::error::{AppError, FieldError};
use crate::features::applications::api::{ApplyAsMentor, ConfirmSignUp, get_application_page};
use crate::features::applications::types::{ApplicationPage, ApplyOutcome, DraftOutcome};
use crate::features::reference::Named;
use crate::i18n::*;
use leptos_i18n::I18nContext;

#[component]
pub fn VolunteerPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let page = Resource::new(move || query.read().get("draft"), get_application_page);
    view! {
        <Title text=page_title(move || t_string!(i18n, apply.title).to_string()) />
        <div class="narrow">
            <h1>{t!(i18n, apply.title)}</h1>
            <p class="lead">{t!(i18n, apply.lead)}</p>
            <section class="card" aria-labelledby="facts-title">
                <h2 id="facts-title">{t!(i18n, apply.facts_title)}</h2>
                <ul class="facts">
                    <li>{t!(i18n, apply.fact_one)}</li>
                    <li>{t!(i18n, apply.fact_time)}</li>
                    <li>{t!(i18n, apply.fact_intake)}</li>
                    <li>{t!(i18n, apply.fact_training)}</li>
                    <li>{t!(i18n, apply.fact_who)}</li>
                </ul>
            </section>
            <Suspense fallback=move || view! {
                <p class="loading" role="status">{t!(i18n, apply.loading)}</p>
            }>
                {move || page.get().map(|result| match result {
                    Ok(page) => view! { <ApplicationForm page /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                })}
            </Suspense>
        </div>
    }
}

/// The form's state, shared by the steps.
#[derive(Clone, Copy)]
struct FormState {
    /// Answers to show in the fields when the page is drawn (a refused plain form post).
    initial: StoredValue<Answers>,
    step: RwSignal<Step>,
    /// True once the page runs in the browser: one step at a time from then on.
    enhanced: RwSignal<bool>,
    /// Everything wrong with the answers as they stand, from the browser or the server.
    errors: RwSignal<Vec<FieldError>>,
    /// Fields whose errors are shown: left once, or checked by "next" or "send".
    touched: RwSignal<BTreeSet<String>>,
}

impl FormState {
    fn value(&self, name: &str) -> String {
        self.initial.with_value(|a| a.get(name).to_owned())
    }

    fn has(&self, name: &str, value: &str) -> bool {
        self.initial.with_value(|a| a.all(name).any(|v| v == value))
    }

    /// The errors on show, for `FieldErrors`.
    fn shown(&self) -> Signal<Option<AppError>> {
        let form = *self;
        Signal::derive(move || {
            let touched = form.touched.get();
            let shown: Vec<FieldError> = form
                .errors
                .get()
                .into_iter()
                .filter(|e| touched.contains(&e.field))
                .collect();
            (!shown.is_empty()).then_some(AppError::Validation(shown))
        })
    }

    fn invalid(&self, name: &str) -> Signal<String> {
        let shown = self.shown();
        let name = name.to_owned();
        Signal::derive(move || {
            shown
                .get()
                .is_some_and(|e| !e.field_errors(&name).is_empty())
                .to_string()
        })
    }

    /// Whether `step` is hidden: only once enhanced, and only while another step is shown.
    fn hides(&self, step: Step) -> Signal<bool> {
        let form = *self;
        Signal::derive(move || form.enhanced.get() && form.step.get() != step)
    }
}

/// The key under which a control's errors are reported: its own name, or its group's.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
fn error_key(name: &str) -> String {
    if name == field::SLOT {
        field::SLOTS.to_owned()
    } else if name.starts_with(field::LANGUAGE_PREFIX) {
        field::LANGUAGES.to_owned()
    } else {
        name.to_owned()
    }
}

#[component]
fn ApplicationForm(page: ApplicationPage) -> impl IntoView {
    let i18n = use_i18n();
    let (initial, draft_outcome) = match page.draft.clone() {
        Some(draft) => (draft.answers, Some(draft.outcome)),
        None => (Answers::default(), None),
    };
    let refused: Vec<FieldError> = match &draft_outcome {
        Some(DraftOutcome::Refused(errors)) => errors.clone(),
        _ => Vec::new(),
    };
    let form = FormState {
        initial: StoredValue::new(initial),
        step: RwSignal::new(Step::first_with_error(&refused).unwrap_or(Step::AboutYou)),
        enhanced: RwSignal::new(false),
        touched: RwSignal::new(refused.iter().map(|e| e.field.clone()).collect()),
        errors: RwSignal::new(refused),
    };
    let outcome = RwSignal::new(match draft_outcome {
        Some(DraftOutcome::Ineligible(reasons)) => Some(ApplyOutcome::Ineligible(reasons)),
        _ => None,
    });
    let apply = ServerAction::<ApplyAsMentor>::new();
    let page_error = RwSignal::new(None::<AppError>);
    let node = NodeRef::<leptos::html::Form>::new();
    let lists = StoredValue::new(page);

    wire_browser(form, outcome, apply, page_error, node, lists);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        // Only reached once hydrated: before that the browser posts the form itself.
        ev.prevent_default();
        submit(form, outcome, apply, page_error, node, lists);
    };
    let locale = move || DomainLocale::from(i18n.get_locale());
    let total = Step::ALL.len();

    view! {
        <section id="application" class="card" aria-labelledby="application-title">
            <h2 id="application-title" tabindex="-1">{t!(i18n, apply.form_title)}</h2>
            {move || match outcome.get() {
                Some(ApplyOutcome::Received) => view! { <Received /> }.into_any(),
                Some(ApplyOutcome::Ineligible(reasons)) => {
                    view! { <Refusal reasons outcome step=form.step /> }.into_any()
                }
                None => ().into_any(),
            }}
            {move || page_error.get().map(|error| view! { <ErrorNotice error /> })}
            <form
                node_ref=node
                method="post"
                action="/volunteer/apply"
                novalidate=true
                class="application"
                hidden=move || outcome.get().is_some()
                on:submit=on_submit
                on:input=move |ev| on_answer(form, node, ev, false)
                on:change=move |ev| on_answer(form, node, ev, true)
                on:focusout=move |ev| on_answer(form, node, ev.into(), true)
            >
                <input type="hidden" name=field::LOCALE value=move || locale().as_str() />
                <div class="progress" hidden=move || !form.enhanced.get()>
                    <p id="progress-text" aria-live="polite" tabindex="-1">
                        {move || t_string!(
                            i18n,
                            apply.step_progress,
                            n = form.step.get().number(),
                            total = total,
                            title = step_title(i18n, form.step.get())
                        ).to_string()}
                    </p>
                    <progress
                        max=total
                        value=move || form.step.get().number()
                        aria-labelledby="progress-text"
                    ></progress>
                </div>
                <AboutYouStep form />
                <PlaceStep form lists />
                <ExperienceStep form lists />
                <LanguagesStep form lists />
                <AvailabilityStep form />
                <MotivationStep form />
                <div class="hp" aria-hidden="true">
                    <label for="field-website">{t!(i18n, apply.honeypot)}</label>
                    <input id="field-website" type="text" name=field::HONEYPOT tabindex="-1" autocomplete="off" />
                </div>
                <StepButtons form apply on_next=move || next(form, outcome, node, lists) />
            </form>
        </section>
    }
}

#[component]
fn StepButtons(
    form: FormState,
    apply: ServerAction<ApplyAsMentor>,
    on_next: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let last = move || form.step.get().next().is_none();
    view! {
        <div class="step-buttons">
            <button
                type="button"
                class="button secondary"
                hidden=move || !form.enhanced.get() || form.step.get().previous().is_none()
                on:click=move |_| {
                    if let Some(previous) = form.step.get().previous() {
                        form.step.set(previous);
                    }
                }
            >
                {t!(i18n, apply.back)}
            </button>
            <button
                type="button"
                class="button"
                hidden=move || !form.enhanced.get() || last()
                on:click=move |_| on_next()
            >
                {t!(i18n, apply.next)}
            </button>
            <button
                type="submit"
                class="button"
                hidden=move || form.enhanced.get() && !last()
                disabled=move || apply.pending().get()
            >
                {move || if apply.pending().get() {
                    t_string!(i18n, apply.sending)
                } else {
                    t_string!(i18n, apply.submit)
                }}
            </button>
        </div>
    }
}

/// A labelled text input that shows its errors and what was typed before a refused post.
#[component]
fn Input(
    form: FormState,
    name: &'static str,
    #[prop(into)] label: Signal<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = {
        let hint_id = hint_id.clone();
        let has_hint = hint.is_some();
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            ids.push(error_id.clone());
            ids.join(" ")
        }
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id.clone()>{hint}</p> })}
            <input
                id=id.clone()
                name=name
                type=kind
                inputmode=inputmode
                autocomplete=autocomplete
                value=form.value(name)
                aria-invalid=form.invalid(name)
                aria-describedby=described
            />
            <FieldErrors id=format!("{id}-error") error=form.shown() field=name />
        </div>
    }
}

#[component]
fn AboutYouStep(form: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let text = |s: fn(I18nContext<Locale>) -> String| Signal::derive(move || s(i18n));
    view! {
        <fieldset class="step" hidden=form.hides(Step::AboutYou)>
            <legend>{move || legend(i18n, Step::AboutYou)}</legend>
            <Input form name=field::FIRST_NAME autocomplete="given-name"
                label=text(|i| t_string!(i, apply.first_name).to_string()) />
            <Input form name=field::LAST_NAME autocomplete="family-name"
                label=text(|i| t_string!(i, apply.last_name).to_string()) />
            <Input form name=field::EMAIL kind="email" autocomplete="email"
                label=text(|i| t_string!(i, apply.email).to_string()) />
            <Input form name=field::PHONE kind="tel" autocomplete="tel"
                label=text(|i| t_string!(i, apply.phone).to_string())
                hint=text(|i| t_string!(i, apply.phone_hint).to_string()) />
            <Input form name=field::BIRTH_YEAR inputmode="numeric" autocomplete="bday-year"
                label=text(|i| t_string!(i, apply.birth_year).to_string())
                hint=text(|i| t_string!(i, apply.birth_year_hint).to_string()) />
        </fieldset>
    }
}

fn legend(i18n: I18nContext<Locale>, step: Step) -> String {
    format!("{}. {}", step.number(), step_title(i18n, step))
}

fn named(list: &[Named], locale: DomainLocale) -> Vec<(i32, String)> {
    list.iter()
        .map(|n| (n.id, n.name(locale).to_owned()))
        .collect()
}

#[component]
fn PlaceStep(form: FormState, lists: StoredValue<ApplicationPage>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || DomainLocale::from(i18n.get_locale());
    let chosen = form.value(field::CITY);
    view! {
        <fieldset class="step" hidden=form.hides(Step::Place)>
            <legend>{move || legend(i18n, Step::Place)}</legend>
            <Input form name=field::POSTCODE inputmode="numeric" autocomplete="postal-code"
                label=Signal::derive(move || t_string!(i18n, apply.postcode).to_string()) />
            <div class="field">
                <label for="field-city_id">{t!(i18n, apply.city)}</label>
                <p class="hint" id="field-city_id-hint">{t!(i18n, apply.city_hint)}</p>
                <select
                    id="field-city_id"
                    name=field::CITY
                    aria-invalid=form.invalid(field::CITY)
                    aria-describedby="field-city_id-hint field-city_id-error"
                >
                    <option value="">{t!(i18n, apply.city_choose)}</option>
                    {move || {
                        let chosen = chosen.clone();
                        named(&lists.with_value(|p| p.cities.clone()), locale())
                            .into_iter()
                            .map(|(id, name)| {
                                let value = id.to_string();
                                let selected = value == chosen;
                                view! { <option value=value selected=selected>{name}</option> }
                            })
                            .collect_view()
                    }}
                </select>
                <FieldErrors id="field-city_id-error".to_owned() error=form.shown() field=field::CITY />
            </div>
        </fieldset>
    }
}

#[component]
fn ExperienceStep(form: FormState, lists: StoredValue<ApplicationPage>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || DomainLocale::from(i18n.get_locale());
    let sectors = lists.with_value(|p| p.sectors.clone());
    view! {
        <fieldset class="step" hidden=form.hides(Step::Experience)
            aria-describedby="sectors-hint field-sectors-error">
            <legend>{move || legend(i18n, Step::Experience)}</legend>
            <p class="hint" id="sectors-hint">{t!(i18n, apply.sectors_hint)}</p>
            <div class="sector-list">
                {sectors.into_iter().map(|sector| {
                    let name = format!("{}{}", field::YEARS_PREFIX, sector.id);
                    let id = format!("field-{name}");
                    view! {
                        <div class="row-field">
                            <label for=id.clone()>{move || sector.name(locale()).to_owned()}</label>
                            <input
                                id=id.clone()
                                name=name.clone()
                                type="number"
                                inputmode="numeric"
                                min="0"
                                max="60"
                                value=form.value(&name)
                                aria-invalid=form.invalid(&name)
                                aria-describedby=format!("{id}-error")
                            />
                            <span class="unit" aria-hidden="true">{t!(i18n, apply.years_unit)}</span>
                            <FieldErrors id=format!("{id}-error") error=form.shown() field=name />
                        </div>
                    }
                }).collect_view()}
            </div>
            <FieldErrors id="field-sectors-error".to_owned() error=form.shown() field=field::SECTORS />
        </fieldset>
    }
}

#[component]
fn LanguagesStep(form: FormState, lists: StoredValue<ApplicationPage>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || DomainLocale::from(i18n.get_locale());
    let languages = lists.with_value(|p| p.languages.clone());
    view! {
        <fieldset class="step" hidden=form.hides(Step::Languages)
            aria-describedby="languages-hint field-languages-error">
            <legend>{move || legend(i18n, Step::Languages)}</legend>
            <p class="hint" id="languages-hint">{t!(i18n, apply.languages_hint)}</p>
            <div class="language-list">
                {languages.into_iter().map(|language| {
                    let name = format!("{}{}", field::LANGUAGE_PREFIX, language.id);
                    let id = format!("field-{name}");
                    let chosen = form.value(&name);
                    view! {
                        <div class="row-field">
                            <label for=id.clone()>{move || language.name(locale()).to_owned()}</label>
                            <select id=id name=name aria-invalid=form.invalid(field::LANGUAGES)>
                                <option value="">{t!(i18n, apply.level_none)}</option>
                                {LanguageLevel::ALL.iter().map(|level| {
                                    let level = *level;
                                    let selected = chosen == level.as_str();
                                    view! {
                                        <option value=level.as_str() selected=selected>
                                            {move || level_label(i18n, level)}
                                        </option>
                                    }
                                }).collect_view()}
                            </select>
                        </div>
                    }
                }).collect_view()}
            </div>
            <FieldErrors id="field-languages-error".to_owned() error=form.shown() field=field::LANGUAGES />
        </fieldset>
    }
}

#[component]
fn AvailabilityStep(form: FormState) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="step" hidden=form.hides(Step::Availability)
            aria-describedby="slots-hint field-slots-error">
            <legend>{move || legend(i18n, Step::Availability)}</legend>
            <p class="hint" id="slots-hint">{t!(i18n, apply.slots_hint)}</p>
            <div class="slot-grid">
                {Weekday::ALL.iter().map(|day| {
                    let day = *day;
                    view! {
                        <fieldset class="slot-day">
                            <legend>{move || weekday_label(i18n, day)}</legend>
                            {DayPart::ALL.iter().map(|part| {
                                let code = Slot::new(day, *part).code();
                                let part = *part;
                                let id = format!("field-slot-{code}");
                                view! {
                                    <label class="check" for=id.clone()>
                                        <input
                                            id=id.clone()
                                            type="checkbox"
                                            name=field::SLOT
                                            value=code
                                            checked=form.has(field::SLOT, code)
                                        />
                                        {move || day_part_label(i18n, part)}
                                    </label>
                                }
                            }).collect_view()}
                        </fieldset>
                    }
                }).collect_view()}
            </div>
            <FieldErrors id="field-slots-error".to_owned() error=form.shown() field=field::SLOTS />
        </fieldset>
    }
}

#[component]
fn MotivationStep(form: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let heard = form.value(field::HEARD_FROM);
    view! {
        <fieldset class="step" hidden=form.hides(Step::Motivation)>
            <legend>{move || legend(i18n, Step::Motivation)}</legend>
            <div class="field">
                <label for="field-motivation">{t!(i18n, apply.motivation)}</label>
                <p class="hint" id="field-motivation-hint">{t!(i18n, apply.motivation_hint)}</p>
                <textarea
                    id="field-motivation"
                    name=field::MOTIVATION
                    rows="5"
                    aria-invalid=form.invalid(field::MOTIVATION)
                    aria-describedby="field-motivation-hint field-motivation-error"
                >
                    {form.value(field::MOTIVATION)}
                </textarea>
                <FieldErrors id="field-motivation-error".to_owned() error=form.shown() field=field::MOTIVATION />
            </div>
            <div class="field">
                <label for="field-heard_from">{t!(i18n, apply.heard_from)}</label>
                <select
                    id="field-heard_from"
                    name=field::HEARD_FROM
                    aria-invalid=form.invalid(field::HEARD_FROM)
                    aria-describedby="field-heard_from-error"
                >
                    <option value="">{t!(i18n, apply.heard_choose)}</option>
                    {HeardFrom::ALL.iter().map(|choice| {
                        let choice = *choice;
                        let selected = heard == choice.as_str();
                        view! {
                            <option value=choice.as_str() selected=selected>
                                {move || heard_from_label(i18n, choice)}
                            </option>
                        }
                    }).collect_view()}
                </select>
                <FieldErrors id="field-heard_from-error".to_owned() error=form.shown() field=field::HEARD_FROM />
            </div>
            <div class="field">
                <label class="check" for="field-consent">
                    <input
                        id="field-consent"
                        type="checkbox"
                        name=field::CONSENT
                        value="yes"
                        checked=form.has(field::CONSENT, "yes")
                        aria-invalid=form.invalid(field::CONSENT)
                        aria-describedby="field-consent-error"
                    />
                    {t!(i18n, apply.consent)}
                </label>
                <p>
                    <a href="/privacy" target="_blank" rel="noopener">{t!(i18n, apply.privacy_link)}</a>
                </p>
                <FieldErrors id="field-consent-error".to_owned() error=form.shown() field=field::CONSENT />
            </div>
        </fieldset>
    }
}

#[component]
fn Received() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="notice success" role="status" tabindex="-1" id="application-result">
            <h3>{t!(i18n, apply.sent_title)}</h3>
            <p>{t!(i18n, apply.sent_text)}</p>
        </div>
    }
}

#[component]
fn Refusal(
    reasons: Vec<Ineligibility>,
    outcome: RwSignal<Option<ApplyOutcome>>,
    step: RwSignal<Step>,
) -> impl IntoView {
    let i18n = use_i18n();
    let back_to = if reasons
        .iter()
        .any(|r| matches!(r, Ineligibility::TooYoung { .. }))
    {
        Step::AboutYou
    } else {
        Step::Experience
    };
    view! {
        <div class="notice refusal" role="alert" tabindex="-1" id="application-result">
            <h3>{t!(i18n, apply.ineligible_title)}</h3>
            {reasons.into_iter().map(|reason| view! {
                <p>{move || ineligibility_text(i18n, reason)}</p>
            }).collect_view()}
            <p>{t!(i18n, apply.ineligible_other_ways)}</p>
            <button type="button" class="button secondary" on:click=move |_| {
                step.set(back_to);
                outcome.set(None);
            }>
                {t!(i18n, apply.ineligible_change)}
            </button>
            " "
            <A href="/" attr:class="button secondary">{t!(i18n, apply.home)}</A>
        </div>
    }
}

/// The id of the control to focus for an error at `name`.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
fn control_for(name: &str, lists: StoredValue<ApplicationPage>) -> String {
    match name {
        field::SLOTS => format!(
            "field-slot-{}",
            Slot::new(Weekday::Mon, DayPart::Morning).code()
        ),
        field::LANGUAGES => lists.with_value(|p| {
            p.languages
                .first()
                .map(|l| format!("field-{}{}", field::LANGUAGE_PREFIX, l.id))
                .unwrap_or_default()
        }),
        field::SECTORS => lists.with_value(|p| {
            p.sectors
                .first()
                .map(|s| format!("field-{}{}", field::YEARS_PREFIX, s.id))
                .unwrap_or_default()
        }),
        other => format!("field-{other}"),
    }
}

#[cfg(feature = "hydrate")]
fn wire_browser(
    form: FormState,
    outcome: RwSignal<Option<ApplyOutcome>>,
    apply: ServerAction<ApplyAsMentor>,
    page_error: RwSignal<Option<AppError>>,
    node: NodeRef<leptos::html::Form>,
    lists: StoredValue<ApplicationPage>,
) {
    // Once running in the browser: one step at a time, and the answers kept on this device
    // come back unless the server just sent some.
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let Some(element) = node.get() else {
            return false;
        };
        form.enhanced.set(true);
        if form.initial.with_value(|a| a.0.is_empty())
            && let Some(saved) = browser::load_draft()
        {
            browser::fill_form(&element, &saved);
        }
        form.errors.set(errors_in(&browser::read_answers(&element)));
        true
    });
    // What the server said.
    Effect::new(move |_| match apply.value().get() {
        Some(Ok(ApplyOutcome::Received)) => {
            browser::clear_draft();
            outcome.set(Some(ApplyOutcome::Received));
            browser::focus("application-title");
        }
        Some(Ok(ineligible)) => {
            outcome.set(Some(ineligible));
            browser::focus("application-title");
        }
        Some(Err(AppError::Validation(errors))) => show_errors(form, errors, lists),
        Some(Err(error)) => page_error.set(Some(error)),
        None => {}
    });
}

#[cfg(not(feature = "hydrate"))]
fn wire_browser(
    _form: FormState,
    _outcome: RwSignal<Option<ApplyOutcome>>,
    _apply: ServerAction<ApplyAsMentor>,
    _page_error: RwSignal<Option<AppError>>,
    _node: NodeRef<leptos::html::Form>,
    _lists: StoredValue<ApplicationPage>,
) {
}

/// Each keystroke re-checks the answers and keeps them on the device; a field shows its
/// errors once it has been left (`leaving`).
#[cfg_attr(not(feature = "hydrate"), allow(unused_variables))]
fn on_answer(
    form: FormState,
    node: NodeRef<leptos::html::Form>,
    ev: web_sys::Event,
    leaving: bool,
) {
    #[cfg(feature = "hydrate")]
    {
        let Some(element) = node.get_untracked() else {
            return;
        };
        let answers = browser::read_answers(&element);
        browser::save_draft(&answers);
        form.errors.set(errors_in(&answers));
        if leaving && let Some(name) = browser::control_name(ev.target()) {
            form.touched.update(|t| {
                t.insert(error_key(&name));
            });
        }
    }
}

/// Every problem with `answers`, as the server would report it.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
fn errors_in(answers: &Answers) -> Vec<FieldError> {
    let today = chrono::Utc::now().date_naive();
    crate::domain::application::MentorApplication::parse(answers, today)
        .err()
        .unwrap_or_default()
}

/// Shows `errors` at their fields, opens the first step with one and focuses its control.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
fn show_errors(form: FormState, errors: Vec<FieldError>, lists: StoredValue<ApplicationPage>) {
    let Some(first) = errors.first().map(|e| e.field.clone()) else {
        return;
    };
    let step = Step::first_with_error(&errors).unwrap_or(Step::AboutYou);
    let focus_on = errors
        .iter()
        .find(|e| Step::of_field(&e.field) == step)
        .map_or(first, |e| e.field.clone());
    form.touched
        .update(|t| t.extend(errors.iter().map(|e| e.field.clone())));
    form.errors.set(errors);
    form.step.set(step);
    #[cfg(feature = "hydrate")]
    browser::focus(&control_for(&focus_on, lists));
    #[cfg(not(feature = "hydrate"))]
    let _ = (focus_on, lists);
}

/// "Next": the current step's answers must be right, and the step must not already show the
/// applicant cannot mentor.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
fn next(
    form: FormState,
    outcome: RwSignal<Option<ApplyOutcome>>,
    node: NodeRef<leptos::html::Form>,
    lists: StoredValue<ApplicationPage>,
) {
    #[cfg(feature = "hydrate")]
    {
        let Some(element) = node.get_untracked() else {
            return;
        };
        let answers = browser::read_answers(&element);
        let step = form.step.get_untracked();
        let errors = errors_in(&answers);
        let here: Vec<FieldError> = errors
            .iter()
            .filter(|e| Step::of_field(&e.field) == step)
            .cloned()
            .collect();
        if !here.is_empty() {
            show_errors(form, here, lists);
            form.errors.set(errors);
            return;
        }
        let today = chrono::Utc::now().date_naive();
        let reasons = crate::domain::application::ineligibility_after(step, &answers, today);
        if !reasons.is_empty() {
            outcome.set(Some(ApplyOutcome::Ineligible(reasons)));
            browser::focus("application-title");
            return;
        }
        if let Some(next) = step.next() {
            form.step.set(next);
            browser::focus("progress-text");
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (form, outcome, node, lists);
}

#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
fn submit(
    form: FormState,
    outcome: RwSignal<Option<ApplyOutcome>>,
    apply: ServerAction<ApplyAsMentor>,
    page_error: RwSignal<Option<AppError>>,
    node: NodeRef<leptos::html::Form>,
    lists: StoredValue<ApplicationPage>,
) {
    #[cfg(feature = "hydrate")]
    {
        if form.step.get_untracked().next().is_some() {
            // Enter in a field of an earlier step means "next", not "send".
            next(form, outcome, node, lists);
            return;
        }
        let Some(element) = node.get_untracked() else {
            return;
        };
        let answers = browser::read_answers(&element);
        let errors = errors_in(&answers);
        if !errors.is_empty() {
            show_errors(form, errors, lists);
            return;
        }
        page_error.set(None);
        apply.dispatch(ApplyAsMentor { answers });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (form, outcome, apply, page_error, node, lists);
}

/// After a plain form post was accepted.
#[component]
pub fn ApplicationSentPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=page_title(move || t_string!(i18n, apply.sent_title).to_string()) />
        <div class="narrow">
            <h1>{t!(i18n, apply.sent_title)}</h1>
            <p class="notice success" role="status">{t!(i18n, apply.sent_text)}</p>
            <p><A href="/" attr:class="button secondary">{t!(i18n, apply.home)}</A></p>
        </div>
    }
}

/// Where the sign-up e-mail's link lands. Opening it changes nothing; the button confirms the
/// address.
#[component]
pub fn ConfirmSignUpPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let confirm = ServerAction::<ConfirmSignUp>::new();
    let confirmed = move || matches!(confirm.value().get(), Some(Ok(())));
    let refused = move || match confirm.value().get() {
        Some(Err(AppError::NotFound)) => Some(None),
        Some(Err(error)) => Some(Some(error)),
        _ => None,
    };
    view! {
        <Title text=page_title(move || t_string!(i18n, apply.confirm_title).to_string()) />
        <div class="narrow">
            <h1>{t!(i18n, apply.confirm_title)}</h1>
            <Show
                when=move || !token().is_empty()
                fallback=move || view! { <p>{t!(i18n, apply.confirm_missing)}</p> }
            >
                <Show
                    when=confirmed
                    fallback=move || view! {
                        {move || refused().map(|error| match error {
                            None => view! {
                                <p class="notice error" role="alert">{t!(i18n, apply.confirm_unknown)}</p>
                                <p><A href="/volunteer" attr:class="button secondary">{t!(i18n, apply.apply_again)}</A></p>
                            }.into_any(),
                            Some(error) => view! { <ErrorNotice error /> }.into_any(),
                        })}
                        <p>{t!(i18n, apply.confirm_text)}</p>
                        <ActionForm action=confirm>
                            <input type="hidden" name="token" value=token />
                            <button type="submit" class="button big" disabled=move || confirm.pending().get()>
                                {move || if confirm.pending().get() {
                                    t_string!(i18n, apply.confirming)
                                } else {
                                    t_string!(i18n, apply.confirm_button)
                                }}
                            </button>
                        </ActionForm>
                    }
                >
                    <p class="notice success" role="status">{t!(i18n, apply.confirmed)}</p>
                    <p><A href="/" attr:class="button secondary">{t!(i18n, apply.home)}</A></p>
                </Show>
            </Show>
        </div>
    }
}

/// The privacy notice the application form links to; its text is what each consent's hash
/// is computed from.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=page_title(move || t_string!(i18n, privacy.title).to_string()) />
        <div class="narrow prose">
            <h1>{t!(i18n, privacy.title)}</h1>
            <p>{t!(i18n, privacy.who)}</p>
            <p>{t!(i18n, privacy.what)}</p>
            <p>{t!(i18n, privacy.why)}</p>
            <p>{t!(i18n, privacy.how_long)}</p>
            <p>{t!(i18n, privacy.rights)}</p>
            <p class="aside">{t!(i18n, privacy.version, version = crate::domain::consent::PRIVACY_NOTICE_VERSION)}</p>
        </div>
    }
}
