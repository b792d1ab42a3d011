use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::components::errors::{ErrorNotice, FieldErrors};
use crate::components::form::{TextField, action_error};
use crate::components::page_title::page_title;
use crate::components::session::use_session;
use crate::error::AppError;
use crate::features::auth::api::{RedeemMagicLink, RequestMagicLink};
use crate::i18n::*;

/// A mentor asks for a sign-in link. The answer never tells whether the
/// address is known.
#[component]
pub fn MagicLinkRequestPage() -> impl IntoView {
    let i18n = use_i18n();
    let request = ServerAction::<RequestMagicLink>::new();
    let error = action_error(request);
    let sent = move || matches!(request.value().get(), Some(Ok(())));
    view! {
        <Title text=page_title(move || t_string!(i18n, magic.request_title).to_string()) />
        <div class="narrow">
            <h1>{t!(i18n, magic.request_title)}</h1>
            <p>{t!(i18n, magic.request_text)}</p>
            <Show when=sent>
                <p class="notice success" role="status">{t!(i18n, magic.sent)}</p>
            </Show>
            {move || {
                error.get()
                    .filter(|e| !matches!(e, AppError::Validation(_)))
                    .map(|e| view! { <ErrorNotice error=e /> })
            }}
            <ActionForm action=request attr:novalidate=true>
                <TextField
                    name="email"
                    label=Signal::derive(move || t_string!(i18n, magic.email).to_string())
                    input_type="email"
                    autocomplete="email"
                    required=true
                    error
                />
                <button type="submit" class="button" disabled=move || request.pending().get()>
                    {move || if request.pending().get() {
                        t_string!(i18n, magic.submitting)
                    } else {
                        t_string!(i18n, magic.submit)
                    }}
                </button>
            </ActionForm>
        </div>
    }
}

/// Where the e-mailed link lands. Opening it changes nothing; the button
/// signs in.
#[component]
pub fn MagicLinkLandingPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let redeem = ServerAction::<RedeemMagicLink>::new();
    let error = action_error(redeem);
    Effect::new(move |_| {
        if let Some(Ok(user)) = redeem.value().get() {
            i18n.set_locale(user.locale.into());
            use_session().refresh();
        }
    });
    view! {
        <Title text=page_title(move || t_string!(i18n, magic.landing_title).to_string()) />
        <div class="narrow">
            <h1>{t!(i18n, magic.landing_title)}</h1>
            <Show
                when=move || !token().is_empty()
                fallback=move || view! {
                    <p>{t!(i18n, magic.missing_token)}</p>
                    <A href="/sign-in/link" attr:class="button">{t!(i18n, magic.ask_again)}</A>
                }
            >
                <p>{t!(i18n, magic.landing_text)}</p>
                <FieldErrors id="token-error".to_string() error field="token" />
                {move || {
                    error.get()
                        .filter(|e| !matches!(e, AppError::Validation(_)))
                        .map(|e| view! { <ErrorNotice error=e /> })
                }}
                <Show when=move || error.get().is_some()>
                    <p><A href="/sign-in/link">{t!(i18n, magic.ask_again)}</A></p>
                </Show>
                <ActionForm action=redeem>
                    <input type="hidden" name="token" value=token />
                    <button type="submit" class="button big" disabled=move || redeem.pending().get()>
                        {t!(i18n, magic.landing_submit)}
                    </button>
                </ActionForm>
            </Show>
        </div>
    }
}
