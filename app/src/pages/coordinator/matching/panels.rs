//! The board's panels: the live preview while dragging, the confirmation of a dropped pair, the
//! solver's proposals, the pairs already proposed, locked or banned, and the history.

use leptos::html;
use leptos::prelude::*;

use super::BoardState;
use crate::components::confirm::ConfirmButton;
use crate::components::match_explain::{part_text, reasons_text};
use crate::domain::local_time;
use crate::domain::matching::history::BoardAction;
use crate::features::duos::api::{CancelProposal, ProposeDuo};
use crate::features::matching::api::{
    AcceptProposals, ProposeCityMatches, SetPairRule, preview_pair,
};
use crate::features::matching::types::{
    HistoryEntry, MatchingBoard, PairIds, PairPreview, PairRule, PairView, ProposedPair,
};
use crate::features::reference::Named;
use crate::i18n::*;
use leptos_i18n::I18nContext;

/// The sector and language names, to word a score's explanation.
pub(crate) type PairLists = StoredValue<(Vec<Named>, Vec<Named>)>;

/// The explanation of an allowed pair, one line per criterion that counts.
#[component]
fn Explanation(preview: PairPreview, lists: PairLists) -> impl IntoView {
    let i18n = use_i18n();
    let parts = preview.score.map(|s| s.parts).unwrap_or_default();
    view! {
        <ul class="explain">
            {parts.into_iter().filter(|p| p.weight > 0).map(|part| {
                view! { <li>{move || part_text(i18n, &part, lists)}</li> }
            }).collect_view()}
        </ul>
    }
}

/// The pair being dragged over or dropped, scored by the server; `None` while nothing is.
fn preview_of(
    pair: Memo<Option<PairIds>>,
) -> LocalResource<Option<Result<PairPreview, crate::error::AppError>>> {
    LocalResource::new(move || {
        let pair = pair.get();
        async move {
            match pair {
                Some(pair) => Some(preview_pair(pair).await),
                None => None,
            }
        }
    })
}

fn summary(i18n: I18nContext<Locale>, preview: &PairPreview) -> String {
    match &preview.score {
        Some(score) => t_string!(
            i18n,
            board.pair_score,
            mentee = preview.mentee.as_str(),
            mentor = preview.mentor.as_str(),
            total = score.total
        )
        .to_string(),
        None => t_string!(
            i18n,
            board.pair_forbidden,
            mentee = preview.mentee.as_str(),
            mentor = preview.mentor.as_str(),
            reasons = reasons_text(i18n, &preview.reasons)
        )
        .to_string(),
    }
}

/// Follows the pointer while a card is dragged: who, and over another card the pair's score or
/// why it is forbidden.
#[component]
pub(super) fn DragPreview(state: BoardState, lists: PairLists) -> impl IntoView {
    let i18n = use_i18n();
    let pair = Memo::new(move |_| state.drag.with(|d| d.as_ref().and_then(|d| d.pair())));
    let preview = preview_of(pair);
    let shown = move || state.drag.with(|d| d.as_ref().is_some_and(|d| d.moved));
    view! {
        <Show when=shown>
            <div
                class="drag-preview"
                role="status"
                // Through the style object, not a style attribute, which the pages' CSP forbids.
                style:left=move || state.drag.with(|d| d.as_ref().map(|d| format!("{}px", d.at.0 + 16)))
                style:top=move || state.drag.with(|d| d.as_ref().map(|d| format!("{}px", d.at.1 + 16)))
            >
                <p><strong>{move || state.drag.with(|d| d.as_ref().map(|d| d.from.name.clone()).unwrap_or_default())}</strong></p>
                {move || match (pair.get(), preview.get().flatten()) {
                    (None, _) => view! { <p class="hint">{t!(i18n, board.drop_hint)}</p> }.into_any(),
                    (Some(_), Some(Ok(p))) if Some(PairIds { mentor_id: p.mentor_id, mentee_id: p.mentee_id }) == pair.get() => {
                        let allowed = p.score.is_some();
                        view! {
                            <p class=if allowed { "preview-ok" } else { "preview-no" }>{summary(i18n, &p)}</p>
                            <Explanation preview=p lists />
                        }.into_any()
                    }
                    (Some(_), Some(Err(error))) => view! { <p>{crate::components::errors::app_error_text(i18n, &error)}</p> }.into_any(),
                    (Some(_), _) => view! { <p class="hint">{t!(i18n, board.scoring)}</p> }.into_any(),
                }}
            </div>
        </Show>
    }
}

/// After a drop: the pair's explanation, and "propose" only when the pair is allowed.
#[component]
pub(super) fn DropDialog(state: BoardState, lists: PairLists) -> impl IntoView {
    let i18n = use_i18n();
    let pair = Memo::new(move |_| state.confirm.get());
    let preview = preview_of(pair);
    let first_button = NodeRef::<html::Button>::new();
    Effect::new(move |_| {
        if pair.get().is_some()
            && let Some(button) = first_button.get()
        {
            let _ = button.focus();
        }
    });
    let close = move || state.confirm.set(None);
    view! {
        <Show when=move || pair.get().is_some()>
            <div class="dialog-backdrop">
                <div
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby="drop-title"
                    class="dialog"
                    on:keydown=move |ev| if ev.key() == "Escape" { close() }
                >
                    <h2 id="drop-title">{t!(i18n, board.dialog_title)}</h2>
                    {move || match preview.get().flatten() {
                        Some(Ok(p)) => {
                            let allowed = p.score.is_some();
                            let ids = PairIds { mentor_id: p.mentor_id, mentee_id: p.mentee_id };
                            view! {
                                <p>{summary(i18n, &p)}</p>
                                <Explanation preview=p lists />
                                <div class="dialog-actions">
                                    {allowed.then(|| view! {
                                        <button type="button" class="button" node_ref=first_button
                                            disabled=move || state.propose.pending().get()
                                            on:click=move |_| { state.propose.dispatch(ProposeDuo { mentor_id: ids.mentor_id, mentee_id: ids.mentee_id }); }>
                                            {t!(i18n, matching.propose)}
                                        </button>
                                    })}
                                    <button type="button" class="button secondary" on:click=move |_| close()>
                                        {move || if allowed { t_string!(i18n, app.cancel) } else { t_string!(i18n, board.close) }}
                                    </button>
                                </div>
                            }.into_any()
                        }
                        Some(Err(error)) => view! {
                            <p role="alert">{crate::components::errors::app_error_text(i18n, &error)}</p>
                            <button type="button" class="button secondary" node_ref=first_button on:click=move |_| close()>{t!(i18n, board.close)}</button>
                        }.into_any(),
                        None => view! { <p role="status">{t!(i18n, board.scoring)}</p> }.into_any(),
                    }}
                </div>
            </div>
        </Show>
    }
}

/// "Propose best matches for this city", and the solver's pairs as ghosts to decide on.
#[component]
pub(super) fn ProposalsPanel(city_id: i32, state: BoardState, lists: PairLists) -> impl IntoView {
    let i18n = use_i18n();
    let run = move || {
        state.run.dispatch(ProposeCityMatches { city_id });
    };
    let ghosts = move || {
        state
            .proposals
            .get()
            .map(|p| p.proposals)
            .unwrap_or_default()
    };
    view! {
        <section class="card proposals" aria-labelledby="proposals-title">
            <h2 id="proposals-title">{t!(i18n, board.proposals_title)}</h2>
            <p class="hint">{t!(i18n, board.proposals_lead)}</p>
            <button type="button" class="button" disabled=move || state.run.pending().get() on:click=move |_| run()>
                {move || if state.run.pending().get() { t_string!(i18n, board.solving) } else { t_string!(i18n, board.run) }}
            </button>
            {move || state.proposals.get().map(|p| {
                let count = p.proposals.len();
                view! {
                    <p role="status">{t!(i18n, board.solved, count = count, ms = p.solve_ms, mentees = p.unmatched_mentees, mentors = p.unmatched_mentors)}</p>
                    {if count == 0 {
                        view! { <p class="empty">{t!(i18n, board.no_proposals)}</p> }.into_any()
                    } else {
                        view! {
                            <ConfirmButton
                                label=Signal::derive(move || t_string!(i18n, board.accept_all, count = count).to_string())
                                question=Signal::derive(move || t_string!(i18n, board.accept_all_confirm, count = count).to_string())
                                pending=state.accept.pending()
                                class="button secondary"
                                on_confirm=Callback::new(move |()| {
                                    let pairs = ghosts().iter().map(|g| PairIds { mentor_id: g.mentor_id, mentee_id: g.mentee_id }).collect();
                                    state.accept.dispatch(AcceptProposals { pairs });
                                })
                            />
                        }.into_any()
                    }}
                }
            })}
            <ol class="ghost-pairs">
                <For each=ghosts key=|g| (g.mentor_id, g.mentee_id, g.locked) let:ghost>
                    <GhostPair ghost state lists />
                </For>
            </ol>
        </section>
    }
}

/// Drops a rejected or banned pair from the proposals shown.
fn forget(state: BoardState, pair: PairIds) {
    state.proposals.update(|p| {
        if let Some(p) = p {
            p.proposals
                .retain(|g| (g.mentor_id, g.mentee_id) != (pair.mentor_id, pair.mentee_id));
        }
    });
}

#[component]
fn GhostPair(ghost: ProposedPair, state: BoardState, lists: PairLists) -> impl IntoView {
    let i18n = use_i18n();
    let pair = PairIds {
        mentor_id: ghost.mentor_id,
        mentee_id: ghost.mentee_id,
    };
    let locked = ghost.locked;
    let names = format!("{} + {}", ghost.mentee, ghost.mentor);
    let label = names.clone();
    let rule = move |rule: PairRule| {
        match rule {
            PairRule::Reject | PairRule::Ban => forget(state, pair),
            PairRule::Lock | PairRule::Unlock => state.proposals.update(|p| {
                if let Some(p) = p {
                    for g in p.proposals.iter_mut() {
                        if (g.mentor_id, g.mentee_id) == (pair.mentor_id, pair.mentee_id) {
                            g.locked = rule == PairRule::Lock;
                        }
                    }
                }
            }),
            PairRule::Unban => {}
        }
        state.rule.dispatch(SetPairRule { pair, rule });
    };
    let preview = PairPreview {
        mentor_id: ghost.mentor_id,
        mentor: ghost.mentor.clone(),
        mentee_id: ghost.mentee_id,
        mentee: ghost.mentee.clone(),
        score: Some(ghost.score.clone()),
        reasons: Vec::new(),
    };
    view! {
        <li class="ghost-pair" aria-label=label>
            <p class="suggestion-head">
                <span>{names}</span>
                <strong class="score">{t!(i18n, matching.score, total = ghost.score.total)}</strong>
                {locked.then(|| view! { <span class="badge">{t!(i18n, board.locked)}</span> })}
            </p>
            <details>
                <summary>{t!(i18n, board.why)}</summary>
                <Explanation preview lists />
            </details>
            <div class="pair-actions">
                <button type="button" class="button small" disabled=move || state.accept.pending().get()
                    on:click=move |_| { state.accept.dispatch(AcceptProposals { pairs: vec![pair] }); }>
                    {t!(i18n, board.accept)}
                </button>
                <button type="button" class="button small secondary" on:click=move |_| rule(PairRule::Reject)>{t!(i18n, board.reject)}</button>
                {if locked {
                    view! { <button type="button" class="button small secondary" on:click=move |_| rule(PairRule::Unlock)>{t!(i18n, board.unlock)}</button> }.into_any()
                } else {
                    view! { <button type="button" class="button small secondary" on:click=move |_| rule(PairRule::Lock)>{t!(i18n, board.lock)}</button> }.into_any()
                }}
                <button type="button" class="button small secondary" on:click=move |_| rule(PairRule::Ban)>{t!(i18n, board.ban)}</button>
            </div>
        </li>
    }
}

/// Duos proposed and not yet introduced (each can be undone), then the locks and bans.
#[component]
pub(super) fn OpenPairs(board: MatchingBoard, state: BoardState) -> impl IntoView {
    let i18n = use_i18n();
    let proposed = board.proposed.clone();
    let locks = board.locks.clone();
    let bans = board.bans.clone();
    view! {
        <section class="card" aria-labelledby="proposed-title">
            <h2 id="proposed-title">{t!(i18n, board.proposed_title)}</h2>
            {if proposed.is_empty() {
                view! { <p class="empty">{t!(i18n, board.no_proposed)}</p> }.into_any()
            } else {
                view! {
                    <ul class="pair-list">
                        {proposed.into_iter().map(|p| view! { <ProposedDuo pair=p state /> }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <RuleList
                title=Signal::derive(move || t_string!(i18n, board.locks_title).to_string())
                pairs=locks
                undo=PairRule::Unlock
                button=Signal::derive(move || t_string!(i18n, board.unlock).to_string())
                state
            />
            <RuleList
                title=Signal::derive(move || t_string!(i18n, board.bans_title).to_string())
                pairs=bans
                undo=PairRule::Unban
                button=Signal::derive(move || t_string!(i18n, board.unban).to_string())
                state
            />
        </section>
    }
}

/// The locked or banned pairs, each with the button that lifts the rule; nothing when none.
#[component]
fn RuleList(
    title: Signal<String>,
    pairs: Vec<PairView>,
    undo: PairRule,
    button: Signal<String>,
    state: BoardState,
) -> impl IntoView {
    (!pairs.is_empty()).then(|| {
        view! {
            <h3>{title}</h3>
            <ul class="pair-list">
                {pairs.into_iter().map(|p| {
                    let pair = PairIds { mentor_id: p.mentor_id, mentee_id: p.mentee_id };
                    view! {
                        <li>
                            {format!("{} + {}", p.mentee, p.mentor)} " "
                            <button type="button" class="button small secondary"
                                on:click=move |_| { state.rule.dispatch(SetPairRule { pair, rule: undo }); }>
                                {button}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
    })
}

#[component]
fn ProposedDuo(pair: PairView, state: BoardState) -> impl IntoView {
    let i18n = use_i18n();
    let names = format!("{} + {}", pair.mentee, pair.mentor);
    let question = names.clone();
    let duo_id = pair.duo_id;
    view! {
        <li>
            {names} " "
            <ConfirmButton
                label=Signal::derive(move || t_string!(i18n, board.undo).to_string())
                question=Signal::derive(move || t_string!(i18n, board.undo_confirm, pair = question.as_str()).to_string())
                pending=state.cancel.pending()
                class="button small secondary"
                on_confirm=Callback::new(move |()| {
                    if let Some(duo_id) = duo_id {
                        state.cancel.dispatch(CancelProposal { duo_id });
                    }
                })
            />
        </li>
    }
}

/// Who did what on the board, and when, newest first.
#[component]
pub(super) fn History(entries: Vec<HistoryEntry>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <details class="card history">
            <summary>{t!(i18n, board.history_title)}</summary>
            {if entries.is_empty() {
                view! { <p class="empty">{t!(i18n, board.no_history)}</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {entries.into_iter().map(|e| {
                            let when = local_time::display(e.at);
                            view! { <li>{move || history_line(i18n, &e, &when)}</li> }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </details>
    }
}

fn history_line(i18n: I18nContext<Locale>, entry: &HistoryEntry, when: &str) -> String {
    let action = match entry.action {
        BoardAction::Ran => {
            t_string!(i18n, board.did_run, count = entry.pairs.unwrap_or(0)).to_string()
        }
        BoardAction::Proposed => t_string!(i18n, board.did_propose).to_string(),
        BoardAction::Accepted => t_string!(i18n, board.did_accept).to_string(),
        BoardAction::Rejected => t_string!(i18n, board.did_reject).to_string(),
        BoardAction::Locked => t_string!(i18n, board.did_lock).to_string(),
        BoardAction::Unlocked => t_string!(i18n, board.did_unlock).to_string(),
        BoardAction::Banned => t_string!(i18n, board.did_ban).to_string(),
        BoardAction::Unbanned => t_string!(i18n, board.did_unban).to_string(),
        BoardAction::Cancelled => t_string!(i18n, board.did_cancel).to_string(),
    };
    let pair = match (&entry.mentee, &entry.mentor) {
        (Some(mentee), Some(mentor)) => format!(": {mentee} + {mentor}"),
        _ => String::new(),
    };
    let score = entry
        .score
        .map(|s| format!(" ({})", t_string!(i18n, matching.score, total = s)))
        .unwrap_or_default();
    let by = entry.by.clone().unwrap_or_default();
    format!("{when} · {by} · {action}{pair}{score}")
}
