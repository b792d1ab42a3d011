//! Form fields for a person's profile that several forms share: a level per language and the
//! weekly slots. They post the names the domain parses (`language_<id>`, `slot`), hold no
//! state of their own, and show their errors under them.

use leptos::prelude::*;

use super::errors::FieldErrors;
use super::labels::{day_part_label, level_label, weekday_label};
use crate::domain::application::field;
use crate::domain::availability::{DayPart, Slot, Weekday};
use crate::domain::locale::Locale as DomainLocale;
use crate::domain::reference::LanguageLevel;
use crate::error::AppError;
use crate::features::reference::Named;
use crate::i18n::*;

/// One select per language: no level means "does not speak it".
#[component]
pub fn LanguageLevels(
    languages: Vec<Named>,
    #[prop(into)] legend: Signal<String>,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || DomainLocale::from(i18n.get_locale());
    view! {
        <fieldset aria-describedby="field-languages-error">
            <legend>{legend}</legend>
            <div class="language-list">
                {languages.into_iter().map(|language| {
                    let name = format!("{}{}", field::LANGUAGE_PREFIX, language.id);
                    let id = format!("field-{name}");
                    view! {
                        <div class="row-field">
                            <label for=id.clone()>{move || language.name(locale()).to_owned()}</label>
                            <select id=id name=name>
                                <option value="">{t!(i18n, apply.level_none)}</option>
                                {LanguageLevel::ALL.iter().map(|level| {
                                    let level = *level;
                                    view! { <option value=level.as_str()>{move || level_label(i18n, level)}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                    }
                }).collect_view()}
            </div>
            <FieldErrors id="field-languages-error".to_owned() error field=field::LANGUAGES />
        </fieldset>
    }
}

/// The 21 weekly slots as checkboxes, one group per day.
#[component]
pub fn SlotGrid(
    #[prop(into)] legend: Signal<String>,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset aria-describedby="field-slots-error">
            <legend>{legend}</legend>
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
                                        <input id=id.clone() type="checkbox" name=field::SLOT value=code />
                                        {move || day_part_label(i18n, part)}
                                    </label>
                                }
                            }).collect_view()}
                        </fieldset>
                    }
                }).collect_view()}
            </div>
            <FieldErrors id="field-slots-error".to_owned() error field=field::SLOTS />
        </fieldset>
    }
}
