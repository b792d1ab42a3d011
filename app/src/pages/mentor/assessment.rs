//! The start self-assessment, filled in by the mentee with the mentor on the mentor's phone:
//! five plain questions, each answered from 1 to 5.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::components::errors::{ErrorNotice, FieldErrors};
use crate::components::labels::{dimension_question, scale_label};
use crate::components::meeting_queue;
use crate::domain::duo::DuoStatus;
use crate::domain::evaluation::{Dimension, EvaluationKind, Score};
use crate::error::AppError;
use crate::features::duos::api::SaveSelfAssessment;
use crate::features::duos::types::{DuoSummary, SelfAssessmentForm};
use crate::i18n::*;

#[component]
pub fn AssessmentPage() -> impl IntoView {
    let i18n = use_i18n();
    let duo = Resource::new(|| (), |_| meeting_queue::my_duo());
    view! {
        <Title text=move || t_string!(i18n, assessment.title).to_string() />
        <p><A href="/mentor">{t!(i18n, meeting.back)}</A></p>
        <h1>{t!(i18n, assessment.title)}</h1>
        <Transition fallback=move || view! { <p role="status">{t!(i18n, app.loading)}</p> }>
            {move || {
                duo.get().map(|result| match result {
                    Ok(my) => match my.duo.filter(|d| d.status == DuoStatus::Active) {
                        Some(duo) => view! { <AssessmentForm duo /> }.into_any(),
                        None => view! { <p class="card empty">{t!(i18n, meeting.no_active_duo)}</p> }.into_any(),
                    },
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                })
            }}
        </Transition>
    }
}

/// One question as a group of five choices; `answer` holds the chosen number.
#[component]
fn Question(
    dimension: Dimension,
    answer: RwSignal<String>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let field = dimension.as_str();
    let error_id = format!("assess-{field}-error");
    let described_by = error_id.clone();
    let choice = move |score: u8| {
        let id = format!("assess-{field}-{score}");
        let label_for = id.clone();
        let value = score.to_string();
        let checked = value.clone();
        view! {
            <label class="chip-choice" for=label_for>
                <input id=id type="radio" name=format!("assess-{field}") value=value.clone()
                    prop:checked=move || answer.get() == checked
                    on:change=move |_| answer.set(value.clone()) />
                <span>{move || format!("{score} · {}", scale_label(i18n, score))}</span>
            </label>
        }
    };
    view! {
        <fieldset class="chips-field" aria-describedby=described_by>
            <legend>{move || dimension_question(i18n, dimension)}</legend>
            <div class="chip-choices">
                {(Score::MIN..=Score::MAX).map(choice).collect_view()}
            </div>
            <FieldErrors id=error_id error field=field />
        </fieldset>
    }
}

#[component]
fn AssessmentForm(duo: DuoSummary) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveSelfAssessment>::new();
    let answers: [RwSignal<String>; 5] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let error = Signal::derive(move || save.value().get().and_then(Result::err));
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(())) = save.value().get() {
            navigate("/mentor?saved=assessment", Default::default());
        }
    });
    let duo_id = duo.id;
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let [
            self_confidence,
            career_plan,
            job_search_tools,
            language,
            network,
        ] = answers.map(|a| a.get_untracked());
        save.dispatch(SaveSelfAssessment {
            assessment: SelfAssessmentForm {
                duo_id,
                kind: EvaluationKind::Start,
                self_confidence,
                career_plan,
                job_search_tools,
                language,
                network,
            },
        });
    };
    let mentee = duo.mentee_first_name.clone();
    view! {
        <p class="lead">{move || t_string!(i18n, assessment.lead, name = mentee.as_str()).to_string()}</p>
        <form class="meeting-form" novalidate=true on:submit=on_submit>
            {Dimension::ALL.iter().zip(answers).map(|(&dimension, answer)| view! {
                <Question dimension answer error />
            }).collect_view()}
            {move || error.get().filter(|e| !matches!(e, AppError::Validation(_))).map(|error| view! { <ErrorNotice error /> })}
            <button type="submit" class="button big" disabled=move || save.pending().get()>
                {move || if save.pending().get() { t_string!(i18n, app.saving) } else { t_string!(i18n, assessment.save) }}
            </button>
        </form>
    }
}
