//! The end of a duo on its coordinator's page: starting the closing (early with a reason), the
//! two end evaluations and the outcome that closes it, then the follow-ups at 3, 6 and 12
//! months.

use leptos::prelude::*;

use super::duo::Steps;
use super::duos::day_text;
use crate::components::confirm::ConfirmButton;
use crate::components::errors::{FieldErrors, FormError};
use crate::components::form::{BoundInput, BoundSelect, action_error};
use crate::components::labels::{
    contract_label, outcome_label, reason_label, reported_text, scale_label,
};
use crate::domain::duo::StopReason;
use crate::domain::evaluation::EvaluationKind;
use crate::domain::outcome::{ContractType, Outcome};
use crate::error::AppError;
use crate::features::duos::api::{BeginClosing, CloseDuo, RecordFollowUp};
use crate::features::duos::types::{ClosingForm, DuoDetail, FollowUpView, OutcomeForm};
use crate::i18n::*;

/// An active duo: start closing it, today. Before the planned end a reason is needed.
#[component]
pub(super) fn ClosingCard(detail: DuoDetail, steps: Steps) -> impl IntoView {
    let i18n = use_i18n();
    let reason = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let error = action_error(steps.begin);
    let duo_id = detail.id;
    let reasons = Signal::derive(move || {
        StopReason::ALL
            .iter()
            .map(|r| (r.as_str().to_owned(), reason_label(i18n, r.as_str())))
            .collect::<Vec<_>>()
    });
    let end = detail.planned_end_on.map(day_text).unwrap_or_default();
    view! {
        <section class="card" aria-labelledby="closing-title">
            <h2 id="closing-title">{t!(i18n, closing.title)}</h2>
            <p>{move || t_string!(i18n, closing.text, date = end.as_str()).to_string()}</p>
            <BoundSelect id="closing-reason" field="reason"
                label=Signal::derive(move || t_string!(i18n, closing.reason).to_string())
                placeholder=Signal::derive(move || t_string!(i18n, closing.reason_choose).to_string())
                options=reasons value=reason error />
            <p class="hint">{t!(i18n, closing.reason_hint)}</p>
            <BoundInput id="closing-note" field="note" required=false
                label=Signal::derive(move || t_string!(i18n, closing.note).to_string()) value=note error />
            <ConfirmButton
                class="button"
                label=Signal::derive(move || t_string!(i18n, closing.start).to_string())
                question=Signal::derive(move || t_string!(i18n, closing.confirm).to_string())
                pending=steps.begin.pending()
                on_confirm=Callback::new(move |()| {
                    steps.begin.dispatch(BeginClosing {
                        closing: ClosingForm { duo_id, reason: reason.get(), note: note.get() },
                    });
                })
            />
            <FormError error />
        </section>
    }
}

/// The outcome's fields; the contract and its length only for a job.
#[component]
fn OutcomeFields(
    prefix: &'static str,
    outcome: RwSignal<String>,
    contract: RwSignal<String>,
    lasts: RwSignal<String>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let outcomes = Signal::derive(move || {
        Outcome::ALL
            .iter()
            .map(|o| (o.as_str().to_owned(), outcome_label(i18n, *o).to_owned()))
            .collect::<Vec<_>>()
    });
    let contracts = Signal::derive(move || {
        ContractType::ALL
            .iter()
            .map(|c| (c.as_str().to_owned(), contract_label(i18n, *c).to_owned()))
            .collect::<Vec<_>>()
    });
    let ids: &'static [&'static str; 3] = match prefix {
        "close" => &["close-outcome", "close-contract", "close-lasts"],
        _ => &["follow-outcome", "follow-contract", "follow-lasts"],
    };
    let lasts_error = format!("{}-error", ids[2]);
    let described_by = lasts_error.clone();
    let choice = move |value: &'static str| {
        let id = format!("{}-{value}", ids[2]);
        let label_for = id.clone();
        view! {
            <label class="choice" for=label_for>
                <input id=id type="radio" name=ids[2] value=value
                    prop:checked=move || lasts.get() == value
                    on:change=move |_| lasts.set(value.to_owned()) />
                {move || if value == "yes" { t_string!(i18n, closing.yes) } else { t_string!(i18n, closing.no) }}
            </label>
        }
    };
    view! {
        <BoundSelect id=ids[0] field="outcome"
            label=Signal::derive(move || t_string!(i18n, closing.outcome).to_string())
            placeholder=Signal::derive(move || t_string!(i18n, closing.outcome_choose).to_string())
            options=outcomes value=outcome error />
        <Show when=move || outcome.get() == Outcome::Job.as_str()>
            <BoundSelect id=ids[1] field="contract_type"
                label=Signal::derive(move || t_string!(i18n, closing.contract).to_string())
                placeholder=Signal::derive(move || t_string!(i18n, closing.contract_choose).to_string())
                options=contracts value=contract error />
            <fieldset class="choices" aria-describedby=described_by.clone()>
                <legend>{t!(i18n, closing.lasts)}</legend>
                {choice("yes")}
                {choice("no")}
                <FieldErrors id=lasts_error.clone() error field="lasts_three_months" />
            </fieldset>
        </Show>
    }
}

/// A closing duo: where the two end evaluations are, then the outcome that closes it.
#[component]
pub(super) fn EndEvaluationsCard(detail: DuoDetail, steps: Steps) -> impl IntoView {
    let i18n = use_i18n();
    let mentee_done = detail
        .assessments
        .iter()
        .any(|a| a.kind == EvaluationKind::End);
    let evaluation = detail.mentor_evaluation.clone();
    let state = move |done: bool| {
        if done {
            t_string!(i18n, closing.done)
        } else {
            t_string!(i18n, closing.not_yet)
        }
    };
    let (outcome, contract, lasts) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let note = RwSignal::new(String::new());
    let error = action_error(steps.close);
    let duo_id = detail.id;
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        steps.close.dispatch(CloseDuo {
            outcome: OutcomeForm {
                target: duo_id,
                outcome: outcome.get(),
                contract_type: contract.get(),
                lasts_three_months: lasts.get(),
                note: note.get(),
            },
        });
    };
    let mentor_done = evaluation.is_some();
    view! {
        {move || steps.begin.value().get().and_then(Result::ok).map(|()| view! {
            <p class="notice success" role="status">{t!(i18n, closing.started)}</p>
        })}
        <section class="card" aria-labelledby="end-evaluations-title">
            <h2 id="end-evaluations-title">{t!(i18n, closing.evaluations_title)}</h2>
            <dl class="facts">
                <dt>{t!(i18n, closing.mentee_assessment)}</dt>
                <dd>{move || state(mentee_done)}</dd>
                <dt>{t!(i18n, closing.mentor_evaluation)}</dt>
                <dd>{move || state(mentor_done)}</dd>
            </dl>
            {evaluation.map(|evaluation| view! {
                {evaluation.satisfaction.map(|score| {
                    let score = score.get();
                    view! {
                        <p>{move || {
                            let text = format!("{score} · {}", scale_label(i18n, score));
                            t_string!(i18n, closing.satisfaction, score = text).to_string()
                        }}</p>
                    }
                })}
                {evaluation.comment.clone().map(|comment| view! { <blockquote>{comment}</blockquote> })}
            })}
        </section>
        <section class="card" aria-labelledby="outcome-title">
            <h2 id="outcome-title">{t!(i18n, closing.outcome_title)}</h2>
            <p class="hint">{t!(i18n, closing.outcome_hint)}</p>
            <form novalidate=true on:submit=on_submit>
                <OutcomeFields prefix="close" outcome contract lasts error />
                <BoundInput id="close-note" field="note" required=false
                    label=Signal::derive(move || t_string!(i18n, closing.note).to_string()) value=note error />
                <button type="submit" class="button" disabled=move || steps.close.pending().get()>
                    {t!(i18n, closing.close)}
                </button>
                <FormError error />
            </form>
        </section>
    }
}

/// A closed duo: its outcome, and its follow-ups with the form for the one that is due.
#[component]
pub(super) fn ClosureCard(detail: DuoDetail, steps: Steps) -> impl IntoView {
    let i18n = use_i18n();
    let closure = detail.closure.clone();
    let today = detail.today;
    let due = detail
        .follow_ups
        .iter()
        .find(|f| f.done_on.is_none() && f.due_on <= today)
        .cloned();
    view! {
        {move || steps.close.value().get().and_then(Result::ok).map(|()| view! {
            <p class="notice success" role="status">{t!(i18n, closing.closed)}</p>
        })}
        {move || steps.follow_up.value().get().and_then(Result::ok).map(|()| view! {
            <p class="notice success" role="status">{t!(i18n, closing.follow_up_saved)}</p>
        })}
        {closure.map(|closure| {
            let reported = closure.reported;
            view! {
                <section class="card" aria-labelledby="closure-title">
                    <h2 id="closure-title">{t!(i18n, closing.outcome_title)}</h2>
                    <dl class="facts">
                        <dt>{t!(i18n, closing.outcome)}</dt>
                        <dd>{move || reported_text(i18n, &reported)} " (" {t!(i18n, closing.self_reported)} ")"</dd>
                        <dt>{t!(i18n, closing.closed_on)}</dt>
                        <dd>{day_text(closure.closed_on)}</dd>
                    </dl>
                    {closure.note.clone().map(|note| view! { <p>{note}</p> })}
                </section>
            }
        })}
        <section class="card" aria-labelledby="follow-ups-title">
            <h2 id="follow-ups-title">{t!(i18n, closing.follow_ups_title)}</h2>
            <div class="table-wrap">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, closing.col_when)}</th>
                            <th scope="col">{t!(i18n, closing.col_due)}</th>
                            <th scope="col">{t!(i18n, closing.col_result)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {detail.follow_ups.clone().into_iter().map(|f| view! { <FollowUpRow follow_up=f /> }).collect_view()}
                    </tbody>
                </table>
            </div>
            {due.map(|follow_up| view! { <FollowUpForm follow_up steps /> })}
        </section>
    }
}

#[component]
fn FollowUpRow(follow_up: FollowUpView) -> impl IntoView {
    let i18n = use_i18n();
    let months = follow_up.month.months();
    let reported = follow_up.reported;
    view! {
        <tr>
            <th scope="row">{move || t_string!(i18n, closing.follow_up_month, months = months).to_string()}</th>
            <td>{day_text(follow_up.due_on)}</td>
            <td>{move || match &reported {
                Some(reported) => reported_text(i18n, reported),
                None => t_string!(i18n, closing.follow_up_open).to_string(),
            }}</td>
        </tr>
    }
}

/// Records the follow-up that is due: what the mentee reports doing now.
#[component]
fn FollowUpForm(follow_up: FollowUpView, steps: Steps) -> impl IntoView {
    let i18n = use_i18n();
    let (outcome, contract, lasts) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let error = action_error(steps.follow_up);
    let target = follow_up.id;
    let months = follow_up.month.months();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        steps.follow_up.dispatch(RecordFollowUp {
            outcome: OutcomeForm {
                target,
                outcome: outcome.get(),
                contract_type: contract.get(),
                lasts_three_months: lasts.get(),
                note: String::new(),
            },
        });
    };
    view! {
        <form novalidate=true on:submit=on_submit>
            <p class="hint">{t!(i18n, closing.outcome_hint)}</p>
            <OutcomeFields prefix="follow" outcome contract lasts error />
            <button type="submit" class="button" disabled=move || steps.follow_up.pending().get()>
                {move || t_string!(i18n, closing.record_follow_up, months = months).to_string()}
            </button>
            <FormError error />
        </form>
    }
}
