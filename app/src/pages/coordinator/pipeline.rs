//! The screening board: one column per stage for a city's mentors, then its mentees. The
//! filters live in the address, so the board works without JavaScript and can be bookmarked.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::components::board_filters::{BoardFilters, FilterChoices};
use crate::components::errors::ErrorNotice;
use crate::components::labels::{mentee_status_label, mentor_status_label};
use crate::components::page_title::page_title;
use crate::domain::local_time;
use crate::domain::locale::Locale as DomainLocale;
use crate::features::pipeline::api::get_pipeline;
use crate::features::pipeline::types::{
    MENTEE_STAGES, MENTOR_STAGES, Pipeline, PipelineCard, PipelineQuery,
};
use crate::features::reference::{Named, name_of};
use crate::i18n::*;

#[component]
pub fn PipelinePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let p = params.read();
        let number = |key: &str| p.get(key).and_then(|v| v.parse::<i32>().ok());
        PipelineQuery {
            city_id: number("city"),
            sector_id: number("sector"),
            language_id: number("language"),
            search: p.get("q").filter(|s| !s.trim().is_empty()),
        }
    });
    let board = Resource::new(move || query.get(), get_pipeline);
    view! {
        <Title text=page_title(move || t_string!(i18n, pipeline.title).to_string()) />
        <h1>{t!(i18n, pipeline.title)}</h1>
        <p>{t!(i18n, pipeline.lead)}</p>
        <Transition fallback=move || view! { <p role="status">{t!(i18n, app.loading)}</p> }>
            {move || {
                board.get().map(|result| match result {
                    Ok(board) => view! { <Board board query=query.get() /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                })
            }}
        </Transition>
    }
}

#[component]
fn Board(board: Pipeline, query: PipelineQuery) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || DomainLocale::from(i18n.get_locale());
    let Some(city_id) = board.city_id else {
        return view! { <p class="empty">{t!(i18n, pipeline.no_city)}</p> }.into_any();
    };
    let sectors = StoredValue::new(board.sectors.clone());
    let cut_columns = board.cut_columns.clone();
    // One column per stage, as (stored status, its label in the user's language).
    let columns = move |stages: Vec<(&'static str, Signal<String>)>,
                        cards: &[PipelineCard],
                        link: &'static str| {
        stages
            .into_iter()
            .map(|(status, title)| {
                let cards: Vec<PipelineCard> = cards
                    .iter()
                    .filter(|c| c.status == status)
                    .cloned()
                    .collect();
                let id = format!("{link}-{status}");
                let cut = cut_columns.contains(&id);
                view! { <Column id title cards link sectors cut /> }
            })
            .collect_view()
    };
    let mentor_columns = columns(
        MENTOR_STAGES
            .iter()
            .map(|&stage| {
                let title = Signal::derive(move || mentor_status_label(i18n, stage).to_owned());
                (stage.as_str(), title)
            })
            .collect(),
        &board.mentors,
        "mentors",
    );
    let mentee_columns = columns(
        MENTEE_STAGES
            .iter()
            .map(|&stage| {
                let title = Signal::derive(move || mentee_status_label(i18n, stage).to_owned());
                (stage.as_str(), title)
            })
            .collect(),
        &board.mentees,
        "mentees",
    );
    let city_names = board.cities.clone();
    let city_name = move || name_of(&city_names, city_id, locale());
    view! {
        <BoardFilters action="/coordinator/pipeline" choices=FilterChoices {
            cities: board.cities.clone(),
            sectors: board.sectors.clone(),
            languages: board.languages.clone(),
            city_id,
            search: query.search.clone(),
            sector_id: query.sector_id,
            language_id: query.language_id,
        } />
        <p class="count" role="status">{city_name}</p>
        <h2 id="board-mentors">{t!(i18n, pipeline.mentors)}</h2>
        <div class="board" aria-labelledby="board-mentors">{mentor_columns}</div>
        <h2 id="board-mentees">{t!(i18n, pipeline.mentees)}</h2>
        <div class="board" aria-labelledby="board-mentees">{mentee_columns}</div>
    }
    .into_any()
}

#[component]
fn Column(
    id: String,
    title: Signal<String>,
    cards: Vec<PipelineCard>,
    link: &'static str,
    sectors: StoredValue<Vec<Named>>,
    /// The stage holds more people than these.
    cut: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || DomainLocale::from(i18n.get_locale());
    let heading = format!("{id}-title");
    let count = cards.len();
    let body = if cards.is_empty() {
        view! { <p class="empty-column">{t!(i18n, pipeline.empty_column)}</p> }.into_any()
    } else {
        view! {
            <ul class="cards-list">
                {cards.into_iter().map(|card| {
                    let since = card.since.format("%d/%m/%Y").to_string();
                    let intake = card
                        .intake_at
                        .map(local_time::display);
                    let sector_ids = card.sector_ids.clone();
                    let sector_names = move || sectors.with_value(|all| {
                        sector_ids.iter().map(|id| name_of(all, *id, locale())).collect::<Vec<_>>().join(", ")
                    });
                    view! {
                        <li class="pipeline-card">
                            <A href=format!("/coordinator/{link}/{}", card.id)>{card.name.clone()}</A>
                            <p>{t!(i18n, pipeline.since, date = since.clone())}</p>
                            {intake.map(|when| view! { <p>{t!(i18n, pipeline.intake_at, when = when.clone())}</p> })}
                            {card.unconfirmed.then(|| view! { <p class="badge">{t!(i18n, pipeline.unconfirmed)}</p> })}
                            <p class="hint">{sector_names}</p>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="column" aria-labelledby=heading.clone()>
            <h3 id=heading.clone()>{title} " " <span class="count">{format!("({count})")}</span></h3>
            {body}
            {cut.then(|| view! { <p class="hint">{t!(i18n, pipeline.column_cut, shown = count)}</p> })}
        </section>
    }
}
