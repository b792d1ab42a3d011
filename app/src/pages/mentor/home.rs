use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::errors::ErrorNotice;
use crate::components::labels::duo_status_label;
use crate::features::duos::api::get_my_duo;
use crate::features::duos::types::MyDuo;
use crate::i18n::*;

/// The mentor's home on their phone: their duo and their mentee's first
/// name, or a plain "no duo yet".
#[component]
pub fn MentorHomePage() -> impl IntoView {
    let i18n = use_i18n();
    let duo = Resource::new(|| (), |_| get_my_duo());
    view! {
        <Title text=move || t_string!(i18n, mentor_home.title).to_string() />
        <Transition fallback=move || view! { <p role="status">{t!(i18n, app.loading)}</p> }>
            {move || {
                duo.get().map(|result| match result {
                    Ok(my) => view! { <MyDuoView my /> }.into_any(),
                    Err(error) => view! {
                        <h1>{t!(i18n, mentor_home.title)}</h1>
                        <ErrorNotice error />
                    }.into_any(),
                })
            }}
        </Transition>
    }
}

#[component]
fn MyDuoView(my: MyDuo) -> impl IntoView {
    let i18n = use_i18n();
    let name = my.mentor_first_name.clone();
    view! {
        <h1>{t!(i18n, mentor_home.hello, name = name.clone())}</h1>
        {match my.duo {
            Some(duo) => {
                let mentee = duo.mentee_first_name.clone();
                view! {
                    <section class="card duo-card">
                        <h2>{t!(i18n, mentor_home.duo_with, name = mentee.clone())}</h2>
                        <dl>
                            <dt>{t!(i18n, mentor_home.status)}</dt>
                            <dd>{move || duo_status_label(i18n, duo.status)}</dd>
                            {duo.goal.clone().map(|goal| view! {
                                <dt>{t!(i18n, mentor_home.goal)}</dt>
                                <dd>{goal}</dd>
                            })}
                            {duo.started_on.map(|d| view! {
                                <dt>{t!(i18n, mentor_home.started)}</dt>
                                <dd>{d.format("%d/%m/%Y").to_string()}</dd>
                            })}
                            {duo.planned_end_on.map(|d| view! {
                                <dt>{t!(i18n, mentor_home.planned_end)}</dt>
                                <dd>{d.format("%d/%m/%Y").to_string()}</dd>
                            })}
                        </dl>
                    </section>
                }.into_any()
            }
            None => view! {
                <section class="card empty">
                    <h2>{t!(i18n, mentor_home.no_duo_title)}</h2>
                    <p>{t!(i18n, mentor_home.no_duo_text)}</p>
                </section>
            }.into_any(),
        }}
    }
}
