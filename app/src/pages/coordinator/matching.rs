//! The matching board: a city's waiting mentees beside its available mentors. Drag one onto
//! the other (mouse or touch) to see the pair's score live and propose the duo; or select a
//! card (tap or keyboard) and choose from the candidates ranked by score. "Propose best
//! matches" runs the exact solver and shows its pairs to accept, reject, lock or ban.

mod drag;
mod panels;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use self::drag::Drag;
use self::panels::{DragPreview, DropDialog, PairLists, ProposalsPanel};
use super::suggestions::SuggestionsCard;
use crate::components::board_filters::{BoardFilters, FilterChoices};
use crate::components::errors::app_error_text;
use crate::components::labels::{day_part_label, level_label, weekday_label};
use crate::components::page_title::page_title;
use crate::domain::locale::Locale as DomainLocale;
use crate::error::AppError;
use crate::features::duos::api::{CancelProposal, ProposeDuo};
use crate::features::duos::types::ProposedDuo;
use crate::features::matching::api::{
    AcceptProposals, ProposeCityMatches, SetPairRule, get_matching_board,
};
use crate::features::matching::types::{
    BoardCard, BoardColumn, BoardQuery, CityProposals, MatchingBoard, PairIds,
};
use crate::features::people::types::PersonKind;
use crate::features::reference::name_of;
use crate::i18n::*;
use leptos_i18n::I18nContext;

/// Which column a card is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Mentee,
    Mentor,
}

impl Side {
    fn other(self) -> Side {
        match self {
            Side::Mentee => Side::Mentor,
            Side::Mentor => Side::Mentee,
        }
    }

    /// The `data-drop` value of the side's cards.
    fn attr(self) -> &'static str {
        match self {
            Side::Mentee => "mentee",
            Side::Mentor => "mentor",
        }
    }

    fn parse(value: &str) -> Option<Side> {
        match value {
            "mentee" => Some(Side::Mentee),
            "mentor" => Some(Side::Mentor),
            _ => None,
        }
    }

    fn kind(self) -> PersonKind {
        match self {
            Side::Mentee => PersonKind::Mentees,
            Side::Mentor => PersonKind::Mentors,
        }
    }
}

/// A person picked up or selected on the board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Picked {
    side: Side,
    id: i32,
    name: String,
}

impl Picked {
    /// The pair this person makes with `(side, id)`, when that is someone of the other column.
    fn pair_with(&self, side: Side, id: i32) -> Option<PairIds> {
        match (self.side, side) {
            (Side::Mentee, Side::Mentor) => Some(PairIds {
                mentor_id: id,
                mentee_id: self.id,
            }),
            (Side::Mentor, Side::Mentee) => Some(PairIds {
                mentor_id: self.id,
                mentee_id: id,
            }),
            _ => None,
        }
    }
}

/// A message after an action, in the words of the moment it happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Notice {
    ok: bool,
    text: String,
}

/// Everything the board's parts share: what is selected, dragged and proposed, and the actions.
#[derive(Clone, Copy)]
pub(crate) struct BoardState {
    selected: RwSignal<Option<Picked>>,
    drag: RwSignal<Option<Drag>>,
    /// The pair dropped, waiting for the coordinator's confirmation.
    confirm: RwSignal<Option<PairIds>>,
    notice: RwSignal<Option<Notice>>,
    proposals: RwSignal<Option<CityProposals>>,
    /// Bumped to reload the board after a change.
    refresh: RwSignal<u32>,
    propose: ServerAction<ProposeDuo>,
    run: ServerAction<ProposeCityMatches>,
    accept: ServerAction<AcceptProposals>,
    rule: ServerAction<SetPairRule>,
    cancel: ServerAction<CancelProposal>,
}

impl BoardState {
    fn new() -> Self {
        BoardState {
            selected: RwSignal::new(None),
            drag: RwSignal::new(None),
            confirm: RwSignal::new(None),
            notice: RwSignal::new(None),
            proposals: RwSignal::new(None),
            refresh: RwSignal::new(0),
            propose: ServerAction::new(),
            run: ServerAction::new(),
            accept: ServerAction::new(),
            rule: ServerAction::new(),
            cancel: ServerAction::new(),
        }
    }

    fn reload(self) {
        self.refresh.update(|n| *n += 1);
    }

    fn tell(self, ok: bool, text: String) {
        self.notice.set(Some(Notice { ok, text }));
    }

    /// After a proposal, dropped or chosen from the ranked list: say how it went, and show the
    /// pool as it now is, which a conflict (someone was faster) has changed too.
    fn proposed(self, i18n: I18nContext<Locale>, result: Result<ProposedDuo, AppError>) {
        self.confirm.set(None);
        match result {
            Ok(_) => {
                self.selected.set(None);
                self.tell(true, t_string!(i18n, matching.proposed).to_string());
            }
            Err(error) => self.tell(false, app_error_text(i18n, &error)),
        }
        self.reload();
    }
}

#[component]
pub fn MatchingPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let p = params.read();
        let number = |key: &str| p.get(key).and_then(|v| v.parse::<i32>().ok());
        let page = |key: &str| p.get(key).and_then(|v| v.parse::<u32>().ok());
        BoardQuery {
            city_id: number("city"),
            sector_id: number("sector"),
            language_id: number("language"),
            search: p.get("q").filter(|s| !s.trim().is_empty()),
            mentee_page: page("mentees"),
            mentor_page: page("mentors"),
        }
    });
    let state = BoardState::new();
    let board = Resource::new(
        move || (query.get(), state.refresh.get()),
        |(query, _)| get_matching_board(query),
    );
    drag::listen(state);
    react_to_results(state);
    view! {
        <Title text=page_title(move || t_string!(i18n, board.title).to_string()) />
        <h1>{t!(i18n, board.title)}</h1>
        <p>{t!(i18n, board.lead)}</p>
        {move || state.notice.get().map(|n| view! {
            <p class=if n.ok { "notice success" } else { "notice error" } role=if n.ok { "status" } else { "alert" }>{n.text}</p>
        })}
        <Transition fallback=move || view! { <p role="status">{t!(i18n, app.loading)}</p> }>
            {move || board.get().map(|result| match result {
                Ok(board) => view! { <Board board query=query.get() state /> }.into_any(),
                Err(error) => view! { <crate::components::errors::ErrorNotice error /> }.into_any(),
            })}
        </Transition>
    }
}

/// What each action's answer does to the board: a message, and a reload so that a conflict
/// (someone else was faster) shows the pool as it now is.
fn react_to_results(state: BoardState) {
    let i18n = use_i18n();
    let failed = move |error: &AppError| state.tell(false, app_error_text(i18n, error));
    Effect::new(move |_| {
        if let Some(result) = state.propose.value().get() {
            state.proposed(i18n, result);
        }
    });
    Effect::new(move |_| match state.run.value().get() {
        Some(Ok(proposals)) => state.proposals.set(Some(proposals)),
        Some(Err(error)) => failed(&error),
        None => {}
    });
    Effect::new(move |_| {
        let Some(result) = state.accept.value().get() else {
            return;
        };
        match result {
            Ok(outcomes) => {
                let done: Vec<PairIds> = (outcomes.iter())
                    .filter(|o| o.result.is_ok())
                    .map(|o| o.pair)
                    .collect();
                state.proposals.update(|p| {
                    if let Some(p) = p {
                        p.proposals.retain(|g| {
                            let pair = PairIds {
                                mentor_id: g.mentor_id,
                                mentee_id: g.mentee_id,
                            };
                            !done.contains(&pair)
                        });
                    }
                });
                let refused: Vec<String> = (outcomes.iter())
                    .filter_map(|o| o.result.as_ref().err())
                    .map(|e| app_error_text(i18n, e))
                    .collect();
                let mut text = t_string!(i18n, board.accepted, count = done.len()).to_string();
                if !refused.is_empty() {
                    text.push(' ');
                    text.push_str(
                        &t_string!(i18n, board.not_accepted, count = refused.len()).to_string(),
                    );
                    text.push(' ');
                    text.push_str(&refused.join(" "));
                }
                state.tell(refused.is_empty(), text);
            }
            Err(error) => failed(&error),
        }
        state.reload();
    });
    Effect::new(move |_| {
        if let Some(result) = state.rule.value().get() {
            if let Err(error) = result {
                failed(&error);
            }
            state.reload();
        }
    });
    Effect::new(move |_| {
        let Some(result) = state.cancel.value().get() else {
            return;
        };
        match result {
            Ok(()) => state.tell(true, t_string!(i18n, board.undone).to_string()),
            Err(error) => failed(&error),
        }
        state.reload();
    });
}

#[component]
fn Board(board: MatchingBoard, query: BoardQuery, state: BoardState) -> impl IntoView {
    let i18n = use_i18n();
    let Some(city_id) = board.city_id else {
        return view! { <p class="empty">{t!(i18n, pipeline.no_city)}</p> }.into_any();
    };
    let lists: PairLists = StoredValue::new((board.sectors.clone(), board.languages.clone()));
    let link = PageLink {
        query: query.clone(),
        city_id,
    };
    let query = StoredValue::new(query);
    view! {
        <BoardFilters action="/coordinator/matching" choices=FilterChoices {
            cities: board.cities.clone(),
            sectors: board.sectors.clone(),
            languages: board.languages.clone(),
            city_id,
            search: query.with_value(|q| q.search.clone()),
            sector_id: query.with_value(|q| q.sector_id),
            language_id: query.with_value(|q| q.language_id),
        } />
        <ProposalsPanel city_id state lists />
        <p class="hint board-hint">{t!(i18n, board.hint)}</p>
        <div class="match-board">
            <Column side=Side::Mentee column=board.mentees.clone() state lists link=link.clone() />
            <Column side=Side::Mentor column=board.mentors.clone() state lists link />
            <aside class="match-selection" aria-label=move || t_string!(i18n, board.selection).to_string()>
                {move || match state.selected.get() {
                    Some(picked) => {
                        let on_result = Callback::new(move |result| state.proposed(i18n, result));
                        let within = BoardQuery { mentee_page: None, mentor_page: None, city_id: Some(city_id), ..query.get_value() };
                        view! { <SuggestionsCard kind=picked.side.kind() id=picked.id on_result within /> }.into_any()
                    }
                    None => view! { <p class="empty">{t!(i18n, board.select_hint)}</p> }.into_any(),
                }}
            </aside>
        </div>
        <panels::OpenPairs board=board.clone() state />
        <panels::History entries=board.history.clone() />
        <DropDialog state lists />
        <DragPreview state lists />
    }
    .into_any()
}

/// The address of the board with the same filters and other page, at `page` of `side`.
#[derive(Clone)]
struct PageLink {
    query: BoardQuery,
    city_id: i32,
}

impl PageLink {
    fn to(&self, side: Side, page: u32) -> String {
        let q = &self.query;
        let mut href = format!("/coordinator/matching?city={}", self.city_id);
        if let Some(search) = &q.search {
            href.push_str(&format!("&q={}", urlencode(search)));
        }
        for (key, value) in [("sector", q.sector_id), ("language", q.language_id)] {
            if let Some(v) = value {
                href.push_str(&format!("&{key}={v}"));
            }
        }
        let (mentees, mentors) = match side {
            Side::Mentee => (Some(page), q.mentor_page),
            Side::Mentor => (q.mentee_page, Some(page)),
        };
        for (key, value) in [("mentees", mentees), ("mentors", mentors)] {
            if let Some(v) = value {
                href.push_str(&format!("&{key}={v}"));
            }
        }
        href
    }
}

/// Percent-encodes a search for the address: letters and digits stay, the rest is escaped.
fn urlencode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[component]
fn Column(
    side: Side,
    column: BoardColumn,
    state: BoardState,
    lists: PairLists,
    link: PageLink,
) -> impl IntoView {
    let i18n = use_i18n();
    let heading = format!("{}-column", side.attr());
    let title = move || match side {
        Side::Mentee => t_string!(i18n, board.mentees, count = column.total),
        Side::Mentor => t_string!(i18n, board.mentors, count = column.total),
    };
    let body = if column.cards.is_empty() {
        view! {
            <p class="empty-column">
                {move || match side {
                    Side::Mentee => t_string!(i18n, board.no_mentees),
                    Side::Mentor => t_string!(i18n, board.no_mentors),
                }}
                " "
                {match side {
                    Side::Mentee => view! { <A href="/coordinator/mentees/new">{t!(i18n, nav.register_mentee)}</A> }.into_any(),
                    Side::Mentor => view! { <A href="/coordinator/pipeline">{t!(i18n, nav.pipeline)}</A> }.into_any(),
                }}
            </p>
        }
        .into_any()
    } else {
        view! {
            <ul class="match-cards">
                {column.cards.into_iter().map(|card| view! { <Card side card state lists /> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let (page, pages) = (column.page, column.pages);
    let pager = (pages > 1).then(|| {
        let previous = (page > 1).then(|| link.to(side, page - 1));
        let next = (page < pages).then(|| link.to(side, page + 1));
        view! {
            <nav class="pager" aria-label=move || t_string!(i18n, board.pages, side = title()).to_string()>
                {previous.map(|href| view! { <A href=href attr:rel="prev">{t!(i18n, people.previous)}</A> })}
                <span>{t!(i18n, board.page, page = page, pages = pages)}</span>
                {next.map(|href| view! { <A href=href attr:rel="next">{t!(i18n, people.next)}</A> })}
            </nav>
        }
    });
    view! {
        <section class="match-column" aria-labelledby=heading.clone()>
            <h2 id=heading.clone()>{title}</h2>
            {body}
            {pager}
        </section>
    }
}

#[component]
fn Card(side: Side, card: BoardCard, state: BoardState, lists: PairLists) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || DomainLocale::from(i18n.get_locale());
    let picked = Picked {
        side,
        id: card.id,
        name: card.name.clone(),
    };
    let id = card.id;
    let is_selected =
        move || (state.selected.read().as_ref()).is_some_and(|p| p.side == side && p.id == id);
    // While something of the other column is dragged over this card: allowed, or not.
    let hovered = move || {
        state.drag.with(|d| {
            d.as_ref()
                .is_some_and(|d| d.over == Some((side, id)) && d.from.side != side)
        })
    };
    let drag_from = picked.clone();
    let select = picked.clone();
    let sector_ids = card.sector_ids.clone();
    let sectors = move || {
        lists.with_value(|(all, _)| {
            (sector_ids.iter())
                .map(|id| name_of(all, *id, locale()))
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    let spoken = card.languages.clone();
    let languages = move || {
        lists.with_value(|(_, all)| {
            (spoken.iter())
                .map(|(id, level)| {
                    format!(
                        "{} ({})",
                        name_of(all, *id, locale()),
                        level_label(i18n, *level)
                    )
                })
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    let slots = card.slots;
    let slot_text = move || {
        slots
            .iter()
            .map(|s| {
                format!(
                    "{} {}",
                    weekday_label(i18n, s.weekday),
                    day_part_label(i18n, s.part)
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let fact = match (card.days_waiting, card.completed_duos) {
        (Some(days), _) => {
            view! { <p class="card-fact">{t!(i18n, board.waiting, days = days)}</p> }.into_any()
        }
        (_, Some(count)) => {
            view! { <p class="card-fact">{t!(i18n, board.duos_done, count = count)}</p> }.into_any()
        }
        _ => ().into_any(),
    };
    view! {
        <li
            class="match-card"
            class:selected=is_selected
            class:drop-target=hovered
            data-drop=side.attr()
            data-id=id
            on:pointerdown=move |ev| drag::start(state, drag_from.clone(), &ev)
        >
            <span class="grip" aria-hidden="true"></span>
            <div class="match-card-body">
                <button
                    type="button"
                    class="card-select"
                    aria-pressed=move || if is_selected() { "true" } else { "false" }
                    on:click=move |_| {
                        let again = is_selected();
                        state.selected.set((!again).then(|| select.clone()));
                    }
                >
                    {card.name.clone()}
                </button>
                {fact}
                <p class="hint">{sectors}</p>
                <p class="hint">{languages}</p>
                <p class="hint">{move || if slots.is_empty() { t_string!(i18n, board.no_slots).to_string() } else { slot_text() }}</p>
            </div>
        </li>
    }
}
