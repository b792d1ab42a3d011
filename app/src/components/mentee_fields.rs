//! The parts of a mentee's registration form that the coordinator's page and a partner's
//! referral page share: who the young person is, and what they are looking for. Plain named
//! inputs, read with the form when it is sent; each error shows under its field.

use leptos::prelude::*;

use super::errors::FieldErrors;
use super::form::TextField;
use super::labels::education_label;
use super::profile_fields::{LanguageLevels, SlotGrid};
use crate::domain::locale::Locale as DomainLocale;
use crate::domain::reference::EducationLevel;
use crate::domain::registration::field;
use crate::error::AppError;
use crate::features::reference::Named;
use crate::i18n::*;

#[component]
pub fn MenteePersonFields(error: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let text = |s: fn(leptos_i18n::I18nContext<Locale>) -> String| Signal::derive(move || s(i18n));
    view! {
            <fieldset>
                <legend>{t!(i18n, register.person)}</legend>
                <TextField name=field::FIRST_NAME label=text(|i| t_string!(i, apply.first_name).to_string()) error />
                <TextField name=field::LAST_NAME label=text(|i| t_string!(i, apply.last_name).to_string()) error />
                <TextField name=field::EMAIL input_type="email" label=text(|i| t_string!(i, register.email).to_string()) error />
                <TextField name=field::PHONE input_type="tel" label=text(|i| t_string!(i, register.phone).to_string()) error />
                <TextField name=field::BIRTH_YEAR label=text(|i| t_string!(i, register.birth_year).to_string()) error />
                <div class="field">
                    <label for="field-locale">{t!(i18n, register.locale)}</label>
                    <select id="field-locale" name=field::LOCALE aria-describedby="field-locale-error">
                        <option value="fr">"Français"</option>
                        <option value="nl">"Nederlands"</option>
                        <option value="en">"English"</option>
                    </select>
                    <FieldErrors id="field-locale-error".to_owned() error field=field::LOCALE />
                </div>
            </fieldset>
    }
}

#[component]
pub fn MenteeGoalFields(
    sectors: Vec<Named>,
    languages: Vec<Named>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || DomainLocale::from(i18n.get_locale());
    let text = |s: fn(leptos_i18n::I18nContext<Locale>) -> String| Signal::derive(move || s(i18n));
    view! {
            <fieldset aria-describedby="field-goal_sectors-error">
                <legend>{t!(i18n, register.goal_sectors)}</legend>
                <p class="hint">{t!(i18n, register.goal_sectors_hint)}</p>
                <div class="checkboxes">
                    {sectors.into_iter().map(|s| {
                        let (id, value) = (format!("field-goal-sector-{}", s.id), s.id);
                        view! {
                            <label class="check" for=id.clone()>
                                <input id=id.clone() type="checkbox" name=field::GOAL_SECTOR value=value />
                                {move || s.name(locale()).to_owned()}
                            </label>
                        }
                    }).collect_view()}
                </div>
                <FieldErrors id="field-goal_sectors-error".to_owned() error field=field::GOAL_SECTORS />
            </fieldset>
            <div class="field">
                <label for="field-goal">{t!(i18n, register.goal)}</label>
                <textarea id="field-goal" name=field::GOAL rows="3" aria-describedby="field-goal-error"></textarea>
                <FieldErrors id="field-goal-error".to_owned() error field=field::GOAL />
            </div>
            <div class="field">
                <label for="field-education">{t!(i18n, register.education)}</label>
                <select id="field-education" name=field::EDUCATION aria-describedby="field-education-error">
                    <option value="">{t!(i18n, screening.choose)}</option>
                    {EducationLevel::ALL.iter().map(|level| {
                        let level = *level;
                        view! { <option value=level.as_str()>{move || education_label(i18n, level)}</option> }
                    }).collect_view()}
                </select>
                <FieldErrors id="field-education-error".to_owned() error field=field::EDUCATION />
            </div>
            <LanguageLevels languages=languages error legend=text(|i| t_string!(i, register.languages).to_string()) />
            <SlotGrid error legend=text(|i| t_string!(i, register.slots).to_string()) />
    }
}
