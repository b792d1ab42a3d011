//! Shows an `AppError` in plain words, in the user's language.

use leptos::prelude::*;
use leptos_router::components::A;

use super::labels::error_code_text;
use crate::domain::screening::ScreeningStep;
use crate::error::{AppError, ConflictCode};
use crate::i18n::*;
use leptos_i18n::I18nContext;

pub fn app_error_text(i18n: I18nContext<Locale>, error: &AppError) -> String {
    match error {
        AppError::Validation(_) => t_string!(i18n, errors.validation).to_string(),
        AppError::Unauthenticated => t_string!(i18n, errors.unauthenticated).to_string(),
        AppError::Forbidden => t_string!(i18n, errors.forbidden).to_string(),
        AppError::NotFound => t_string!(i18n, errors.not_found).to_string(),
        AppError::Internal { reference } => {
            t_string!(i18n, errors.internal, reference = reference.as_str()).to_string()
        }
        AppError::Unreachable => t_string!(i18n, errors.unreachable).to_string(),
        AppError::RateLimited => t_string!(i18n, errors.rate_limited).to_string(),
        AppError::Conflict(code) => conflict_text(i18n, code),
    }
}

fn conflict_text(i18n: I18nContext<Locale>, code: &ConflictCode) -> String {
    match code {
        ConflictCode::MentorBusy => t_string!(i18n, errors.conflict_mentor_busy).to_string(),
        ConflictCode::MenteeBusy => t_string!(i18n, errors.conflict_mentee_busy).to_string(),
        ConflictCode::NotMatchable => t_string!(i18n, errors.conflict_not_matchable).to_string(),
        ConflictCode::EmailTaken => t_string!(i18n, errors.conflict_email_taken).to_string(),
        ConflictCode::Stale => t_string!(i18n, errors.conflict_stale).to_string(),
        ConflictCode::TrainingFull => t_string!(i18n, errors.conflict_training_full).to_string(),
        ConflictCode::AlreadyRegistered => {
            t_string!(i18n, errors.conflict_already_registered).to_string()
        }
        ConflictCode::MenteeKnown { .. } => {
            t_string!(i18n, errors.conflict_mentee_known).to_string()
        }
        ConflictCode::AgreementUnsigned => {
            t_string!(i18n, errors.conflict_agreement_unsigned).to_string()
        }
        ConflictCode::EditWindowClosed => {
            t_string!(i18n, errors.conflict_edit_window_closed).to_string()
        }
        ConflictCode::EvaluationsMissing => {
            t_string!(i18n, errors.conflict_evaluations_missing).to_string()
        }
        ConflictCode::InOpenDuo => t_string!(i18n, errors.conflict_in_open_duo).to_string(),
        ConflictCode::Anonymised => t_string!(i18n, errors.conflict_anonymised).to_string(),
        ConflictCode::FollowUpNotDue { due_on } => {
            let date = crate::pages::coordinator::duos::day_text(*due_on);
            t_string!(
                i18n,
                errors.conflict_follow_up_not_due,
                date = date.as_str()
            )
            .to_string()
        }
        ConflictCode::TrainingNotStarted => {
            t_string!(i18n, errors.conflict_training_not_started).to_string()
        }
        ConflictCode::NotScreened { missing } => missing
            .iter()
            .map(|step| match step {
                ScreeningStep::Intake => t_string!(i18n, errors.conflict_needs_intake).to_string(),
                ScreeningStep::Training => {
                    t_string!(i18n, errors.conflict_needs_training).to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" "),
        ConflictCode::PairForbidden { reasons } => {
            let why = super::match_explain::reasons_text(i18n, reasons);
            t_string!(i18n, errors.conflict_pair_forbidden, reasons = why).to_string()
        }
        ConflictCode::IllegalTransition { from, to } => t_string!(
            i18n,
            errors.conflict_transition,
            from = from.as_str(),
            to = to.as_str()
        )
        .to_string(),
    }
}

/// Below a form: the error its fields do not show (a refusal of the whole step, an internal
/// error), if any. Field errors stay with their fields.
#[component]
pub fn FormError(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    move || {
        error
            .get()
            .filter(|e| !matches!(e, AppError::Validation(_)))
            .map(|error| view! { <ErrorNotice error /> })
    }
}

/// A page-level error: what happened, and a way forward where there is one.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    let sign_in = matches!(error, AppError::Unauthenticated);
    let text = app_error_text(i18n, &error);
    view! {
        <div class="notice error" role="alert">
            <p>{text}</p>
            {sign_in.then(|| view! { <p><A href="/sign-in">{t!(i18n, nav.sign_in)}</A></p> })}
        </div>
    }
}

/// The errors for one field, linked to it by `id` for `aria-describedby`.
#[component]
pub fn FieldErrors(
    id: String,
    error: Signal<Option<AppError>>,
    #[prop(into)] field: String,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let codes = error
            .get()
            .map(|e| e.field_errors(&field))
            .unwrap_or_default();
        (!codes.is_empty()).then(|| {
            view! {
                <p class="field-error" id=id.clone()>
                    {codes.iter().map(|c| error_code_text(i18n, c)).collect::<Vec<_>>().join(" ")}
                </p>
            }
        })
    }
}
