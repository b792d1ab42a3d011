//! The filters of a staff board (screening, matching): the city, a name search, a sector and a
//! language. A plain GET form, so the filters live in the address and work without JavaScript.

use leptos::prelude::*;
use leptos_router::components::{A, Form};

use crate::domain::locale::Locale as DomainLocale;
use crate::features::reference::Named;
use crate::i18n::*;

/// The lists to choose from, and what is chosen now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterChoices {
    pub cities: Vec<Named>,
    pub sectors: Vec<Named>,
    pub languages: Vec<Named>,
    pub city_id: i32,
    pub search: Option<String>,
    pub sector_id: Option<i32>,
    pub language_id: Option<i32>,
}

/// `action` is the board's path; "clear" keeps only the city.
#[component]
pub fn BoardFilters(action: &'static str, choices: FilterChoices) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || DomainLocale::from(i18n.get_locale());
    let options = move |list: Vec<Named>, chosen: Option<i32>| {
        list.into_iter()
            .map(move |item| {
                let (id, selected) = (item.id, chosen == Some(item.id));
                view! { <option value=id selected=selected>{move || item.name(locale()).to_owned()}</option> }
            })
            .collect_view()
    };
    let FilterChoices {
        cities,
        sectors,
        languages,
        city_id,
        search,
        sector_id,
        language_id,
    } = choices;
    view! {
        <Form method="GET" action=action attr:class="filters">
            {if cities.len() == 1 {
                view! { <input type="hidden" name="city" value=city_id /> }.into_any()
            } else {
                view! {
                    <div class="field">
                        <label for="filter-city">{t!(i18n, pipeline.city)}</label>
                        <select id="filter-city" name="city">{options(cities, Some(city_id))}</select>
                    </div>
                }.into_any()
            }}
            <div class="field">
                <label for="filter-q">{t!(i18n, pipeline.search)}</label>
                <input id="filter-q" name="q" type="search" value=search.unwrap_or_default() />
            </div>
            <div class="field">
                <label for="filter-sector">{t!(i18n, pipeline.sector)}</label>
                <select id="filter-sector" name="sector">
                    <option value="">{t!(i18n, app.all)}</option>
                    {options(sectors, sector_id)}
                </select>
            </div>
            <div class="field">
                <label for="filter-language">{t!(i18n, pipeline.language)}</label>
                <select id="filter-language" name="language">
                    <option value="">{t!(i18n, app.all)}</option>
                    {options(languages, language_id)}
                </select>
            </div>
            <div class="filter-actions">
                <button type="submit" class="button">{t!(i18n, pipeline.filter)}</button>
                <A href=format!("{action}?city={city_id}")>{t!(i18n, pipeline.clear)}</A>
            </div>
        </Form>
    }
}
