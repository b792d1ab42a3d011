//! The mentee's self-assessment, filled in with the mentor on the mentor's phone: five plain
//! questions, each answered from 1 to 5, at the start of the duo and again at its end
//! (`?kind=end`). At the end the mentor also evaluates the duo, on the same scale.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::components::errors::{ErrorNotice, FieldErrors, FormError};
use crate::components::labels::{dimension_label, dimension_question, scale_label};
use crate::components::meeting_queue;
use crate::components::page_title::page_title;
use crate::domain::duo::DuoStatus;
use crate::domain::evaluation::{Dimension, EvaluationKind, Score};
use crate::error::AppError;
use crate::features::duos::api::{SaveMentorEvaluation, SaveSelfAssessment};
use crate::features::duos::types::{DuoSummary, MentorEvaluationForm, SelfAssessmentForm};
use crate::i18n::*;

/// The duo the form is for, once loaded, if it is at `status`; otherwise what to say instead.
fn with_duo<V: IntoView + 'static>(
    status: DuoStatus,
    empty: impl Fn() -> AnyView + Send + Sync + Copy + 'static,
    form: impl Fn(DuoSummary) -> V + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let duo = Resource::new(|| (), |_| meeting_queue::my_duo());
    view! {
        <Transition fallback=move || view! { <p role="status">{t!(i18n, app.loading)}</p> }>
            {move || {
                duo.get().map(|result| match result {
                    Ok(my) => match my.duo.filter(|d| d.status == status) {
                        Some(duo) => form(duo).into_any(),
                        None => empty(),
                    },
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                })
            }}
        </Transition>
    }
}

#[component]
pub fn AssessmentPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let kind = if query.read_untracked().get("kind").as_deref() == Some("end") {
        EvaluationKind::End
    } else {
        EvaluationKind::Start
    };
    let title = move || match kind {
        EvaluationKind::End => t_string!(i18n, assessment.end_title),
        _ => t_string!(i18n, assessment.title),
    };
    let status = match kind {
        EvaluationKind::End => DuoStatus::Closing,
        _ => DuoStatus::Active,
    };
    view! {
        <Title text=page_title(move || title().to_string()) />
        <p><A href="/mentor">{t!(i18n, meeting.back)}</A></p>
        <h1>{title}</h1>
        {with_duo(
            status,
            move || view! { <p class="card empty">{t!(i18n, meeting.no_active_duo)}</p> }.into_any(),
            move |duo| view! { <AssessmentForm duo kind /> },
        )}
    }
}

/// One question as a group of five choices; `answer` holds the chosen number.
#[component]
fn Question(
    field: &'static str,
    #[prop(into)] legend: Signal<String>,
    answer: RwSignal<String>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
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
            <legend>{legend}</legend>
            <div class="chip-choices">
                {(Score::MIN..=Score::MAX).map(choice).collect_view()}
            </div>
            <FieldErrors id=error_id error field=field />
        </fieldset>
    }
}

/// The save button of a phone form: says so while it saves.
fn save_button(
    pending: Memo<bool>,
    label: impl Fn() -> &'static str + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button type="submit" class="button big" disabled=move || pending.get()>
            {move || if pending.get() { t_string!(i18n, app.saving) } else { label() }}
        </button>
    }
}

#[component]
fn AssessmentForm(duo: DuoSummary, kind: EvaluationKind) -> impl IntoView {
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
                kind,
                self_confidence,
                career_plan,
                job_search_tools,
                language,
                network,
            },
        });
    };
    let mentee = duo.mentee_first_name.clone();
    let lead = move || match kind {
        EvaluationKind::End => {
            t_string!(i18n, assessment.end_lead, name = mentee.as_str()).to_string()
        }
        _ => t_string!(i18n, assessment.lead, name = mentee.as_str()).to_string(),
    };
    view! {
        <p class="lead">{lead}</p>
        <form class="meeting-form" novalidate=true on:submit=on_submit>
            {Dimension::ALL.iter().zip(answers).map(|(&dimension, answer)| view! {
                <Question field=dimension.as_str() legend=Signal::derive(move || dimension_question(i18n, dimension).to_string()) answer error />
            }).collect_view()}
            <FormError error />
            {save_button(save.pending(), move || t_string!(i18n, assessment.save))}
        </form>
    }
}

/// The mentor's own evaluation of a closing duo.
#[component]
pub fn EvaluationPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=page_title(move || t_string!(i18n, evaluation.title).to_string()) />
        <p><A href="/mentor">{t!(i18n, meeting.back)}</A></p>
        <h1>{t!(i18n, evaluation.title)}</h1>
        {with_duo(
            DuoStatus::Closing,
            move || view! { <p class="card empty">{t!(i18n, evaluation.not_closing)}</p> }.into_any(),
            move |duo| view! { <EvaluationForm duo /> },
        )}
    }
}

#[component]
fn EvaluationForm(duo: DuoSummary) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveMentorEvaluation>::new();
    let answers: [RwSignal<String>; 5] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let satisfaction = RwSignal::new(String::new());
    let comment = RwSignal::new(String::new());
    let error = Signal::derive(move || save.value().get().and_then(Result::err));
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(())) = save.value().get() {
            navigate("/mentor?saved=evaluation", Default::default());
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
        save.dispatch(SaveMentorEvaluation {
            evaluation: MentorEvaluationForm {
                duo_id,
                self_confidence,
                career_plan,
                job_search_tools,
                language,
                network,
                satisfaction: satisfaction.get_untracked(),
                comment: comment.get_untracked(),
            },
        });
    };
    let mentee = duo.mentee_first_name.clone();
    view! {
        <p class="lead">{move || t_string!(i18n, evaluation.lead, name = mentee.as_str()).to_string()}</p>
        <form class="meeting-form" novalidate=true on:submit=on_submit>
            {Dimension::ALL.iter().zip(answers).map(|(&dimension, answer)| view! {
                <Question field=dimension.as_str() legend=Signal::derive(move || dimension_label(i18n, dimension).to_string()) answer error />
            }).collect_view()}
            <Question field="satisfaction" legend=Signal::derive(move || t_string!(i18n, evaluation.satisfaction).to_string()) answer=satisfaction error />
            <div class="field">
                <label for="evaluation-comment">{t!(i18n, evaluation.comment)}</label>
                <textarea id="evaluation-comment" rows="3" aria-describedby="evaluation-comment-error"
                    prop:value=comment on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
                <FieldErrors id="evaluation-comment-error".to_owned() error field="comment" />
            </div>
            <FormError error />
            {save_button(save.pending(), move || t_string!(i18n, evaluation.save))}
        </form>
    }
}
