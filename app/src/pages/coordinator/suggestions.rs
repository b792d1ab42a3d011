//! The suggestions card of a person's page: the best candidates for a duo with their score,
//! each criterion's points in words, and a confirmed "propose this duo".

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::confirm::ConfirmButton;
use crate::components::errors::ErrorNotice;
use crate::components::match_explain::{part_text, reasons_text};
use crate::error::AppError;
use crate::features::duos::api::ProposeDuo;
use crate::features::duos::types::ProposedDuo;
use crate::features::matching::api::suggest_matches;
use crate::features::matching::types::{BoardQuery, Suggestion, Suggestions};
use crate::features::people::types::PersonKind;
use crate::features::reference::Named;
use crate::i18n::*;

/// `on_result` gets the answer to each proposal made here, whether it went through or not, so a
/// page showing the pool can refresh it and say what happened.
#[component]
pub fn SuggestionsCard(
    kind: PersonKind,
    id: i32,
    #[prop(optional)] on_result: Option<Callback<Result<ProposedDuo, AppError>>>,
    /// The matching board's filters, to rank only the candidates it shows.
    #[prop(optional)]
    within: BoardQuery,
    /// Changes when something the ranking depends on was saved elsewhere on the page.
    #[prop(optional, into)]
    refresh: Option<Signal<usize>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let propose = ServerAction::<ProposeDuo>::new();
    Effect::new(move |_| {
        if let (Some(result), Some(callback)) = (propose.value().get(), on_result) {
            callback.run(result);
        }
    });
    let suggestions = Resource::new(
        move || (propose.version().get(), refresh.map(|r| r.get())),
        move |_| suggest_matches(kind, id, within.clone()),
    );
    view! {
        <section class="card suggestions" aria-labelledby="suggestions-title">
            <h2 id="suggestions-title">
                {move || match kind {
                    PersonKind::Mentees => t_string!(i18n, matching.mentors_title),
                    PersonKind::Mentors => t_string!(i18n, matching.mentees_title),
                }}
            </h2>
            <Show when=move || matches!(propose.value().get(), Some(Ok(_)))>
                <p class="notice success" role="status">{t!(i18n, matching.proposed)}</p>
            </Show>
            {move || propose.value().get().and_then(Result::err).map(|e| view! { <ErrorNotice error=e /> })}
            <Transition fallback=move || view! { <p role="status">{t!(i18n, app.loading)}</p> }>
                {move || suggestions.get().map(|result| match result {
                    Ok(list) => view! { <SuggestionList list kind id propose /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                })}
            </Transition>
        </section>
    }
}

#[component]
fn SuggestionList(
    list: Suggestions,
    kind: PersonKind,
    id: i32,
    propose: ServerAction<ProposeDuo>,
) -> impl IntoView {
    let i18n = use_i18n();
    if !list.own_reasons.is_empty() {
        let reasons = list.own_reasons.clone();
        return view! {
            <p class="empty">{move || reasons_text(i18n, &reasons)}</p>
        }
        .into_any();
    }
    let lists = StoredValue::new((list.sectors.clone(), list.languages.clone()));
    let link = match list.candidates {
        PersonKind::Mentors => "mentors",
        PersonKind::Mentees => "mentees",
    };
    let none = list.allowed.is_empty();
    let forbidden_count = list.forbidden_count;
    let forbidden = list.forbidden.clone();
    view! {
        {if none {
            view! { <p class="empty">{t!(i18n, matching.none)}</p> }.into_any()
        } else {
            view! {
                <ol class="suggestion-list">
                    {list.allowed.into_iter().map(|s| view! {
                        <SuggestionItem suggestion=s kind id link lists propose />
                    }).collect_view()}
                </ol>
            }.into_any()
        }}
        {(forbidden_count > 0).then(|| view! {
            <details>
                <summary>{t!(i18n, matching.ruled_out, count = forbidden_count)}</summary>
                <ul>
                    {forbidden.into_iter().map(|f| {
                        let reasons = f.reasons.clone();
                        view! {
                            <li>
                                <A href=format!("/coordinator/{link}/{}", f.id)>{f.name.clone()}</A>
                                <span class="hint">{move || reasons_text(i18n, &reasons)}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </details>
        })}
    }
    .into_any()
}

#[component]
fn SuggestionItem(
    suggestion: Suggestion,
    kind: PersonKind,
    id: i32,
    link: &'static str,
    lists: StoredValue<(Vec<Named>, Vec<Named>)>,
    propose: ServerAction<ProposeDuo>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (mentor_id, mentee_id) = match kind {
        PersonKind::Mentees => (suggestion.id, id),
        PersonKind::Mentors => (id, suggestion.id),
    };
    let name = suggestion.name.clone();
    let confirm_name = name.clone();
    let total = suggestion.score.total;
    let parts = suggestion.score.parts.clone();
    view! {
        <li class="suggestion">
            <p class="suggestion-head">
                <A href=format!("/coordinator/{link}/{}", suggestion.id)>{name.clone()}</A>
                <strong class="score">{t!(i18n, matching.score, total = total)}</strong>
            </p>
            <ul class="explain">
                {parts.into_iter().filter(|p| p.weight > 0).map(|part| {
                    view! { <li>{move || part_text(i18n, &part, lists)}</li> }
                }).collect_view()}
            </ul>
            <ConfirmButton
                label=Signal::derive(move || t_string!(i18n, matching.propose).to_string())
                question=Signal::derive(move || t_string!(i18n, matching.confirm, name = confirm_name.as_str(), total = total).to_string())
                pending=propose.pending()
                on_confirm=Callback::new(move |()| { propose.dispatch(ProposeDuo { mentor_id, mentee_id }); })
            />
        </li>
    }
}
