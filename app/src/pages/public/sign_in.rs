use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::components::errors::ErrorNotice;
use crate::components::form::{TextField, action_error};
use crate::components::page_title::page_title;
use crate::components::session::use_session;
use crate::error::AppError;
use crate::features::auth::api::SignIn;
use crate::i18n::*;

/// Staff sign-in with e-mail and password.
#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let sign_in = ServerAction::<SignIn>::new();
    let error = action_error(sign_in);
    Effect::new(move |_| {
        if let Some(Ok(user)) = sign_in.value().get() {
            i18n.set_locale(user.locale.into());
            use_session().refresh();
        }
    });
    let page_error = move || {
        error
            .get()
            .filter(|e| !matches!(e, AppError::Validation(_)))
            .map(|e| view! { <ErrorNotice error=e /> })
    };
    view! {
        <Title text=page_title(move || t_string!(i18n, sign_in.title).to_string()) />
        <div class="narrow">
            <h1>{t!(i18n, sign_in.title)}</h1>
            {page_error}
            <ActionForm action=sign_in attr:novalidate=true>
                <TextField
                    name="email"
                    label=Signal::derive(move || t_string!(i18n, sign_in.email).to_string())
                    input_type="email"
                    autocomplete="username"
                    required=true
                    error
                />
                <TextField
                    name="password"
                    label=Signal::derive(move || t_string!(i18n, sign_in.password).to_string())
                    input_type="password"
                    autocomplete="current-password"
                    required=true
                    error
                />
                <button type="submit" class="button" disabled=move || sign_in.pending().get()>
                    {move || if sign_in.pending().get() {
                        t_string!(i18n, sign_in.submitting)
                    } else {
                        t_string!(i18n, sign_in.submit)
                    }}
                </button>
            </ActionForm>
            <p class="aside">
                {t!(i18n, sign_in.mentor_hint)} " "
                <A href="/sign-in/link">{t!(i18n, sign_in.mentor_link)}</A>
            </p>
        </div>
    }
}
