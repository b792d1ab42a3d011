//! The suggestions card of a person's page: the best candidates for a duo with their score,
//! each criterion's points in words, and a confirmed "propose this duo".

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::errors::ErrorNotice;
use crate::components::labels::level_label;
use crate::domain::locale::Locale as DomainLocale;
use crate::domain::matching::score::{Criterion, Detail, Must, Part, Reason};
use crate::features::duos::api::ProposeDuo;
use crate::features::matching::api::suggest_matches;
use crate::features::matching::types::{Suggestion, Suggestions};
use crate::features::people::types::PersonKind;
use crate::features::reference::{Named, name_of};
use crate::i18n::*;
use leptos_i18n::I18nContext;

#[component]
pub fn SuggestionsCard(kind: PersonKind, id: i32) -> impl IntoView {
    let i18n = use_i18n();
    let propose = ServerAction::<ProposeDuo>::new();
    let suggestions = Resource::new(
        move || propose.version().get(),
        move |_| suggest_matches(kind, id),
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
            <p class="empty">{move || reasons.iter().map(|r| reason_text(i18n, r)).collect::<Vec<_>>().join(" ")}</p>
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
                                <span class="hint">{move || reasons.iter().map(|r| reason_text(i18n, r)).collect::<Vec<_>>().join(" ")}</span>
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
    let confirming = RwSignal::new(false);
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
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button type="button" class="button small" on:click=move |_| confirming.set(true)>
                        {t!(i18n, matching.propose)}
                    </button>
                }
            >
                <div role="alertdialog" class="confirm" aria-label=move || t_string!(i18n, matching.propose).to_string()>
                    <p>{
                        let name = confirm_name.clone();
                        move || t_string!(i18n, matching.confirm, name = name.as_str(), total = total).to_string()
                    }</p>
                    <button type="button" class="button small" disabled=move || propose.pending().get()
                        on:click=move |_| { confirming.set(false); propose.dispatch(ProposeDuo { mentor_id, mentee_id }); }>
                        {t!(i18n, app.yes)}
                    </button>
                    " "
                    <button type="button" class="button small secondary" on:click=move |_| confirming.set(false)>{t!(i18n, app.cancel)}</button>
                </div>
            </Show>
        </li>
    }
}

fn criterion_name(i18n: I18nContext<Locale>, criterion: Criterion) -> &'static str {
    match criterion {
        Criterion::Sector => t_string!(i18n, matching.sector),
        Criterion::Availability => t_string!(i18n, matching.availability),
        Criterion::Distance => t_string!(i18n, matching.distance),
        Criterion::Language => t_string!(i18n, matching.language),
        Criterion::Waiting => t_string!(i18n, matching.waiting),
        Criterion::Experience => t_string!(i18n, matching.experience),
        Criterion::Intake => t_string!(i18n, matching.intake),
    }
}

/// "Sector, 27 of 30 points: same sector, healthcare (30 years)".
fn part_text(
    i18n: I18nContext<Locale>,
    part: &Part,
    lists: StoredValue<(Vec<Named>, Vec<Named>)>,
) -> String {
    let locale = DomainLocale::from(i18n.get_locale());
    let sector = |id: i32| lists.with_value(|(sectors, _)| name_of(sectors, id, locale));
    let language = |id: i32| lists.with_value(|(_, languages)| name_of(languages, id, locale));
    let fact = match part.detail {
        Detail::SameSector { sector_id, years } => t_string!(
            i18n,
            matching.same_sector,
            sector = sector(sector_id),
            years = years
        )
        .to_string(),
        Detail::RelatedSector {
            mentor_sector_id,
            mentee_sector_id,
            ..
        } => t_string!(
            i18n,
            matching.related_sector,
            mentor = sector(mentor_sector_id),
            mentee = sector(mentee_sector_id)
        )
        .to_string(),
        Detail::NoSector => t_string!(i18n, matching.no_sector).to_string(),
        Detail::SharedSlots { shared, offered } => t_string!(
            i18n,
            matching.shared_slots,
            shared = shared,
            offered = offered
        )
        .to_string(),
        Detail::DistanceKm { km } => t_string!(i18n, matching.km, km = km).to_string(),
        Detail::DistanceUnknown => t_string!(i18n, matching.km_unknown).to_string(),
        Detail::Language { language_id, level } => t_string!(
            i18n,
            matching.both_speak,
            language = language(language_id),
            level = level_label(i18n, level)
        )
        .to_string(),
        Detail::NoSharedLanguage => t_string!(i18n, matching.reason_language).to_string(),
        Detail::Waiting { days } => t_string!(i18n, matching.waiting_days, days = days).to_string(),
        Detail::CompletedDuos { count } => {
            t_string!(i18n, matching.duos_done, count = count).to_string()
        }
        Detail::Intake { average_tenths } => {
            let average = format!("{}.{}", average_tenths / 10, average_tenths % 10);
            t_string!(i18n, matching.intake_average, average = average).to_string()
        }
        Detail::IntakeUnknown => t_string!(i18n, matching.intake_unknown).to_string(),
    };
    t_string!(
        i18n,
        matching.part,
        criterion = criterion_name(i18n, part.criterion),
        points = part.points,
        max = part.max_points,
        fact = fact
    )
    .to_string()
}

fn reason_text(i18n: I18nContext<Locale>, reason: &Reason) -> String {
    match reason {
        Reason::OtherCity { .. } => t_string!(i18n, matching.reason_city).to_string(),
        Reason::MentorUnavailable => t_string!(i18n, matching.reason_mentor).to_string(),
        Reason::MenteeNotWaiting => t_string!(i18n, matching.reason_mentee).to_string(),
        Reason::NoWorkingLanguage => t_string!(i18n, matching.reason_language).to_string(),
        Reason::Must(Must::SameSector) => t_string!(i18n, matching.must_sector).to_string(),
        Reason::Must(Must::SharedSlot) => t_string!(i18n, matching.must_slot).to_string(),
        Reason::Must(Must::WithinKm(km)) => t_string!(i18n, matching.must_km, km = *km).to_string(),
        Reason::Banned => t_string!(i18n, matching.reason_banned).to_string(),
    }
}
