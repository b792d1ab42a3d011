use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{A, Form};
use leptos_router::hooks::use_query_map;

use crate::components::errors::ErrorNotice;
use crate::components::labels::{mentee_status_label, mentor_status_label};
use crate::components::page_title::page_title;
use crate::domain::locale::Locale as DomainLocale;
use crate::domain::mentee::MenteeStatus;
use crate::domain::mentor::MentorStatus;
use crate::features::people::api::list_people;
use crate::features::people::types::{PeopleList, PeopleQuery, PersonKind, PersonStatus};
use crate::features::reference::name_of;
use crate::i18n::*;

/// Mentors and mentees of the coordinator's cities. The filters live in the
/// address, so a filtered list can be bookmarked, shared and reloaded, and the
/// form works without JavaScript.
#[component]
pub fn PeoplePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let p = params.read();
        let number = |key: &str| p.get(key).and_then(|v| v.parse::<i32>().ok());
        PeopleQuery {
            kind: p
                .get("kind")
                .and_then(|k| PersonKind::parse(&k))
                .unwrap_or_default(),
            status: p.get("status").filter(|s| !s.is_empty()),
            sector_id: number("sector"),
            city_id: number("city"),
            search: p.get("q").filter(|s| !s.is_empty()),
            page: p.get("page").and_then(|v| v.parse().ok()).unwrap_or(1),
        }
    });
    let people = Resource::new(move || query.get(), list_people);
    let tab = move |kind: PersonKind| {
        let current = move || query.read().kind == kind;
        view! {
            <A
                href=format!("/coordinator?kind={}", kind.as_str())
                attr:class="tab"
                attr:aria-current=move || current().then_some("page")
            >
                {move || match kind {
                    PersonKind::Mentors => t_string!(i18n, people.mentors),
                    PersonKind::Mentees => t_string!(i18n, people.mentees),
                }}
            </A>
        }
    };
    view! {
        <Title text=page_title(move || t_string!(i18n, people.title).to_string()) />
        <div class="page-head">
            <h1>{t!(i18n, people.title)}</h1>
            <A href="/coordinator/mentees/new" attr:class="button">{t!(i18n, nav.register_mentee)}</A>
        </div>
        <nav class="tabs" aria-label=move || t_string!(i18n, people.title)>
            {tab(PersonKind::Mentors)}
            {tab(PersonKind::Mentees)}
        </nav>
        <Transition fallback=move || view! { <p role="status">{t!(i18n, app.loading)}</p> }>
            {move || {
                people.get().map(|result| match result {
                    Ok(list) => view! { <PeopleView list query=query.get() /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                })
            }}
        </Transition>
    }
}

#[component]
fn PeopleView(list: PeopleList, query: PeopleQuery) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || DomainLocale::from(i18n.get_locale());
    let kind = query.kind;
    let statuses: Vec<(&'static str, PersonStatus)> = match kind {
        PersonKind::Mentors => MentorStatus::ALL
            .iter()
            .map(|s| (s.as_str(), PersonStatus::Mentor(*s)))
            .collect(),
        PersonKind::Mentees => MenteeStatus::ALL
            .iter()
            .map(|s| (s.as_str(), PersonStatus::Mentee(*s)))
            .collect(),
    };
    let status_text = move |status: PersonStatus| match status {
        PersonStatus::Mentor(s) => mentor_status_label(i18n, s),
        PersonStatus::Mentee(s) => mentee_status_label(i18n, s),
    };
    let current_status = query.status.clone().unwrap_or_default();
    let page_link = {
        let query = query.clone();
        move |page: u32| {
            let mut parts = vec![format!("kind={}", kind.as_str())];
            if let Some(s) = &query.status {
                parts.push(format!("status={s}"));
            }
            if let Some(s) = query.sector_id {
                parts.push(format!("sector={s}"));
            }
            if let Some(c) = query.city_id {
                parts.push(format!("city={c}"));
            }
            if let Some(q) = &query.search {
                parts.push(format!("q={}", urlencode(q)));
            }
            parts.push(format!("page={page}"));
            format!("/coordinator?{}", parts.join("&"))
        }
    };
    let (cities, sectors) = (list.cities.clone(), list.sectors.clone());
    let rows_view = {
        let (cities, sectors) = (cities.clone(), sectors.clone());
        list.rows
            .into_iter()
            .map(|row| {
                let (cities, sectors) = (cities.clone(), sectors.clone());
                let sector_names = move || {
                    row.sector_ids.iter().map(|id| name_of(&sectors, *id, locale())).collect::<Vec<_>>().join(", ")
                };
                view! {
                    <tr>
                        <td><A href=format!("/coordinator/{}/{}", kind.as_str(), row.id)>{row.name.clone()}</A></td>
                        <td>{move || name_of(&cities, row.city_id, locale())}</td>
                        <td><span class="badge">{move || status_text(row.status)}</span></td>
                        <td>{sector_names}</td>
                        <td>{row.status_since.format("%Y-%m-%d").to_string()}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let empty = list.total == 0;
    let (page, pages) = (list.page, list.pages);
    view! {
        <Form method="GET" action="/coordinator" attr:class="filters">
            <input type="hidden" name="kind" value=kind.as_str() />
            <div class="field">
                <label for="filter-q">{t!(i18n, people.search)}</label>
                <input id="filter-q" name="q" type="search" value=query.search.clone().unwrap_or_default() />
            </div>
            <div class="field">
                <label for="filter-status">{t!(i18n, people.status)}</label>
                <select id="filter-status" name="status">
                    <option value="">{t!(i18n, app.all)}</option>
                    {statuses
                        .into_iter()
                        .map(|(value, status)| {
                            let selected = current_status == value;
                            view! { <option value=value selected=selected>{move || status_text(status)}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-sector">{t!(i18n, people.sector)}</label>
                <select id="filter-sector" name="sector">
                    <option value="">{t!(i18n, app.all)}</option>
                    {sectors
                        .into_iter()
                        .map(|s| {
                            let (id, selected) = (s.id, query.sector_id == Some(s.id));
                            view! { <option value=id selected=selected>{move || s.name(locale()).to_owned()}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-city">{t!(i18n, people.city)}</label>
                <select id="filter-city" name="city">
                    <option value="">{t!(i18n, app.all)}</option>
                    {cities
                        .into_iter()
                        .map(|c| {
                            let (id, selected) = (c.id, query.city_id == Some(c.id));
                            view! { <option value=id selected=selected>{move || c.name(locale()).to_owned()}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="filter-actions">
                <button type="submit" class="button">{t!(i18n, people.apply)}</button>
                <A href=format!("/coordinator?kind={}", kind.as_str())>{t!(i18n, people.clear)}</A>
            </div>
        </Form>
        <p role="status" class="count">{t!(i18n, people.count, count = list.total)}</p>
        {if empty {
            view! {
                <div class="empty">
                    <p>{t!(i18n, people.empty)}</p>
                    <A href=format!("/coordinator?kind={}", kind.as_str())>{t!(i18n, people.clear)}</A>
                </div>
            }
            .into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, people.name)}</th>
                                <th scope="col">{t!(i18n, people.city)}</th>
                                <th scope="col">{t!(i18n, people.status)}</th>
                                <th scope="col">{t!(i18n, people.sector)}</th>
                                <th scope="col">{t!(i18n, people.since)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows_view}</tbody>
                    </table>
                </div>
            }
            .into_any()
        }}
        <nav class="pagination" aria-label=move || t_string!(i18n, people.pagination)>
            {(page > 1).then(|| view! { <A href=page_link(page - 1) attr:rel="prev">{t!(i18n, people.previous)}</A> })}
            <span>{t!(i18n, people.page_of, page = page, pages = pages)}</span>
            {(page < pages).then(|| view! { <A href=page_link(page + 1) attr:rel="next">{t!(i18n, people.next)}</A> })}
        </nav>
    }
}

/// Percent-encodes a search term for a link.
fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
