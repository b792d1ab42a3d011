//! A person's consents: what they agreed to, when and how, and a way to withdraw each one that
//! takes one press and its confirmation, as giving it took a tick and a send.

use leptos::prelude::*;

use super::confirm::ConfirmButton;
use super::errors::ErrorNotice;
use super::form::action_error;
use crate::domain::consent::{ConsentChannel, ConsentPurpose};
use crate::domain::local_time::to_local;
use crate::features::privacy::api::WithdrawConsent;
use crate::features::privacy::types::ConsentRecord;
use crate::i18n::*;
use crate::pages::coordinator::duos::day_text;
use leptos_i18n::I18nContext;

fn purpose_label(i18n: I18nContext<Locale>, purpose: ConsentPurpose) -> &'static str {
    match purpose {
        ConsentPurpose::Programme => t_string!(i18n, consent.purpose_programme),
        ConsentPurpose::SpecialCategory => t_string!(i18n, consent.purpose_special_category),
        ConsentPurpose::Communication => t_string!(i18n, consent.purpose_communication),
    }
}

/// What stops when the consent is withdrawn.
fn effect(i18n: I18nContext<Locale>, purpose: ConsentPurpose) -> &'static str {
    match purpose {
        ConsentPurpose::Programme => t_string!(i18n, consent.effect_programme),
        ConsentPurpose::SpecialCategory => t_string!(i18n, consent.effect_special_category),
        ConsentPurpose::Communication => t_string!(i18n, consent.effect_communication),
    }
}

fn channel_label(i18n: I18nContext<Locale>, channel: ConsentChannel) -> &'static str {
    match channel {
        ConsentChannel::WebForm => t_string!(i18n, consent.channel_web_form),
        ConsentChannel::Paper => t_string!(i18n, consent.channel_paper),
        ConsentChannel::Coordinator => t_string!(i18n, consent.channel_coordinator),
        ConsentChannel::Referral => t_string!(i18n, consent.channel_referral),
    }
}

/// The consents, the latest first, with a withdraw button on each one still in force when
/// `may_withdraw`. `withdraw` is the page's action, so the page reloads what it shows after it.
#[component]
pub fn ConsentList(
    consents: Vec<ConsentRecord>,
    may_withdraw: bool,
    withdraw: ServerAction<WithdrawConsent>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(withdraw);
    let empty = consents.is_empty();
    let items = consents
        .into_iter()
        .map(|consent| {
            let purpose = consent.purpose;
            let given = day_text(to_local(consent.given_at).date());
            let channel = consent.channel;
            let version = consent.text_version.clone();
            let status = match consent.withdrawn_at {
                Some(at) => {
                    let day = day_text(to_local(at).date());
                    view! {
                        <p class="badge">{move || t_string!(i18n, consent.withdrawn_on, date = day.as_str()).to_string()}</p>
                    }
                    .into_any()
                }
                None if may_withdraw => {
                    let id = consent.id;
                    view! {
                        <ConfirmButton
                            label=Signal::derive(move || t_string!(i18n, consent.withdraw, purpose = purpose_label(i18n, purpose)).to_string())
                            question=Signal::derive(move || t_string!(i18n, consent.withdraw_confirm, effect = effect(i18n, purpose)).to_string())
                            pending=withdraw.pending()
                            class="button secondary"
                            on_confirm=Callback::new(move |()| {
                                withdraw.dispatch(WithdrawConsent { consent_id: id });
                            })
                        />
                    }
                    .into_any()
                }
                None => view! { <p>{t!(i18n, consent.in_force)}</p> }.into_any(),
            };
            view! {
                <li>
                    <h3>{move || purpose_label(i18n, purpose)}</h3>
                    <p>
                        {move || t_string!(i18n, consent.given, date = given.as_str(), channel = channel_label(i18n, channel), version = version.as_str()).to_string()}
                    </p>
                    {status}
                </li>
            }
        })
        .collect_view();
    view! {
        {move || error.get().map(|error| view! { <ErrorNotice error /> })}
        {if empty {
            view! { <p>{t!(i18n, consent.none)}</p> }.into_any()
        } else {
            view! { <ul class="consents">{items}</ul> }.into_any()
        }}
    }
}
