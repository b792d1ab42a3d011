//! The screening card of a person's page: the interview planned or held, training, what is
//! still missing, and the forms for the next step.

use leptos::prelude::*;
use leptos_router::components::A;

use super::screening_forms::{MoveForm, ReportForm, ScheduleForm};
use crate::components::errors::ErrorNotice;
use crate::components::labels::recommendation_label;
use crate::domain::intake::IntakeRecommendation;
use crate::domain::local_time;
use crate::domain::screening::ScreeningStep;
use crate::error::AppError;
use crate::features::people::types::PersonKind;
use crate::features::pipeline::api::{ChangeStatus, RecordIntake, ScheduleIntake, get_screening};
use crate::features::pipeline::types::ScreeningPanel;
use crate::i18n::*;

/// The three screening actions of a person's page. The page reloads the person when one of
/// them succeeds, so the status and history stay true; a refusal reloads nothing, so what was
/// typed stays in its form.
#[derive(Clone, Copy)]
pub struct ScreeningActions {
    pub schedule: ServerAction<ScheduleIntake>,
    pub record: ServerAction<RecordIntake>,
    pub change: ServerAction<ChangeStatus>,
    saved: Memo<[usize; 3]>,
}

impl Default for ScreeningActions {
    fn default() -> Self {
        let schedule = ServerAction::<ScheduleIntake>::new();
        let record = ServerAction::<RecordIntake>::new();
        let change = ServerAction::<ChangeStatus>::new();
        let saved = Memo::new(move |previous: Option<&[usize; 3]>| {
            let mut saved = previous.copied().unwrap_or_default();
            if matches!(schedule.value().get(), Some(Ok(_))) {
                saved[0] = schedule.version().get();
            }
            if matches!(record.value().get(), Some(Ok(_))) {
                saved[1] = record.version().get();
            }
            if matches!(change.value().get(), Some(Ok(_))) {
                saved[2] = change.version().get();
            }
            saved
        });
        ScreeningActions {
            schedule,
            record,
            change,
            saved,
        }
    }
}

impl ScreeningActions {
    /// Changes each time one of the actions has succeeded.
    pub fn saved(self) -> [usize; 3] {
        self.saved.get()
    }
}

#[component]
pub fn ScreeningCard(kind: PersonKind, id: i32, actions: ScreeningActions) -> impl IntoView {
    let i18n = use_i18n();
    let panel = Resource::new(move || actions.saved(), move |_| get_screening(kind, id));
    view! {
        <section class="card screening" aria-labelledby="screening-title">
            <h2 id="screening-title">{t!(i18n, screening.title)}</h2>
            <Transition fallback=move || view! { <p role="status">{t!(i18n, app.loading)}</p> }>
                {move || panel.get().map(|result| match result {
                    Ok(panel) => view! { <PanelView panel actions /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                })}
            </Transition>
        </section>
    }
}

#[component]
fn PanelView(panel: ScreeningPanel, actions: ScreeningActions) -> impl IntoView {
    let i18n = use_i18n();
    let is_mentor = panel.kind == PersonKind::Mentors;
    let planned = panel.planned.clone();
    let recorded = panel.recorded.clone();
    let trainings = panel.trainings.clone();
    let missing = panel.missing.clone();
    let has_trainings = !trainings.is_empty();
    view! {
        {planned.clone().map(|p| {
            let when = local_time::display(p.at);
            let place = p.place.unwrap_or_default();
            view! { <p class="notice success">{t!(i18n, screening.planned, when = when.clone(), place = place.clone())}</p> }
        })}
        {recorded.map(|r| {
            let date = r.done_at.format("%d/%m/%Y").to_string();
            let recommendation = r.recommendation.as_deref().and_then(IntakeRecommendation::parse);
            let scores = r.scores.iter().map(|s| s.map_or("—".to_owned(), |s| s.to_string())).collect::<Vec<_>>().join(" · ");
            view! {
                <p>
                    {t!(i18n, screening.recorded, date = date.clone())} " "
                    <strong>{move || recommendation.map(|r| recommendation_label(i18n, r)).unwrap_or_default()}</strong>
                </p>
                <p class="hint">{t!(i18n, screening.scores_line, scores = scores.clone())}</p>
            }
        })}
        {panel.can_schedule.then(|| view! {
            <ScheduleForm kind=panel.kind id=panel.person_id moving=planned.is_some() action=actions.schedule />
        })}
        {planned.map(|p| view! { <ReportForm interview_id=p.interview_id action=actions.record /> })}
        {is_mentor.then(|| view! {
            <h3>{t!(i18n, screening.training)}</h3>
            {if has_trainings {
                view! {
                    <ul>
                        {trainings.into_iter().map(|seat| {
                            let when = local_time::display(seat.starts_at);
                            view! {
                                <li>
                                    <A href=format!("/coordinator/training/{}", seat.session_id)>{seat.title.clone()}</A>
                                    " — " {when} " — "
                                    {move || match seat.attended {
                                        Some(true) => t_string!(i18n, training.came),
                                        Some(false) => t_string!(i18n, training.absent),
                                        None => t_string!(i18n, training.not_recorded),
                                    }}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            } else {
                view! {
                    <p class="empty">
                        {t!(i18n, screening.no_training)} " "
                        <A href="/coordinator/training">{t!(i18n, screening.to_training)}</A>
                    </p>
                }.into_any()
            }}
            {(!missing.is_empty()).then(|| view! {
                <p class="hint">
                    {t!(i18n, screening.missing)} " "
                    {let missing = missing.clone();
                    move || missing.iter().map(|step| match step {
                        ScreeningStep::Intake => t_string!(i18n, screening.missing_intake),
                        ScreeningStep::Training => t_string!(i18n, screening.missing_training),
                    }).collect::<Vec<_>>().join(", ")}
                </p>
            })}
        })}
        <MoveForm kind=panel.kind id=panel.person_id moves=panel.moves.clone() action=actions.change />
    }
}

/// Errors of the screening actions that belong to no field, shown once above the forms.
pub fn general_error(error: Option<AppError>) -> Option<AppError> {
    error.filter(|e| !matches!(e, AppError::Validation(_)))
}
