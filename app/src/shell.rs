//! The HTML document, the router and the page frame shared by every page.

use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{Lazy, SsrMode, path};

use crate::components::layout::{NotFound, PageFrame};
use crate::components::page_title::site_title;
use crate::components::session::provide_session;
use crate::hydration::HydrationLoader;
use crate::i18n::*;
use crate::pages::{admin, coordinator, mentor, public};

pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    send_content_security_policy();
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="theme-color" content="#0b5d4b" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <link rel="manifest" href="/manifest.webmanifest" />
                <link rel="apple-touch-icon" href="/icon-192.png" />
                <script src="/register-sw.js" defer></script>
                // The WebAssembly is fetched once the page has loaded and the browser is idle,
                // so neither its download nor its compiling holds up the first paint.
                <HydrationLoader options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Sends the page's policy, naming the nonce leptos_axum made for this request and puts on
/// every script it writes (the hydration scripts, the streamed resources).
#[cfg(feature = "ssr")]
fn send_content_security_policy() {
    use http::HeaderValue;
    use http::header::CONTENT_SECURITY_POLICY;
    use leptos::nonce::use_nonce;
    use leptos_axum::ResponseOptions;

    let (Some(nonce), Some(response)) = (use_nonce(), use_context::<ResponseOptions>()) else {
        return;
    };
    if let Ok(policy) = HeaderValue::from_str(&crate::platform::headers::page_policy(&nonce)) {
        response.insert_header(CONTENT_SECURITY_POLICY, policy);
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <I18nContextProvider ssr_lang_header_getter=crate::language::page_languages()>
            <AppInner />
        </I18nContextProvider>
    }
}

#[component]
fn AppInner() -> impl IntoView {
    let i18n = use_i18n();
    provide_session();
    view! {
        <Stylesheet id="leptos" href="/pkg/duo.css" />
        <Title formatter=site_title(move || t_string!(i18n, app.name).to_string()) />
        <Router>
            <PageFrame>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view={Lazy::<public::HomeRoute>::new()} />
                    <Route path=path!("/sign-in") view={Lazy::<public::SignInRoute>::new()} />
                    // Rendered whole before it is sent: without JavaScript a streamed
                    // Suspense would never replace its "loading" placeholder.
                    // Kept in the main module: split off, its chunk loads after the main one,
                    // and Lighthouse measured 758 ms of blocking time on it instead of 388 ms.
                    <Route path=path!("/volunteer") view=public::volunteer::VolunteerPage ssr=SsrMode::Async />
                    <Route path=path!("/volunteer/sent") view={Lazy::<public::ApplicationSentRoute>::new()} />
                    <Route path=path!("/volunteer/confirm") view={Lazy::<public::ConfirmSignUpRoute>::new()} />
                    <Route path=path!("/privacy") view={Lazy::<public::PrivacyRoute>::new()} />
                    <Route path=path!("/refer/:token") view={Lazy::<public::ReferRoute>::new()} />
                    <Route path=path!("/sign-in/link") view={Lazy::<public::MagicLinkRequestRoute>::new()} />
                    <Route path=path!("/auth/link") view={Lazy::<public::MagicLinkLandingRoute>::new()} />
                    <Route path=path!("/coordinator") view={Lazy::<coordinator::PeopleRoute>::new()} />
                    <Route path=path!("/coordinator/pipeline") view={Lazy::<coordinator::PipelineRoute>::new()} />
                    <Route path=path!("/coordinator/matching") view={Lazy::<coordinator::MatchingRoute>::new()} />
                    <Route path=path!("/coordinator/mentees/new") view={Lazy::<coordinator::NewMenteeRoute>::new()} />
                    <Route path=path!("/coordinator/referrals") view={Lazy::<coordinator::ReferralsRoute>::new()} />
                    <Route path=path!("/coordinator/training") view={Lazy::<coordinator::TrainingsRoute>::new()} />
                    // Before `:kind/:id`, which would also match it: the first matching route wins.
                    <Route path=path!("/coordinator/training/:id") view={Lazy::<coordinator::TrainingSessionRoute>::new()} />
                    <Route path=path!("/coordinator/peer-sessions") view={Lazy::<coordinator::PeerSessionsRoute>::new()} />
                    <Route path=path!("/coordinator/peer-sessions/:id") view={Lazy::<coordinator::PeerSessionRoute>::new()} />
                    <Route path=path!("/coordinator/duos") view={Lazy::<coordinator::DuosRoute>::new()} />
                    <Route path=path!("/coordinator/impact") view={Lazy::<coordinator::ImpactRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/coordinator/duos/:id") view={Lazy::<coordinator::DuoRoute>::new()} />
                    <Route path=path!("/coordinator/:kind/:id") view={Lazy::<coordinator::PersonRoute>::new()} />
                    <Route path=path!("/mentor") view=mentor::home::MentorHomePage />
                    <Route path=path!("/mentor/meeting") view=mentor::meeting::LogMeetingPage />
                    <Route path=path!("/mentor/assessment") view=mentor::assessment::AssessmentPage />
                    <Route path=path!("/mentor/evaluation") view=mentor::assessment::EvaluationPage />
                    <Route path=path!("/mentor/plan") view=mentor::plan::PlanPage />
                    <Route path=path!("/mentor/data") view=mentor::data::MyDataPage />
                    <Route path=path!("/mentor/meeting/:id") view=mentor::meeting::EditMeetingPage />
                    <Route path=path!("/admin/users") view={Lazy::<admin::UsersRoute>::new()} />
                    <Route path=path!("/admin/outbox") view={Lazy::<admin::OutboxRoute>::new()} />
                    <Route path=path!("/admin/audit") view={Lazy::<admin::AuditRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/weights") view={Lazy::<admin::WeightsRoute>::new()} />
                    <Route path=path!("/admin/settings") view={Lazy::<admin::SettingsRoute>::new()} />
                    <Route path=path!("/admin/retention") view={Lazy::<admin::RetentionRoute>::new()} />
                    <Route path=path!("/admin/import") view={Lazy::<admin::ImportRoute>::new()} />
                </Routes>
            </PageFrame>
        </Router>
    }
}
