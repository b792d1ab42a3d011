//! The HTML document, the router and the page frame shared by every page.

use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

use crate::components::layout::{NotFound, PageFrame};
use crate::components::page_title::site_title;
use crate::components::session::provide_session;
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
                <HydrationScripts options />
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
        <I18nContextProvider>
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
                    <Route path=path!("/") view=public::home::HomePage />
                    <Route path=path!("/sign-in") view=public::sign_in::SignInPage />
                    // Rendered whole before it is sent: without JavaScript a streamed
                    // Suspense would never replace its "loading" placeholder.
                    <Route path=path!("/volunteer") view=public::volunteer::VolunteerPage ssr=SsrMode::Async />
                    <Route path=path!("/volunteer/sent") view=public::volunteer::ApplicationSentPage />
                    <Route path=path!("/volunteer/confirm") view=public::volunteer::ConfirmSignUpPage />
                    <Route path=path!("/privacy") view=public::volunteer::PrivacyPage />
                    <Route path=path!("/refer/:token") view=public::refer::ReferPage />
                    <Route path=path!("/sign-in/link") view=public::magic_link::MagicLinkRequestPage />
                    <Route path=path!("/auth/link") view=public::magic_link::MagicLinkLandingPage />
                    <Route path=path!("/coordinator") view=coordinator::people::PeoplePage />
                    <Route path=path!("/coordinator/pipeline") view=coordinator::pipeline::PipelinePage />
                    <Route path=path!("/coordinator/matching") view=coordinator::matching::MatchingPage />
                    <Route path=path!("/coordinator/mentees/new") view=coordinator::new_mentee::NewMenteePage />
                    <Route path=path!("/coordinator/referrals") view=coordinator::referrals::ReferralsPage />
                    <Route path=path!("/coordinator/training") view=coordinator::training::TrainingsPage />
                    // Before `:kind/:id`, which would also match it: the first matching route wins.
                    <Route path=path!("/coordinator/training/:id") view=coordinator::training_session::TrainingSessionPage />
                    <Route path=path!("/coordinator/peer-sessions") view=coordinator::peer_sessions::PeerSessionsPage />
                    <Route path=path!("/coordinator/peer-sessions/:id") view=coordinator::peer_sessions::PeerSessionPage />
                    <Route path=path!("/coordinator/duos") view=coordinator::duos::DuosPage />
                    <Route path=path!("/coordinator/impact") view=coordinator::impact::ImpactPage ssr=SsrMode::Async />
                    <Route path=path!("/coordinator/duos/:id") view=coordinator::duo::DuoPage />
                    <Route path=path!("/coordinator/:kind/:id") view=coordinator::person::PersonPage />
                    <Route path=path!("/mentor") view=mentor::home::MentorHomePage />
                    <Route path=path!("/mentor/meeting") view=mentor::meeting::LogMeetingPage />
                    <Route path=path!("/mentor/assessment") view=mentor::assessment::AssessmentPage />
                    <Route path=path!("/mentor/evaluation") view=mentor::assessment::EvaluationPage />
                    <Route path=path!("/mentor/plan") view=mentor::plan::PlanPage />
                    <Route path=path!("/mentor/data") view=mentor::data::MyDataPage />
                    <Route path=path!("/mentor/meeting/:id") view=mentor::meeting::EditMeetingPage />
                    <Route path=path!("/admin/users") view=admin::users::UsersPage />
                    <Route path=path!("/admin/outbox") view=admin::outbox::OutboxPage />
                    <Route path=path!("/admin/audit") view=admin::audit::AuditPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/weights") view=admin::weights::WeightsPage />
                    <Route path=path!("/admin/settings") view=admin::settings::SettingsPage />
                    <Route path=path!("/admin/retention") view=admin::retention::RetentionPage />
                    <Route path=path!("/admin/import") view=admin::import::ImportPage />
                </Routes>
            </PageFrame>
        </Router>
    }
}
