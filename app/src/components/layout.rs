//! The page frame: skip link, header with navigation, language switcher and
//! sign-out, then the page itself.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::language_switcher::LanguageSwitcher;
use super::page_title::page_title;
use super::session::use_session;
use crate::domain::role::Role;
use crate::features::auth::SessionUser;
use crate::features::auth::api::SignOut;
use crate::i18n::*;

#[component]
pub fn PageFrame(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main">{t!(i18n, app.skip_to_content)}</a>
        <header class="site-header">
            <a class="brand" href="/">{t!(i18n, app.name)}</a>
            <Transition fallback=|| ()>
                {move || {
                    use_session().user.get().map(|user| view! { <Navigation user=user.ok().flatten() /> })
                }}
            </Transition>
            <LanguageSwitcher />
        </header>
        <main id="main" tabindex="-1">{children()}</main>
    }
}

#[component]
fn Navigation(user: Option<SessionUser>) -> impl IntoView {
    let i18n = use_i18n();
    let Some(user) = user else {
        return view! {
            <nav aria-label=move || t_string!(i18n, app.main_navigation)>
                <A href="/sign-in">{t!(i18n, nav.sign_in)}</A>
            </nav>
        }
        .into_any();
    };
    let role = user.role;
    let sign_out = ServerAction::<SignOut>::new();
    Effect::new(move |_| {
        if sign_out.value().get().is_some() {
            crate::components::meeting_queue::forget_device_copies();
            use_session().refresh();
        }
    });
    view! {
        <nav aria-label=move || t_string!(i18n, app.main_navigation)>
            {(role == Role::Mentor).then(|| view! { <A href="/mentor">{t!(i18n, nav.my_duo)}</A> })}
            {(role == Role::Mentor).then(|| view! { <A href="/mentor/data">{t!(i18n, nav.my_data)}</A> })}
            {role.is_staff().then(|| view! { <A href="/coordinator">{t!(i18n, nav.people)}</A> })}
            {role.is_staff().then(|| view! { <A href="/coordinator/pipeline">{t!(i18n, nav.pipeline)}</A> })}
            {role.is_staff().then(|| view! { <A href="/coordinator/matching">{t!(i18n, nav.matching)}</A> })}
            {role.is_staff().then(|| view! { <A href="/coordinator/duos">{t!(i18n, nav.duos)}</A> })}
            {role.is_staff().then(|| view! { <A href="/coordinator/training">{t!(i18n, nav.training)}</A> })}
            {role.is_staff().then(|| view! { <A href="/coordinator/peer-sessions">{t!(i18n, nav.peer)}</A> })}
            {role.is_staff().then(|| view! { <A href="/coordinator/referrals">{t!(i18n, nav.referrals)}</A> })}
            {role.is_staff().then(|| view! { <A href="/coordinator/impact">{t!(i18n, nav.impact)}</A> })}
            {(role == Role::Admin)
                .then(|| {
                    view! {
                        <A href="/admin/users">{t!(i18n, nav.users)}</A>
                        <A href="/admin/outbox">{t!(i18n, nav.outbox)}</A>
                        <A href="/admin/weights">{t!(i18n, nav.weights)}</A>
                        <A href="/admin/settings">{t!(i18n, nav.settings)}</A>
                        <A href="/admin/audit">{t!(i18n, nav.audit)}</A>
                        <A href="/admin/retention">{t!(i18n, nav.retention)}</A>
                        <A href="/admin/import">{t!(i18n, nav.import)}</A>
                    }
                })}
            <span class="who">{t!(i18n, nav.signed_in_as, name = user.display_name.clone())}</span>
            <ActionForm action=sign_out attr:class="inline">
                <button type="submit" class="link-button">{t!(i18n, nav.sign_out)}</button>
            </ActionForm>
        </nav>
    }
    .into_any()
}

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text=page_title(move || t_string!(i18n, not_found.title).to_string()) />
        <h1>{t!(i18n, not_found.title)}</h1>
        <p>{t!(i18n, not_found.text)}</p>
        <p>
            <A href="/">{t!(i18n, not_found.home)}</A>
        </p>
    }
}
