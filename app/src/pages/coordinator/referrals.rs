//! Referral links for partner organisations: make one, see what came through each, revoke it,
//! and the young people partners registered who are still to be seen.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::components::city_choice::CityChoice;
use crate::components::errors::{ErrorNotice, FormError};
use crate::components::form::{BoundInput, action_error};
use crate::components::page_title::page_title;
use crate::domain::locale::Locale as DomainLocale;
use crate::features::reference::{Named, name_of};
use crate::features::registration::api::{
    CreateReferralLink, RevokeReferralLink, list_referral_links,
};
use crate::features::registration::types::{NewReferralLink, ReferralLinkRow, ReferralLinks};
use crate::i18n::*;

#[component]
pub fn ReferralsPage() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateReferralLink>::new();
    let revoke = ServerAction::<RevokeReferralLink>::new();
    let links = Resource::new(
        move || (create.version().get(), revoke.version().get()),
        |_| list_referral_links(),
    );
    let cities = Signal::derive(move || {
        links
            .get()
            .and_then(Result::ok)
            .map(|l| l.cities)
            .unwrap_or_default()
    });
    view! {
        <Title text=page_title(move || t_string!(i18n, referral.title).to_string()) />
        <h1>{t!(i18n, referral.title)}</h1>
        <p>{t!(i18n, referral.lead)}</p>
        <Transition fallback=move || view! { <p role="status">{t!(i18n, app.loading)}</p> }>
            {move || links.get().map(|result| match result {
                Ok(links) => view! { <LinksView links revoke /> }.into_any(),
                Err(error) => view! { <ErrorNotice error /> }.into_any(),
            })}
        </Transition>
        <NewLinkForm create cities />
    }
}

#[component]
fn LinksView(links: ReferralLinks, revoke: ServerAction<RevokeReferralLink>) -> impl IntoView {
    let i18n = use_i18n();
    let cities = links.cities.clone();
    let no_links = links.links.is_empty();
    let to_review = links.to_review.clone();
    let nobody = to_review.is_empty();
    view! {
        <h2>{t!(i18n, referral.to_review)}</h2>
        {if nobody {
            view! { <p class="empty">{t!(i18n, referral.nobody)}</p> }.into_any()
        } else {
            view! {
                <ul>
                    {to_review.into_iter().map(|m| {
                        let date = m.registered_at.format("%d/%m/%Y").to_string();
                        view! {
                            <li>
                                <A href=format!("/coordinator/mentees/{}", m.mentee_id)>{m.name.clone()}</A>
                                <span class="hint">{t!(i18n, referral.by_partner, partner = m.partner_name.clone(), date = date.clone())}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <h2>{t!(i18n, referral.links)}</h2>
        {move || revoke.value().get().and_then(Result::err).map(|e| view! { <ErrorNotice error=e /> })}
        {if no_links {
            view! { <p class="empty">{t!(i18n, referral.no_links)}</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, referral.partner)}</th>
                                <th scope="col">{t!(i18n, referral.city)}</th>
                                <th scope="col">{t!(i18n, referral.valid_until)}</th>
                                <th scope="col">{t!(i18n, referral.registered)}</th>
                                <th scope="col">{t!(i18n, referral.state)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {links.links.clone().into_iter().map(|link| view! {
                                <LinkRow link cities=cities.clone() revoke />
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
    }
}

#[component]
fn LinkRow(
    link: ReferralLinkRow,
    cities: Vec<Named>,
    revoke: ServerAction<RevokeReferralLink>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || DomainLocale::from(i18n.get_locale());
    let confirming = RwSignal::new(false);
    let expired = link.expires_at <= chrono::Utc::now();
    let (id, revoked, partner) = (link.id, link.revoked, link.partner_name.clone());
    let confirm_partner = partner.clone();
    view! {
        <tr>
            <td>{partner.clone()}</td>
            <td>{move || name_of(&cities, link.city_id, locale())}</td>
            <td>{link.expires_at.format("%d/%m/%Y").to_string()}</td>
            <td>{link.registered}</td>
            <td>
                <span class="state">
                    {move || if revoked {
                        t_string!(i18n, referral.revoked)
                    } else if expired {
                        t_string!(i18n, referral.expired)
                    } else {
                        t_string!(i18n, referral.active)
                    }}
                </span>
                {(!revoked && !expired).then(|| view! {
                    <Show
                        when=move || confirming.get()
                        fallback=move || view! {
                            <button type="button" class="button small secondary" on:click=move |_| confirming.set(true)>
                                {t!(i18n, referral.revoke)}
                            </button>
                        }
                    >
                        <span role="alertdialog" class="confirm" aria-label=move || t_string!(i18n, referral.revoke).to_string()>
                            {
                                let partner = confirm_partner.clone();
                                move || t_string!(i18n, referral.confirm_revoke, partner = partner.as_str()).to_string()
                            }
                            " "
                            <button type="button" class="button small danger" on:click=move |_| {
                                confirming.set(false);
                                revoke.dispatch(RevokeReferralLink { id });
                            }>{t!(i18n, app.yes)}</button>
                            <button type="button" class="button small secondary" on:click=move |_| confirming.set(false)>
                                {t!(i18n, app.cancel)}
                            </button>
                        </span>
                    </Show>
                })}
            </td>
        </tr>
    }
}

#[component]
fn NewLinkForm(
    create: ServerAction<CreateReferralLink>,
    cities: Signal<Vec<Named>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let city = RwSignal::new(String::new());
    let partner = RwSignal::new(String::new());
    let days = RwSignal::new("90".to_owned());
    let error = action_error(create);
    let created = move || create.value().get().and_then(Result::ok);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        create.dispatch(CreateReferralLink {
            link: NewReferralLink {
                city_id: city.get(),
                partner_name: partner.get(),
                days: days.get(),
            },
        });
    };
    view! {
        <section class="card" aria-labelledby="new-link-title">
            <h2 id="new-link-title">{t!(i18n, referral.new_title)}</h2>
            {move || created().map(|link| view! {
                <div class="notice success" role="status">
                    <p>{t!(i18n, referral.created)}</p>
                    <p><label for="new-link-url">{t!(i18n, referral.address)}</label></p>
                    <input id="new-link-url" class="link-output" type="text" readonly=true value=link.url.clone() />
                </div>
            })}
            <FormError error />
            <form novalidate=true on:submit=on_submit>
                <CityChoice id="new-link-city" value=city cities error
                    label=Signal::derive(move || t_string!(i18n, referral.city).to_string()) />
                <BoundInput id="new-link-partner" field="partner_name" value=partner error
                    label=Signal::derive(move || t_string!(i18n, referral.partner).to_string()) />
                <BoundInput id="new-link-days" field="days" value=days error input_type="number" min="1" max="365"
                    label=Signal::derive(move || t_string!(i18n, referral.days).to_string()) />
                <button type="submit" class="button" disabled=move || create.pending().get()>
                    {move || if create.pending().get() { t_string!(i18n, app.saving) } else { t_string!(i18n, referral.create) }}
                </button>
            </form>
        </section>
    }
}
