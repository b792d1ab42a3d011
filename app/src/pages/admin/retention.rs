//! Data retention for admins: how long the platform keeps a person's data after their last
//! activity, who the retention job anonymises next, with the day it will, and which sign-ups it
//! deletes for want of a confirmed address.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::components::errors::ErrorNotice;
use crate::components::form::{BoundInput, action_error, success_version};
use crate::components::page_title::page_title;
use crate::domain::locale::Locale as DomainLocale;
#[cfg(test)]
use crate::domain::retention::MAX_RETENTION_MONTHS;
use crate::features::people::types::PersonKind;
use crate::features::privacy::api::{SaveRetentionMonths, get_retention};
use crate::features::privacy::types::{RetentionDue, RetentionPreview, SignUpDue};
use crate::features::reference::name_of;
use crate::i18n::*;
use crate::pages::coordinator::duos::day_text;

/// `MAX_RETENTION_MONTHS` as the field's `max`.
const MAX_MONTHS: &str = "120";

#[component]
pub fn RetentionPage() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveRetentionMonths>::new();
    let saved = success_version(save);
    let preview = Resource::new(move || saved.get(), |_| get_retention());
    view! {
        <Title text=page_title(move || t_string!(i18n, retention.title).to_string()) />
        <h1>{t!(i18n, retention.title)}</h1>
        <p>{t!(i18n, retention.intro)}</p>
        <Transition fallback=move || view! { <p role="status">{t!(i18n, app.loading)}</p> }>
            {move || preview.get().map(|result| match result {
                Ok(preview) => view! { <RetentionView preview save /> }.into_any(),
                Err(error) => view! { <ErrorNotice error /> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn RetentionView(
    preview: RetentionPreview,
    save: ServerAction<SaveRetentionMonths>,
) -> impl IntoView {
    let i18n = use_i18n();
    let months = RwSignal::new(preview.months.to_string());
    let error = action_error(save);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(SaveRetentionMonths {
            months: months.get(),
        });
    };
    let RetentionPreview {
        today,
        cities,
        overdue,
        next,
        more,
        sign_ups,
        ..
    } = preview;
    let sign_up_cities = cities.clone();
    view! {
        <form class="card" novalidate=true on:submit=on_submit>
            <BoundInput id="retention-months" field="retention_months" input_type="number" min="1"
                max=MAX_MONTHS
                label=Signal::derive(move || t_string!(i18n, retention.months).to_string()) value=months error />
            <p class="hint">{t!(i18n, retention.months_hint)}</p>
            <button type="submit" class="button" disabled=move || save.pending().get()>{t!(i18n, retention.save)}</button>
            {move || save.value().get().and_then(Result::ok).map(|_| view! {
                <p class="notice success" role="status">{t!(i18n, retention.saved)}</p>
            })}
        </form>
        <section aria-labelledby="retention-next">
            <h2 id="retention-next">{t!(i18n, retention.next_title)}</h2>
            {(overdue > 0).then(|| view! {
                <p class="notice warning">{t!(i18n, retention.overdue, count = overdue)}</p>
            })}
            {if next.is_empty() {
                view! {
                    <p>{t!(i18n, retention.nobody)}</p>
                    <p><A href="/admin/audit?action=retention">{t!(i18n, retention.past)}</A></p>
                }.into_any()
            } else {
                view! { <DueTable next today cities /> }.into_any()
            }}
            {(more > 0).then(|| view! { <p>{t!(i18n, retention.more, count = more)}</p> })}
        </section>
        <section aria-labelledby="retention-sign-ups">
            <h2 id="retention-sign-ups">{t!(i18n, retention.sign_ups_title)}</h2>
            <p>{t!(i18n, retention.sign_ups_intro)}</p>
            {if sign_ups.is_empty() {
                view! { <p>{t!(i18n, retention.no_sign_ups)}</p> }.into_any()
            } else {
                view! { <SignUpTable sign_ups cities=sign_up_cities /> }.into_any()
            }}
        </section>
    }
}

#[component]
fn DueTable(
    next: Vec<RetentionDue>,
    today: chrono::NaiveDate,
    cities: Vec<crate::features::reference::Named>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || DomainLocale::from(i18n.get_locale());
    view! {
        <div class="table-wrap">
            <table>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, retention.person)}</th>
                        <th scope="col">{t!(i18n, retention.city)}</th>
                        <th scope="col">{t!(i18n, retention.last_activity)}</th>
                        <th scope="col">{t!(i18n, retention.due_on)}</th>
                    </tr>
                </thead>
                <tbody>
                    {next.into_iter().map(|due| {
                        let href = format!("/coordinator/{}/{}", due.kind.as_str(), due.id);
                        let kind = due.kind;
                        let cities = cities.clone();
                        let city = move || name_of(&cities, due.city_id, locale());
                        let due_text = if due.due_on <= today {
                            view! { {t!(i18n, retention.next_run)} }.into_any()
                        } else {
                            view! { {day_text(due.due_on)} }.into_any()
                        };
                        view! {
                            <tr>
                                <td>
                                    <A href=href>{due.name}</A>
                                    " "
                                    <span class="hint">{move || match kind {
                                        PersonKind::Mentors => t_string!(i18n, audit.subject_mentor),
                                        PersonKind::Mentees => t_string!(i18n, audit.subject_mentee),
                                    }}</span>
                                </td>
                                <td>{city}</td>
                                <td>{day_text(due.last_activity)}</td>
                                <td>{due_text}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn SignUpTable(
    sign_ups: Vec<SignUpDue>,
    cities: Vec<crate::features::reference::Named>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || DomainLocale::from(i18n.get_locale());
    view! {
        <div class="table-wrap">
            <table>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, retention.person)}</th>
                        <th scope="col">{t!(i18n, retention.city)}</th>
                        <th scope="col">{t!(i18n, retention.applied_on)}</th>
                        <th scope="col">{t!(i18n, retention.removed_on)}</th>
                    </tr>
                </thead>
                <tbody>
                    {sign_ups.into_iter().map(|sign_up| {
                        let href = format!("/coordinator/mentors/{}", sign_up.id);
                        let cities = cities.clone();
                        let city = move || name_of(&cities, sign_up.city_id, locale());
                        view! {
                            <tr>
                                <td><A href=href>{sign_up.name}</A></td>
                                <td>{city}</td>
                                <td>{day_text(sign_up.applied_on)}</td>
                                <td>{day_text(sign_up.removed_on)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_field_allows_what_the_server_does() {
        assert_eq!(super::MAX_MONTHS, super::MAX_RETENTION_MONTHS.to_string());
    }
}
