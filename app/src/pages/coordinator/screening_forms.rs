//! The forms of the screening card: plan the interview, record it, move the person on.
//! Each keeps what was typed when the server refuses it, with the error beside its field.

use leptos::prelude::*;

use super::screening::general_error;
use crate::components::errors::ErrorNotice;
use crate::components::form::{BoundInput, BoundSelect};
use crate::components::labels::{
    mentee_status_label, mentor_status_label, reason_label, recommendation_label,
};
use crate::domain::intake::IntakeRecommendation;
use crate::domain::mentee::{MenteeStatus, MenteeWithdrawReason};
use crate::domain::mentor::{MentorExitReason, MentorStatus};
use crate::features::people::types::PersonKind;
use crate::features::pipeline::api::{ChangeStatus, RecordIntake, ScheduleIntake};
use crate::features::pipeline::types::{IntakeForSchedule, IntakeReport, StatusChangeRequest};
use crate::i18n::*;

#[component]
pub fn ScheduleForm(
    kind: PersonKind,
    id: i32,
    /// An interview is already planned, and this moves it.
    moving: bool,
    action: ServerAction<ScheduleIntake>,
) -> impl IntoView {
    let i18n = use_i18n();
    let at = RwSignal::new(String::new());
    let place = RwSignal::new(String::new());
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        action.dispatch(ScheduleIntake {
            intake: IntakeForSchedule {
                kind,
                person_id: id,
                at: at.get(),
                place: place.get(),
            },
        });
    };
    view! {
        <h3 id="schedule-title">
            {move || if moving { t_string!(i18n, screening.move_title) } else { t_string!(i18n, screening.schedule_title) }}
        </h3>
        {move || general_error(error.get()).map(|e| view! { <ErrorNotice error=e /> })}
        <form novalidate=true aria-labelledby="schedule-title" on:submit=on_submit>
            <BoundInput id="intake-at" field="at" value=at error input_type="datetime-local"
                label=Signal::derive(move || t_string!(i18n, screening.at).to_string()) />
            <BoundInput id="intake-place" field="place" value=place error
                label=Signal::derive(move || t_string!(i18n, screening.place).to_string()) />
            <p class="hint">{t!(i18n, screening.invitation_hint)}</p>
            <button type="submit" class="button" disabled=move || action.pending().get()>
                {move || if action.pending().get() { t_string!(i18n, app.saving) } else { t_string!(i18n, screening.schedule) }}
            </button>
        </form>
    }
}

#[component]
pub fn ReportForm(interview_id: i32, action: ServerAction<RecordIntake>) -> impl IntoView {
    let i18n = use_i18n();
    let scores = [(); 4].map(|_| RwSignal::new(String::new()));
    let recommendation = RwSignal::new(String::new());
    let notes = RwSignal::new(String::new());
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let one_to_five = Signal::derive(move || {
        (1..=5)
            .map(|n| {
                (
                    n.to_string(),
                    t_string!(i18n, screening.score_option, n = n).to_string(),
                )
            })
            .collect::<Vec<_>>()
    });
    let recommendations = Signal::derive(move || {
        IntakeRecommendation::ALL
            .iter()
            .map(|r| {
                (
                    r.as_str().to_owned(),
                    recommendation_label(i18n, *r).to_owned(),
                )
            })
            .collect::<Vec<_>>()
    });
    let choose = Signal::derive(move || t_string!(i18n, screening.choose).to_string());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let [motivation, communication, sector_knowledge, availability] = scores.map(|s| s.get());
        action.dispatch(RecordIntake {
            report: IntakeReport {
                interview_id,
                motivation,
                communication,
                sector_knowledge,
                availability,
                recommendation: recommendation.get(),
                notes: notes.get(),
            },
        });
    };
    view! {
        <h3 id="report-title">{t!(i18n, screening.report_title)}</h3>
        {move || general_error(error.get()).map(|e| view! { <ErrorNotice error=e /> })}
        <form novalidate=true aria-labelledby="report-title" on:submit=on_submit>
            <div class="field-row">
                <BoundSelect id="report-motivation" field="motivation" value=scores[0] error options=one_to_five placeholder=choose
                    label=Signal::derive(move || t_string!(i18n, screening.motivation).to_string()) />
                <BoundSelect id="report-communication" field="communication" value=scores[1] error options=one_to_five placeholder=choose
                    label=Signal::derive(move || t_string!(i18n, screening.communication).to_string()) />
                <BoundSelect id="report-sector" field="sector_knowledge" value=scores[2] error options=one_to_five placeholder=choose
                    label=Signal::derive(move || t_string!(i18n, screening.sector_knowledge).to_string()) />
                <BoundSelect id="report-availability" field="availability" value=scores[3] error options=one_to_five placeholder=choose
                    label=Signal::derive(move || t_string!(i18n, screening.availability).to_string()) />
            </div>
            <BoundSelect id="report-recommendation" field="recommendation" value=recommendation error options=recommendations placeholder=choose
                label=Signal::derive(move || t_string!(i18n, screening.recommendation).to_string()) />
            <div class="field">
                <label for="report-notes">{t!(i18n, screening.notes)}</label>
                <textarea id="report-notes" rows="4" prop:value=notes
                    on:input=move |ev| notes.set(event_target_value(&ev))></textarea>
            </div>
            <button type="submit" class="button" disabled=move || action.pending().get()>
                {move || if action.pending().get() { t_string!(i18n, app.saving) } else { t_string!(i18n, screening.save_report) }}
            </button>
        </form>
    }
}

#[component]
pub fn MoveForm(
    kind: PersonKind,
    id: i32,
    moves: Vec<String>,
    action: ServerAction<ChangeStatus>,
) -> impl IntoView {
    let i18n = use_i18n();
    if moves.is_empty() {
        return view! { <p class="empty">{t!(i18n, screening.no_moves)}</p> }.into_any();
    }
    let to = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let confirming = RwSignal::new(false);
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let is_mentor = kind == PersonKind::Mentors;
    let label_of =
        move |status: &str| match (MentorStatus::parse(status), MenteeStatus::parse(status)) {
            (Some(s), _) if is_mentor => mentor_status_label(i18n, s).to_owned(),
            (_, Some(s)) => mentee_status_label(i18n, s).to_owned(),
            _ => status.to_owned(),
        };
    let options = Signal::derive(move || {
        moves
            .iter()
            .map(|m| (m.clone(), label_of(m)))
            .collect::<Vec<_>>()
    });
    let needs_reason = move || {
        let target = to.get();
        if is_mentor {
            MentorStatus::parse(&target).is_some_and(MentorStatus::needs_reason)
        } else {
            MenteeStatus::parse(&target).is_some_and(MenteeStatus::needs_reason)
        }
    };
    // Leaving the programme ends the person's path: it is asked twice.
    let is_final = move || matches!(to.get().as_str(), "left" | "withdrawn");
    let reasons = Signal::derive(move || {
        let codes: Vec<&str> = if is_mentor {
            MentorExitReason::ALL.iter().map(|r| r.as_str()).collect()
        } else {
            MenteeWithdrawReason::ALL
                .iter()
                .map(|r| r.as_str())
                .collect()
        };
        codes
            .into_iter()
            .map(|c| (c.to_owned(), reason_label(i18n, c)))
            .collect::<Vec<_>>()
    });
    let send = move || {
        confirming.set(false);
        action.dispatch(ChangeStatus {
            change: StatusChangeRequest {
                kind,
                person_id: id,
                to: to.get(),
                reason: reason.get(),
            },
        });
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if is_final() && !confirming.get() {
            confirming.set(true);
        } else {
            send();
        }
    };
    view! {
        <h3 id="move-title">{t!(i18n, screening.move_on)}</h3>
        {move || general_error(error.get()).map(|e| view! { <ErrorNotice error=e /> })}
        <form novalidate=true aria-labelledby="move-title" on:submit=on_submit>
            <BoundSelect id="move-to" field="to" value=to error options placeholder=Signal::derive(move || t_string!(i18n, screening.choose).to_string())
                label=Signal::derive(move || t_string!(i18n, screening.new_status).to_string()) />
            <Show when=needs_reason>
                <BoundSelect id="move-reason" field="reason" value=reason error options=reasons
                    placeholder=Signal::derive(move || t_string!(i18n, screening.choose).to_string())
                    label=Signal::derive(move || t_string!(i18n, screening.reason).to_string()) />
            </Show>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button type="submit" class="button" disabled=move || action.pending().get() || to.read().is_empty()>
                        {move || if action.pending().get() { t_string!(i18n, app.saving) } else { t_string!(i18n, screening.change) }}
                    </button>
                }
            >
                <div role="alertdialog" aria-labelledby="move-confirm" class="confirm">
                    <p id="move-confirm">{t!(i18n, screening.confirm_leave)}</p>
                    <button type="submit" class="button danger">{t!(i18n, app.yes)}</button>
                    " "
                    <button type="button" class="button secondary" on:click=move |_| confirming.set(false)>{t!(i18n, app.cancel)}</button>
                </div>
            </Show>
        </form>
    }
    .into_any()
}
