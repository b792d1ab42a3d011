//! The audit log for admins: who read or changed whose data, when and from where, searched by
//! subject, person acting, action and day. The search lives in the address, so it works without
//! JavaScript and can be kept as a link.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{A, Form};
use leptos_router::hooks::use_query_map;

use crate::components::errors::{ErrorNotice, FieldErrors};
use crate::components::form::TextField;
use crate::components::page_title::page_title;
use crate::domain::local_time::display;
use crate::error::AppError;
use crate::features::privacy::api::search_audit;
use crate::features::privacy::types::{AUDIT_SUBJECTS, AuditEntry, AuditPage, AuditQuery};
use crate::i18n::*;
use leptos_i18n::I18nContext;

const PATH: &str = "/admin/audit";

fn subject_label(i18n: I18nContext<Locale>, subject: &str) -> String {
    match subject {
        "mentor" => t_string!(i18n, audit.subject_mentor).to_string(),
        "mentee" => t_string!(i18n, audit.subject_mentee).to_string(),
        "duo" => t_string!(i18n, audit.subject_duo).to_string(),
        "user" => t_string!(i18n, audit.subject_user).to_string(),
        other => other.to_owned(),
    }
}

/// `value` as it may stand in an address's query: every byte but letters, digits and `-._~`
/// percent-encoded.
fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The address of `query`, with `before` set to show the next, older page.
fn href(query: &AuditQuery, before: Option<i32>) -> String {
    let mut parts: Vec<(&str, String)> = Vec::new();
    let mut push = |key, value: &Option<String>| {
        if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
            parts.push((key, v.to_owned()));
        }
    };
    push("subject", &query.subject);
    push("subject_id", &query.subject_id.map(|id| id.to_string()));
    push("actor", &query.actor);
    push("action", &query.action);
    push("from", &query.from);
    push("to", &query.to);
    push("before", &before.map(|id| id.to_string()));
    let encoded: Vec<String> = parts
        .into_iter()
        .map(|(k, v)| format!("{k}={}", encode(&v)))
        .collect();
    format!("{PATH}?{}", encoded.join("&"))
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let p = params.read();
        let text = |key: &str| p.get(key).filter(|v| !v.is_empty());
        AuditQuery {
            subject: text("subject"),
            subject_id: text("subject_id").and_then(|v| v.trim().parse().ok()),
            actor: text("actor"),
            action: text("action"),
            from: text("from"),
            to: text("to"),
            before: text("before").and_then(|v| v.parse().ok()),
        }
    });
    let page = Resource::new(move || query.get(), search_audit);
    let error = Signal::derive(move || page.get().and_then(|r| r.err()));
    // The actions of the last answer, so a refused search can be corrected in the same form.
    let actions = RwSignal::new(Vec::<String>::new());
    view! {
        <Title text=page_title(move || t_string!(i18n, audit.title).to_string()) />
        <h1>{t!(i18n, audit.title)}</h1>
        <p class="lead">{t!(i18n, audit.lead)}</p>
        <Transition fallback=move || view! { <p role="status">{t!(i18n, app.loading)}</p> }>
            {move || {
                page.get().map(|result| match result {
                    Ok(found) => {
                        actions.set(found.actions.clone());
                        view! {
                            <SearchForm query=query.get() actions=found.actions.clone() error />
                            <Entries found query=query.get() />
                        }.into_any()
                    }
                    Err(AppError::Validation(_)) => view! {
                        <SearchForm query=query.get() actions=actions.get_untracked() error />
                    }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                })
            }}
        </Transition>
    }
}

#[component]
fn SearchForm(
    query: AuditQuery,
    actions: Vec<String>,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let chosen_subject = query.subject.clone().unwrap_or_default();
    let chosen_action = query.action.clone().unwrap_or_default();
    view! {
        <Form method="GET" action="" attr:class="filters" attr:aria-label=move || t_string!(i18n, audit.search)>
            <div class="field">
                <label for="audit-subject">{t!(i18n, audit.subject)}</label>
                <select id="audit-subject" name="subject" aria-describedby="audit-subject-error">
                    <option value="">{t!(i18n, audit.any)}</option>
                    {AUDIT_SUBJECTS.into_iter().map(|s| view! {
                        <option value=s selected=chosen_subject == s>{move || subject_label(i18n, s)}</option>
                    }).collect_view()}
                </select>
                <FieldErrors id="audit-subject-error".to_owned() error field="subject" />
            </div>
            <TextField name="subject_id" input_type="number" value=query.subject_id.map(|id| id.to_string()).unwrap_or_default()
                label=move || t_string!(i18n, audit.subject_id).to_owned() error />
            <TextField name="actor" value=query.actor.clone().unwrap_or_default()
                label=move || t_string!(i18n, audit.actor).to_owned() error />
            <div class="field">
                <label for="audit-action">{t!(i18n, audit.action)}</label>
                <select id="audit-action" name="action">
                    <option value="">{t!(i18n, audit.any)}</option>
                    {actions.into_iter().map(|a| {
                        let selected = chosen_action == a;
                        view! { <option value=a.clone() selected=selected>{a.clone()}</option> }
                    }).collect_view()}
                </select>
            </div>
            <TextField name="from" input_type="date" value=query.from.clone().unwrap_or_default()
                label=move || t_string!(i18n, audit.from).to_owned() error />
            <TextField name="to" input_type="date" value=query.to.clone().unwrap_or_default()
                label=move || t_string!(i18n, audit.to).to_owned() error />
            <div class="filter-actions">
                <button type="submit" class="button">{t!(i18n, audit.search)}</button>
                <A href=PATH>{t!(i18n, audit.clear)}</A>
            </div>
        </Form>
    }
}

#[component]
fn Entries(found: AuditPage, query: AuditQuery) -> impl IntoView {
    let i18n = use_i18n();
    if found.entries.is_empty() {
        return view! {
            <p class="empty">{t!(i18n, audit.empty)} " " <A href=PATH>{t!(i18n, audit.clear)}</A></p>
        }
        .into_any();
    }
    let older = found
        .more
        .then(|| found.entries.last().map(|e| href(&query, Some(e.id))))
        .flatten();
    view! {
        <div class="table-wrap">
            <table>
                <caption>{t!(i18n, audit.caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, audit.when)}</th>
                        <th scope="col">{t!(i18n, audit.who)}</th>
                        <th scope="col">{t!(i18n, audit.action)}</th>
                        <th scope="col">{t!(i18n, audit.subject)}</th>
                        <th scope="col">{t!(i18n, audit.address)}</th>
                    </tr>
                </thead>
                <tbody>
                    {found.entries.into_iter().map(|entry| view! { <EntryRow entry /> }).collect_view()}
                </tbody>
            </table>
        </div>
        {older.map(|href| view! { <p><A href=href>{t!(i18n, audit.older)}</A></p> })}
    }
    .into_any()
}

#[component]
fn EntryRow(entry: AuditEntry) -> impl IntoView {
    let i18n = use_i18n();
    let subject = entry.subject.clone();
    let person = match (entry.subject.as_str(), entry.subject_id) {
        ("mentor", Some(id)) => Some(format!("/coordinator/mentors/{id}")),
        ("mentee", Some(id)) => Some(format!("/coordinator/mentees/{id}")),
        ("duo", Some(id)) => Some(format!("/coordinator/duos/{id}")),
        _ => None,
    };
    let id_text = entry
        .subject_id
        .map(|id| format!(" {id}"))
        .unwrap_or_default();
    let subject_text = move || format!("{}{id_text}", subject_label(i18n, &subject));
    view! {
        <tr>
            <td>{display(entry.at)}</td>
            <td>{entry.actor.clone().unwrap_or_else(|| t_string!(i18n, audit.system).to_string())}</td>
            <td>{entry.action.clone()}</td>
            <td>
                {match person {
                    Some(href) => view! { <A href=href>{subject_text}</A> }.into_any(),
                    None => view! { <span>{subject_text}</span> }.into_any(),
                }}
            </td>
            <td>{entry.from_address.clone().unwrap_or_default()}</td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_page_keeps_the_search() {
        let query = AuditQuery {
            subject: Some("mentee".into()),
            subject_id: Some(12),
            actor: Some("nadia+1@e.be".into()),
            action: Some(String::new()),
            from: Some("2026-01-01".into()),
            to: None,
            before: Some(90),
        };
        assert_eq!(
            href(&query, Some(40)),
            "/admin/audit?subject=mentee&subject_id=12&actor=nadia%2B1%40e.be&from=2026-01-01&before=40"
        );
        assert_eq!(encode("é &"), "%C3%A9%20%26");
    }
}
