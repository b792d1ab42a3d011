//! The coordinator's duos: each with its status, its dates and its last meeting.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::components::errors::ErrorNotice;
use crate::components::labels::{alert_text, duo_status_label};
use crate::components::page_title::page_title;
use crate::domain::monitoring::Alert;
use crate::features::duos::api::list_duos;
use crate::features::duos::types::DuoRow;
use crate::i18n::*;

/// A duo's alerts, one per line.
#[component]
pub fn AlertList(alerts: Vec<Alert>) -> impl IntoView {
    let i18n = use_i18n();
    (!alerts.is_empty()).then(|| view! {
        <ul class="alerts">
            {alerts.into_iter().map(|alert| view! { <li>{move || alert_text(i18n, &alert)}</li> }).collect_view()}
        </ul>
    })
}

/// A date as the programme writes it, 05/03/2026.
pub fn day_text(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

#[component]
pub fn DuosPage() -> impl IntoView {
    let i18n = use_i18n();
    let duos = Resource::new(|| (), |_| list_duos());
    view! {
        <Title text=page_title(move || t_string!(i18n, duos.title).to_string()) />
        <h1>{t!(i18n, duos.title)}</h1>
        <p class="lead">{t!(i18n, duos.lead)}</p>
        <Transition fallback=move || view! { <p role="status">{t!(i18n, app.loading)}</p> }>
            {move || {
                duos.get().map(|result| match result {
                    Ok(rows) if rows.is_empty() => view! {
                        <div class="card empty">
                            <p>{t!(i18n, duos.empty)}</p>
                            <A href="/coordinator/matching" attr:class="button">{t!(i18n, duos.to_board)}</A>
                        </div>
                    }.into_any(),
                    Ok(rows) => view! { <DuoTable rows /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                })
            }}
        </Transition>
    }
}

#[component]
fn DuoTable(rows: Vec<DuoRow>) -> impl IntoView {
    let i18n = use_i18n();
    let date = |d: Option<NaiveDate>| d.map(day_text).unwrap_or_default();
    view! {
        <div class="table-wrap">
            <table>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, duos.col_duo)}</th>
                        <th scope="col">{t!(i18n, duos.col_status)}</th>
                        <th scope="col">{t!(i18n, duos.col_started)}</th>
                        <th scope="col">{t!(i18n, duos.col_end)}</th>
                        <th scope="col">{t!(i18n, duos.col_last_meeting)}</th>
                        <th scope="col">{t!(i18n, duos.col_attention)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|row| {
                        let pair = move || t_string!(i18n, duos.pair, mentor = row.mentor_name.as_str(), mentee = row.mentee_name.as_str()).to_string();
                        let status = row.status;
                        view! {
                            <tr>
                                <td><A href=format!("/coordinator/duos/{}", row.id)>{pair}</A></td>
                                <td>{move || duo_status_label(i18n, status)}</td>
                                <td>{date(row.started_on)}</td>
                                <td>{date(row.planned_end_on)}</td>
                                <td>{match row.last_meeting {
                                    Some(d) => day_text(d).into_any(),
                                    None if row.started_on.is_some() => view! { <span class="muted">{t!(i18n, duos.none_yet)}</span> }.into_any(),
                                    None => ().into_any(),
                                }}</td>
                                <td><AlertList alerts=row.alerts.clone() /></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
