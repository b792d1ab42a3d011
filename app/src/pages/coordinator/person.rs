use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::musts::MustsCard;
use super::screening::{ScreeningActions, ScreeningCard};
use super::suggestions::SuggestionsCard;
use crate::components::confirm::ConfirmButton;
use crate::components::consents::ConsentList;
use crate::components::errors::ErrorNotice;
use crate::components::form::{action_error, success_version};
use crate::components::labels::{
    day_part_label, level_label, mentee_status_label, mentor_status_label, reason_label,
    weekday_label,
};
use crate::domain::availability::Weekday;
use crate::domain::local_time::to_local;
use crate::domain::locale::Locale as DomainLocale;
use crate::error::AppError;
use crate::features::matching::api::SaveMenteeMusts;
use crate::features::people::api::get_person;
use crate::features::people::types::{PersonDetail, PersonKind, PersonStatus};
use crate::features::privacy::api::{ErasePerson, WithdrawConsent};
use crate::features::privacy::types::{ExportFormat, export_href};
use crate::i18n::*;
use crate::pages::coordinator::duos::day_text;

/// A mentor's or mentee's record, with who changed their status and when.
#[component]
pub fn PersonPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let key = move || {
        let p = params.read();
        let kind = p.get("kind").and_then(|k| PersonKind::parse(&k));
        let id = p.get("id").and_then(|id| id.parse::<i32>().ok());
        kind.zip(id)
    };
    let actions = ScreeningActions::default();
    let withdraw = ServerAction::<WithdrawConsent>::new();
    let withdrawn = success_version(withdraw);
    let erase = ServerAction::<ErasePerson>::new();
    let erased = success_version(erase);
    // The erase button was at the bottom; what became of the person is said at the top.
    Effect::new(move |_| {
        if erased.get() > 0 {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    let person = Resource::new(
        move || (key(), actions.saved(), withdrawn.get(), erased.get()),
        |(key, ..)| async move {
            match key {
                Some((kind, id)) => get_person(kind, id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <p>
            <A href="/coordinator">{t!(i18n, person.back)}</A>
        </p>
        <Transition fallback=move || view! { <p role="status">{t!(i18n, app.loading)}</p> }>
            {move || {
                person.get().map(|result| match result {
                    Ok(person) => view! { <PersonView person actions withdraw erase /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                })
            }}
        </Transition>
    }
}

#[component]
fn PersonView(
    person: PersonDetail,
    actions: ScreeningActions,
    withdraw: ServerAction<WithdrawConsent>,
    erase: ServerAction<ErasePerson>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || DomainLocale::from(i18n.get_locale());
    let status_text = move |status: PersonStatus| match status {
        PersonStatus::Mentor(s) => mentor_status_label(i18n, s),
        PersonStatus::Mentee(s) => mentee_status_label(i18n, s),
    };
    let name = format!("{} {}", person.first_name, person.last_name);
    let status = person.status;
    let is_mentor = person.kind == PersonKind::Mentors;
    // Suggestions are for people the engine can match: available mentors, waiting mentees.
    let matchable = match person.status {
        PersonStatus::Mentor(s) => s.is_matchable(),
        PersonStatus::Mentee(s) => s.is_matchable(),
    };
    let save_musts = ServerAction::<SaveMenteeMusts>::new();
    let sectors = person.sectors.clone();
    let languages = person.languages.clone();
    let slots = person.availability;
    let city = person.city.clone();
    let history = person.history.clone();
    let no_history = history.is_empty();
    view! {
        <Title text=name.clone() />
        <h1>{name.clone()} " " <span class="badge">{move || status_text(status)}</span></h1>
        {person.anonymised_at.map(|at| {
            let day = day_text(to_local(at).date());
            view! {
                <p class="notice refusal" role="status">
                    {move || t_string!(i18n, person.anonymised_on, date = day.as_str()).to_string()}
                </p>
            }
        })}
        <div class="cards">
            <section class="card">
                <h2>{t!(i18n, person.contact)}</h2>
                <dl>
                    <dt>{t!(i18n, person.email)}</dt>
                    <dd>{person.email.clone().unwrap_or_default()}</dd>
                    <dt>{t!(i18n, person.phone)}</dt>
                    <dd>{person.phone.clone().unwrap_or_default()}</dd>
                    <dt>{t!(i18n, person.birth_year)}</dt>
                    <dd>{person.birth_year}</dd>
                    <dt>{t!(i18n, person.postcode)}</dt>
                    <dd>{person.postcode}</dd>
                    <dt>{t!(i18n, person.city)}</dt>
                    <dd>{move || city.name(locale()).to_owned()}</dd>
                    {person.goal.clone().map(|goal| view! {
                        <dt>{t!(i18n, person.goal)}</dt>
                        <dd>{goal}</dd>
                    })}
                    {person.migrant_background.map(|yes| view! {
                        <dt>{t!(i18n, person.migrant_background)}</dt>
                        <dd>{move || if yes { t_string!(i18n, app.yes) } else { t_string!(i18n, app.no) }}
                            " " <span class="hint">{t!(i18n, person.special_category)}</span></dd>
                    })}
                </dl>
            </section>
            <section class="card">
                <h2>
                    {move || if is_mentor {
                        t_string!(i18n, person.sectors)
                    } else {
                        t_string!(i18n, person.goal_sectors)
                    }}
                </h2>
                <ul>
                    {sectors.into_iter().map(|s| view! {
                        <li>
                            {move || s.sector.name(locale()).to_owned()}
                            {s.years.map(|years| view! { " (" {t!(i18n, person.years, years = years)} ")" })}
                        </li>
                    }).collect_view()}
                </ul>
                <h2>{t!(i18n, person.languages)}</h2>
                <ul>
                    {languages.into_iter().map(|l| view! {
                        <li>{move || format!("{} — {}", l.language.name(locale()), level_label(i18n, l.level))}</li>
                    }).collect_view()}
                </ul>
                <h2>{t!(i18n, person.availability)}</h2>
                <ul>
                    {Weekday::ALL.iter().filter_map(|day| {
                        let parts: Vec<_> = slots.iter().filter(|s| s.weekday == *day).map(|s| s.part).collect();
                        (!parts.is_empty()).then(|| view! {
                            <li>{move || format!("{}: {}", weekday_label(i18n, *day),
                                parts.iter().map(|p| day_part_label(i18n, *p)).collect::<Vec<_>>().join(", "))}</li>
                        })
                    }).collect_view()}
                </ul>
            </section>
        </div>
        <section class="card" aria-labelledby="person-consents">
            <h2 id="person-consents">{t!(i18n, consent.title)}</h2>
            <ConsentList consents=person.consents.clone() may_withdraw=person.may_act_on_data withdraw />
        </section>
        {person.may_act_on_data.then(|| view! { <DataCard kind=person.kind id=person.id /> })}
        {(person.may_erase && person.anonymised_at.is_none())
            .then(|| view! { <EraseCard kind=person.kind id=person.id name erase /> })}
        <ScreeningCard kind=person.kind id=person.id actions />
        {(person.kind == PersonKind::Mentees && person.anonymised_at.is_none())
            .then(|| view! { <MustsCard mentee_id=person.id save=save_musts /> })}
        {matchable.then(|| {
            let refresh = success_version(save_musts);
            view! { <SuggestionsCard kind=person.kind id=person.id refresh /> }
        })}
        <h2>{t!(i18n, person.history)}</h2>
        <Show when=move || !no_history fallback=move || view! { <p>{t!(i18n, person.no_history)}</p> }>
            <div class="table-wrap">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, person.when)}</th>
                            <th scope="col">{t!(i18n, person.from)}</th>
                            <th scope="col">{t!(i18n, person.to)}</th>
                            <th scope="col">{t!(i18n, person.reason)}</th>
                            <th scope="col">{t!(i18n, person.by)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {history.clone().into_iter().map(|change| view! {
                            <tr>
                                <td>{change.at.format("%Y-%m-%d %H:%M").to_string()}</td>
                                <td>{move || change.from.map(status_text).unwrap_or("—")}</td>
                                <td>{move || status_text(change.to)}</td>
                                <td>{move || change.reason.as_deref().map(|r| reason_label(i18n, r)).unwrap_or_default()}</td>
                                <td>{change.by.clone().unwrap_or_default()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </Show>
    }
}

/// Everything about the person as a download, for those who may export it.
#[component]
fn DataCard(kind: PersonKind, id: i32) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="person-data">
            <h2 id="person-data">{t!(i18n, person.data_title)}</h2>
            <p>{t!(i18n, person.data_intro)}</p>
            <ul class="downloads">
                <li>
                    <a href=export_href(kind, id, ExportFormat::Json) download="" rel="external">
                        {t!(i18n, person.export_json)}
                    </a>
                </li>
                <li>
                    <a href=export_href(kind, id, ExportFormat::Csv) download="" rel="external">
                        {t!(i18n, person.export_csv)}
                    </a>
                </li>
            </ul>
        </section>
    }
}

/// Erasure on request (GDPR Art. 17), for admins: what it does, then one press and its
/// confirmation. The page reloads the person, now anonymous, once it is done.
#[component]
fn EraseCard(
    kind: PersonKind,
    id: i32,
    name: String,
    erase: ServerAction<ErasePerson>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(erase);
    view! {
        <section class="card" aria-labelledby="person-erase">
            <h2 id="person-erase">{t!(i18n, person.erase_title)}</h2>
            <p>{t!(i18n, person.erase_intro)}</p>
            {move || error.get().map(|error| view! { <ErrorNotice error /> })}
            <ConfirmButton
                label=Signal::derive(move || t_string!(i18n, person.erase).to_string())
                question=Signal::derive(move || t_string!(i18n, person.erase_confirm, name = name.as_str()).to_string())
                pending=erase.pending()
                class="button danger"
                on_confirm=Callback::new(move |()| {
                    erase.dispatch(ErasePerson { kind, id });
                })
            />
        </section>
    }
}
