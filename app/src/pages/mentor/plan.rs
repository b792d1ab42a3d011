//! The action plan on the mentor's phone: the goals of the duo, steps ticked off in place.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::components::action_plan::ActionPlan;
use crate::components::errors::ErrorNotice;
use crate::components::meeting_queue;
use crate::components::page_title::page_title;
use crate::domain::duo::DuoStatus;
use crate::i18n::*;

#[component]
pub fn PlanPage() -> impl IntoView {
    let i18n = use_i18n();
    let changed = RwSignal::new(0usize);
    let duo = Resource::new(move || changed.get(), |_| meeting_queue::my_duo());
    view! {
        <Title text=page_title(move || t_string!(i18n, plan.title).to_string()) />
        <p><A href="/mentor">{t!(i18n, meeting.back)}</A></p>
        <h1>{t!(i18n, plan.title)}</h1>
        <Transition fallback=move || view! { <p role="status">{t!(i18n, app.loading)}</p> }>
            {move || duo.get().map(|result| match result {
                Ok(my) => match my.duo.filter(|d| d.status >= DuoStatus::Active) {
                    Some(duo) => {
                        let name = duo.mentee_first_name.clone();
                        view! {
                            <p class="lead">{move || t_string!(i18n, plan.lead, name = name.as_str()).to_string()}</p>
                            <section class="card plan" aria-label=move || t_string!(i18n, plan.title)>
                                <ActionPlan duo_id=duo.id goals=duo.plan.clone() editable=duo.status == DuoStatus::Active changed />
                            </section>
                        }.into_any()
                    }
                    None => view! { <p class="card empty">{t!(i18n, meeting.no_active_duo)}</p> }.into_any(),
                },
                Err(error) => view! { <ErrorNotice error /> }.into_any(),
            })}
        </Transition>
    }
}
