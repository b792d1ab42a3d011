//! Switches the interface language on every page. It is a real form, so it
//! works without JavaScript too; with it, the page changes at once and the
//! choice is saved in the background.

use leptos::prelude::*;

use crate::domain::locale::Locale;
use crate::features::auth::api::SetLocale;
use crate::i18n::{Locale as UiLocale, *};

#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SetLocale>::new();
    let option = move |locale: Locale, name: &'static str| {
        let ui = UiLocale::from(locale);
        view! {
            <button
                type="submit"
                name="locale"
                value=locale.as_str()
                lang=locale.as_str()
                aria-pressed=move || (i18n.get_locale() == ui).to_string()
                on:click=move |_| {
                    i18n.set_locale(ui);
                    crate::language::remember_in_browser(locale);
                }
            >
                {name}
            </button>
        }
    };
    view! {
        <ActionForm action=save attr:class="language-switcher">
            <fieldset>
                <legend class="visually-hidden">{t!(i18n, language.label)}</legend>
                {option(Locale::Fr, "Français")}
                {option(Locale::Nl, "Nederlands")}
                {option(Locale::En, "English")}
            </fieldset>
        </ActionForm>
    }
}
