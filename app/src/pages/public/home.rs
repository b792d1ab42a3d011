use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::i18n::*;

/// What the platform is, an invitation to become a mentor, and the two ways in: a link by e-mail for mentors,
/// a password for staff.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text="" />
        <section class="hero">
            <h1>{t!(i18n, home.title)}</h1>
            <p class="lead">{t!(i18n, home.lead)}</p>
        </section>
        <section class="card highlight" aria-labelledby="volunteer-title">
            <h2 id="volunteer-title">{t!(i18n, home.volunteer_title)}</h2>
            <p>{t!(i18n, home.volunteer_text)}</p>
            <A href="/volunteer" attr:class="button">{t!(i18n, home.volunteer_action)}</A>
        </section>
        <div class="cards">
            <section class="card">
                <h2>{t!(i18n, home.mentors_title)}</h2>
                <p>{t!(i18n, home.mentors_text)}</p>
                <A href="/sign-in/link" attr:class="button">{t!(i18n, home.mentors_action)}</A>
            </section>
            <section class="card">
                <h2>{t!(i18n, home.staff_title)}</h2>
                <p>{t!(i18n, home.staff_text)}</p>
                <A href="/sign-in" attr:class="button secondary">{t!(i18n, home.staff_action)}</A>
            </section>
        </div>
    }
}
