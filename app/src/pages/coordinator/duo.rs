//! One duo, for its coordinator: the facts, the step it is at (introduction, agreement, start,
//! closing) with the form that takes it further, and its timeline of meetings and status
//! changes. The closing steps live in `duo_closing`.

use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::duo_closing::{ClosingCard, ClosureCard, EndEvaluationsCard};
use super::duos::{AlertList, day_text};
use crate::components::action_plan::ActionPlan;
use crate::components::confirm::ConfirmButton;
use crate::components::errors::{ErrorNotice, FieldErrors, FormError};
use crate::components::form::{BoundInput, BoundSelect, action_error, success_version};
use crate::components::labels::{
    contact_kind_label, contact_person_label, dimension_label, duo_status_label, duration_text,
    meeting_topic_label, reason_label,
};
use crate::domain::duo::{DeclineReason, DuoStatus, IntroductionAnswer};
use crate::domain::evaluation::{Dimension, DimensionScores, EvaluationKind, Respondent};
use crate::domain::local_time;
use crate::domain::monitoring::Alert;
use crate::domain::support::{ContactKind, ContactPerson, EXPECTED_PEER_SESSIONS_PER_DUO};
use crate::error::AppError;
use crate::features::duos::api::{
    BeginClosing, CloseDuo, LogContact, RecordFollowUp, RecordIntroduction, RemindMentor,
    ScheduleIntroduction, SignAgreement, StartDuo, get_duo,
};
use crate::features::duos::types::{
    Agreement, AssessmentView, ContactForm, ContactView, DuoDetail, DuoStart, Introduction,
    IntroductionPlan, IntroductionReport, MeetingView, StatusLine,
};
use crate::i18n::*;

/// The actions of the page, shared by its cards.
#[derive(Clone, Copy)]
pub(super) struct Steps {
    plan: ServerAction<ScheduleIntroduction>,
    answers: ServerAction<RecordIntroduction>,
    sign: ServerAction<SignAgreement>,
    start: ServerAction<StartDuo>,
    contact: ServerAction<LogContact>,
    remind: ServerAction<RemindMentor>,
    pub(super) begin: ServerAction<BeginClosing>,
    pub(super) close: ServerAction<CloseDuo>,
    pub(super) follow_up: ServerAction<RecordFollowUp>,
    /// Bumped by the action plan after each change.
    plan_changed: RwSignal<usize>,
}

#[component]
pub fn DuoPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i32>().ok())
    };
    let steps = Steps {
        plan: ServerAction::new(),
        answers: ServerAction::new(),
        sign: ServerAction::new(),
        start: ServerAction::new(),
        contact: ServerAction::new(),
        remind: ServerAction::new(),
        begin: ServerAction::new(),
        close: ServerAction::new(),
        follow_up: ServerAction::new(),
        plan_changed: RwSignal::new(0),
    };
    // Each step that succeeds reloads the duo.
    let versions = [
        success_version(steps.plan),
        success_version(steps.answers),
        success_version(steps.sign),
        success_version(steps.start),
        success_version(steps.contact),
        success_version(steps.begin),
        success_version(steps.close),
        success_version(steps.follow_up),
    ];
    let detail = Resource::new(
        move || (id(), versions.map(|v| v.get()), steps.plan_changed.get()),
        |(id, ..)| async move {
            match id {
                Some(id) => get_duo(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <p><A href="/coordinator/duos">{t!(i18n, duo.back)}</A></p>
        <Transition fallback=move || view! { <p role="status">{t!(i18n, app.loading)}</p> }>
            {move || {
                detail.get().map(|result| match result {
                    Ok(detail) => view! { <DuoView detail steps /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                })
            }}
        </Transition>
    }
}

#[component]
fn DuoView(detail: DuoDetail, steps: Steps) -> impl IntoView {
    let i18n = use_i18n();
    let plan_changed = steps.plan_changed;
    let title = {
        let (mentor, mentee) = (detail.mentor.name.clone(), detail.mentee.name.clone());
        move || {
            t_string!(
                i18n,
                duos.pair,
                mentor = mentor.as_str(),
                mentee = mentee.as_str()
            )
            .to_string()
        }
    };
    let status = detail.status;
    let step = match status {
        DuoStatus::Proposed => view! {
            <IntroductionCard duo_id=detail.id introduction=detail.introduction.clone() today=detail.today steps />
        }
        .into_any(),
        DuoStatus::Introduced => view! {
            <AgreementCard duo_id=detail.id agreement=detail.agreement.clone() steps />
            <StartCard duo_id=detail.id ready=detail.agreement.as_ref().is_some_and(Agreement::signed_by_both) today=detail.today steps />
        }
        .into_any(),
        DuoStatus::Active => view! { <ClosingCard detail=detail.clone() steps /> }.into_any(),
        DuoStatus::Closing => view! { <EndEvaluationsCard detail=detail.clone() steps /> }.into_any(),
        DuoStatus::Closed => view! { <ClosureCard detail=detail.clone() steps /> }.into_any(),
        _ => ().into_any(),
    };
    let alerts = detail.alerts.clone();
    let overdue = alerts.iter().any(|a| matches!(a, Alert::NoMeeting { .. }));
    let mentor = detail.mentor.name.clone();
    let past_introduction = (status != DuoStatus::Proposed)
        .then(|| detail.introduction.clone())
        .flatten();
    let past_agreement = (status != DuoStatus::Introduced)
        .then(|| detail.agreement.clone())
        .flatten();
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <dl class="facts">
            <dt>{t!(i18n, duo.mentor)}</dt>
            <dd><A href=format!("/coordinator/mentors/{}", detail.mentor.id)>{detail.mentor.name.clone()}</A></dd>
            <dt>{t!(i18n, duo.mentee)}</dt>
            <dd><A href=format!("/coordinator/mentees/{}", detail.mentee.id)>{detail.mentee.name.clone()}</A></dd>
            <dt>{t!(i18n, duo.status)}</dt>
            <dd>{move || duo_status_label(i18n, status)}</dd>
            {detail.goal.clone().map(|goal| view! { <dt>{t!(i18n, duo.goal)}</dt><dd>{goal}</dd> })}
            {detail.score.map(|score| view! { <dt>{t!(i18n, duo.score)}</dt><dd>{score}</dd> })}
            {detail.started_on.map(|d| view! { <dt>{t!(i18n, duo.started)}</dt><dd>{day_text(d)}</dd> })}
            {detail.planned_end_on.map(|d| view! { <dt>{t!(i18n, duo.planned_end)}</dt><dd>{day_text(d)}</dd> })}
            {detail.ended_on.map(|d| view! { <dt>{t!(i18n, closing.ended)}</dt><dd>{day_text(d)}</dd> })}
        </dl>
        {(status >= DuoStatus::Active && status != DuoStatus::Declined).then(|| {
            let count = detail.peer_sessions;
            let expected = EXPECTED_PEER_SESSIONS_PER_DUO;
            view! {
                <p class="hint">{move || t_string!(i18n, peer.on_duo, count = count, expected = expected).to_string()}</p>
            }
        })}
        {(!alerts.is_empty()).then(|| view! {
            <section class="notice warning" aria-labelledby="alerts-title">
                <h2 id="alerts-title">{t!(i18n, duo.alerts_title)}</h2>
                <AlertList alerts=alerts.clone() />
                {overdue.then(|| view! { <RemindButton duo_id=detail.id mentor=mentor.clone() steps /> })}
            </section>
        })}
        {step}
        {past_introduction.map(|introduction| view! {
            <section class="card" aria-labelledby="intro-title">
                <h2 id="intro-title">{t!(i18n, duo.intro_title)}</h2>
                <IntroductionFacts introduction />
            </section>
        })}
        {past_agreement.map(|agreement| view! { <AgreementFacts agreement /> })}
        {(status >= DuoStatus::Active && status != DuoStatus::Declined).then(|| view! {
            <section class="card plan" aria-labelledby="plan-title">
                <h2 id="plan-title">{t!(i18n, plan.title)}</h2>
                <ActionPlan duo_id=detail.id goals=detail.plan.clone() editable=status == DuoStatus::Active changed=plan_changed />
            </section>
        })}
        {(status >= DuoStatus::Active || !detail.meetings.is_empty()).then(|| view! {
            <Contacts duo_id=detail.id contacts=detail.contacts.clone() today=detail.today steps />
            <Assessments assessments=detail.assessments.clone() />
            <Meetings meetings=detail.meetings.clone() />
        })}
        <History lines=detail.history.clone() />
    }
}

#[component]
fn IntroductionFacts(introduction: Introduction) -> impl IntoView {
    let i18n = use_i18n();
    let answer = move |answer: Option<IntroductionAnswer>| match answer {
        Some(IntroductionAnswer::Accepted) => t_string!(i18n, duo.answer_accepted),
        Some(IntroductionAnswer::Declined) => t_string!(i18n, duo.answer_declined),
        None => "",
    };
    let (mentor, mentee) = (introduction.mentor_answer, introduction.mentee_answer);
    view! {
        <dl class="facts">
            <dt>{t!(i18n, duo.intro_when)}</dt>
            <dd>{local_time::display(introduction.at)}</dd>
            <dt>{t!(i18n, duo.intro_place)}</dt>
            <dd>{introduction.place.clone()}</dd>
            {mentor.is_some().then(|| view! {
                <dt>{t!(i18n, duo.answer_mentor)}</dt>
                <dd>{move || answer(mentor)}</dd>
                <dt>{t!(i18n, duo.answer_mentee)}</dt>
                <dd>{move || answer(mentee)}</dd>
            })}
        </dl>
    }
}

/// A proposed duo: plan (or move) its introduction, then record both answers.
#[component]
fn IntroductionCard(
    duo_id: i32,
    introduction: Option<Introduction>,
    today: chrono::NaiveDate,
    steps: Steps,
) -> impl IntoView {
    let i18n = use_i18n();
    let at = RwSignal::new(
        introduction
            .as_ref()
            .map(|i| local_time::format_local(i.at))
            .unwrap_or_default(),
    );
    let place = RwSignal::new(
        introduction
            .as_ref()
            .map(|i| i.place.clone())
            .unwrap_or_default(),
    );
    let plan_error = action_error(steps.plan);
    let planned = introduction.is_some();
    let on_plan = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        steps.plan.dispatch(ScheduleIntroduction {
            plan: IntroductionPlan {
                duo_id,
                at: at.get(),
                place: place.get(),
            },
        });
    };
    let min = format!("{today}T00:00");
    view! {
        <section class="card" aria-labelledby="intro-title">
            <h2 id="intro-title">{t!(i18n, duo.intro_title)}</h2>
            {match introduction {
                Some(introduction) => view! { <IntroductionFacts introduction /> }.into_any(),
                None => view! { <p class="empty">{t!(i18n, duo.intro_none)}</p> }.into_any(),
            }}
            <form novalidate=true on:submit=on_plan>
                <div class="field">
                    <label for="intro-at">{t!(i18n, duo.intro_at)}</label>
                    <input id="intro-at" type="datetime-local" required=true min=min
                        prop:value=at on:input=move |ev| at.set(event_target_value(&ev))
                        aria-describedby="intro-at-error" />
                    <FieldErrors id="intro-at-error".to_owned() error=plan_error field="at" />
                </div>
                <BoundInput id="intro-place" field="place" label=Signal::derive(move || t_string!(i18n, duo.intro_place).to_string()) value=place error=plan_error />
                <button type="submit" class="button" disabled=move || steps.plan.pending().get()>
                    {move || if planned { t_string!(i18n, duo.intro_move) } else { t_string!(i18n, duo.intro_plan) }}
                </button>
                {move || steps.plan.value().get().and_then(Result::ok).map(|()| view! {
                    <p class="notice success" role="status">{t!(i18n, duo.intro_planned)}</p>
                })}
            </form>
        </section>
        {planned.then(|| view! { <AnswersCard duo_id steps /> })}
    }
}

/// One side's answer as a pair of radio buttons in a labelled group.
#[component]
fn AnswerChoice(
    field: &'static str,
    #[prop(into)] legend: Signal<String>,
    value: RwSignal<String>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("answer-{field}-error");
    let described_by = error_id.clone();
    let option = move |answer: IntroductionAnswer| {
        let id = format!("answer-{field}-{}", answer.as_str());
        let label_for = id.clone();
        let text = move || match answer {
            IntroductionAnswer::Accepted => t_string!(i18n, duo.answer_accepted),
            IntroductionAnswer::Declined => t_string!(i18n, duo.answer_declined),
        };
        view! {
            <label class="choice" for=label_for>
                <input id=id type="radio" name=format!("answer-{field}") value=answer.as_str()
                    prop:checked=move || value.get() == answer.as_str()
                    on:change=move |_| value.set(answer.as_str().to_owned()) />
                {text}
            </label>
        }
    };
    view! {
        <fieldset class="choices" aria-describedby=described_by>
            <legend>{legend}</legend>
            {option(IntroductionAnswer::Accepted)}
            {option(IntroductionAnswer::Declined)}
            <FieldErrors id=error_id error field=field />
        </fieldset>
    }
}

#[component]
fn AnswersCard(duo_id: i32, steps: Steps) -> impl IntoView {
    let i18n = use_i18n();
    let mentor = RwSignal::new(String::new());
    let mentee = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let error = action_error(steps.answers);
    let declined = move || {
        let no = IntroductionAnswer::Declined.as_str();
        mentor.get() == no || mentee.get() == no
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        steps.answers.dispatch(RecordIntroduction {
            report: IntroductionReport {
                duo_id,
                mentor: mentor.get(),
                mentee: mentee.get(),
                reason: if declined() {
                    reason.get()
                } else {
                    String::new()
                },
            },
        });
    };
    // Built each time the reason field is shown: views are not `Clone` in the browser build,
    // whose components are type-erased.
    let options = move || {
        DeclineReason::ALL
            .iter()
            .filter(|r| **r != DeclineReason::CoordinatorWithdrew)
            .map(|r| {
                let code = r.as_str();
                view! {
                    <option value=code selected=move || reason.get() == code>
                        {move || reason_label(i18n, code)}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        <section class="card" aria-labelledby="answers-title">
            <h2 id="answers-title">{t!(i18n, duo.answers_title)}</h2>
            <form novalidate=true on:submit=on_submit>
                <AnswerChoice field="mentor" legend=Signal::derive(move || t_string!(i18n, duo.answer_mentor).to_string()) value=mentor error />
                <AnswerChoice field="mentee" legend=Signal::derive(move || t_string!(i18n, duo.answer_mentee).to_string()) value=mentee error />
                <Show when=declined>
                    <div class="field">
                        <label for="answer-reason">{t!(i18n, duo.reason)}</label>
                        <select id="answer-reason" required=true aria-describedby="answer-reason-hint answer-reason-error"
                            on:change=move |ev| reason.set(event_target_value(&ev))>
                            <option value="">{t!(i18n, duo.reason_choose)}</option>
                            {options()}
                        </select>
                        <p id="answer-reason-hint" class="hint">{t!(i18n, duo.reason_hint)}</p>
                        <FieldErrors id="answer-reason-error".to_owned() error field="reason" />
                    </div>
                </Show>
                <button type="submit" class="button" disabled=move || steps.answers.pending().get()>
                    {t!(i18n, duo.record_answers)}
                </button>
                <FormError error />
            </form>
        </section>
    }
}

fn signature_text(i18n: I18nContext<Locale>, at: Option<chrono::DateTime<chrono::Utc>>) -> String {
    match at {
        Some(at) => {
            let date = day_text(local_time::to_local(at).date());
            t_string!(i18n, duo.signed_on, date = date).to_string()
        }
        None => t_string!(i18n, duo.not_signed).to_string(),
    }
}

#[component]
fn AgreementFacts(agreement: Agreement) -> impl IntoView {
    let i18n = use_i18n();
    let version = agreement.version.clone();
    let (mentor, mentee) = (agreement.mentor_signed_at, agreement.mentee_signed_at);
    view! {
        <section class="card" aria-labelledby="agreement-title">
            <h2 id="agreement-title">{t!(i18n, duo.agreement_title)}</h2>
            <p>{t!(i18n, duo.agreement_text)}</p>
            <p class="hint">{move || t_string!(i18n, duo.agreement_version, version = version.as_str()).to_string()}</p>
            <dl class="facts">
                <dt>{t!(i18n, duo.mentor)}</dt>
                <dd>{move || signature_text(i18n, mentor)}</dd>
                <dt>{t!(i18n, duo.mentee)}</dt>
                <dd>{move || signature_text(i18n, mentee)}</dd>
            </dl>
        </section>
    }
}

/// An introduced duo: the agreement's text and each side's signature, recorded at the meeting.
#[component]
fn AgreementCard(duo_id: i32, agreement: Option<Agreement>, steps: Steps) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(steps.sign);
    let sign = move |side: Respondent| {
        steps.sign.dispatch(SignAgreement { duo_id, side });
    };
    let unsigned = |at: Option<_>| at.is_none();
    let (mentor_open, mentee_open) = agreement
        .as_ref()
        .map(|a| (unsigned(a.mentor_signed_at), unsigned(a.mentee_signed_at)))
        .unwrap_or((false, false));
    view! {
        {agreement.map(|agreement| view! { <AgreementFacts agreement /> })}
        <div class="actions">
            {mentor_open.then(|| view! {
                <button type="button" class="button" disabled=move || steps.sign.pending().get()
                    on:click=move |_| sign(Respondent::Mentor)>{t!(i18n, duo.sign_mentor)}</button>
            })}
            {mentee_open.then(|| view! {
                <button type="button" class="button" disabled=move || steps.sign.pending().get()
                    on:click=move |_| sign(Respondent::Mentee)>{t!(i18n, duo.sign_mentee)}</button>
            })}
        </div>
        {move || error.get().map(|error| view! { <ErrorNotice error /> })}
    }
}

#[component]
fn StartCard(duo_id: i32, ready: bool, today: chrono::NaiveDate, steps: Steps) -> impl IntoView {
    let i18n = use_i18n();
    let started_on = RwSignal::new(today.to_string());
    let planned_end_on = RwSignal::new(String::new());
    let error = action_error(steps.start);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        steps.start.dispatch(StartDuo {
            start: DuoStart {
                duo_id,
                started_on: started_on.get(),
                planned_end_on: planned_end_on.get(),
            },
        });
    };
    view! {
        <section class="card" aria-labelledby="start-title">
            <h2 id="start-title">{t!(i18n, duo.start_title)}</h2>
            {if ready {
                view! {
                    <form novalidate=true on:submit=on_submit>
                        <BoundInput id="start-on" field="started_on" input_type="date" label=Signal::derive(move || t_string!(i18n, duo.start_date).to_string()) value=started_on error />
                        <BoundInput id="start-end" field="planned_end_on" input_type="date" required=false label=Signal::derive(move || t_string!(i18n, duo.end_date).to_string()) value=planned_end_on error />
                        <p class="hint">{t!(i18n, duo.end_hint)}</p>
                        <button type="submit" class="button" disabled=move || steps.start.pending().get()>{t!(i18n, duo.start)}</button>
                        <FormError error />
                    </form>
                }.into_any()
            } else {
                view! { <p class="empty">{t!(i18n, duo.start_needs_signatures)}</p> }.into_any()
            }}
        </section>
    }
}

/// A meeting as one line of a timeline: when, how long, what about, and its notes; `children`
/// (an action on it) come last.
#[component]
pub fn MeetingItem(
    meeting: MeetingView,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let topics = meeting.topics.clone();
    view! {
        <li class="meeting">
            <p class="meeting-head">
                <strong>{day_text(meeting.held_on)}</strong>
                " · "
                {duration_text(meeting.minutes)}
            </p>
            {(!topics.is_empty()).then(|| view! {
                <ul class="chips" aria-label=move || t_string!(i18n, meeting.topics)>
                    {topics.iter().map(|&topic| view! { <li class="chip">{move || meeting_topic_label(i18n, topic)}</li> }).collect_view()}
                </ul>
            })}
            {meeting.note.clone().map(|note| view! { <p>{note}</p> })}
            {meeting.next_steps.clone().map(|steps| view! {
                <p><strong>{t!(i18n, mentor_home.next_steps)}": "</strong>{steps}</p>
            })}
            {children.map(|children| children())}
        </li>
    }
}

#[component]
fn Meetings(meetings: Vec<MeetingView>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="meetings-title">
            <h2 id="meetings-title">{t!(i18n, duo.meetings_title)}</h2>
            {if meetings.is_empty() {
                view! { <p class="empty">{t!(i18n, duo.no_meetings)}</p> }.into_any()
            } else {
                view! {
                    <ul class="timeline">
                        {meetings.into_iter().map(|meeting| view! { <MeetingItem meeting /> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// A friendly e-mail to the mentor, asked for once more before it goes.
#[component]
fn RemindButton(duo_id: i32, mentor: String, steps: Steps) -> impl IntoView {
    let i18n = use_i18n();
    let sent = move || matches!(steps.remind.value().get(), Some(Ok(())));
    let error = action_error(steps.remind);
    view! {
        <Show when=sent fallback=move || {
            let mentor = mentor.clone();
            view! {
                <ConfirmButton
                    label=Signal::derive(move || t_string!(i18n, duo.remind).to_string())
                    question=Signal::derive(move || t_string!(i18n, duo.remind_confirm, name = mentor.as_str()).to_string())
                    pending=steps.remind.pending()
                    on_confirm=Callback::new(move |()| { steps.remind.dispatch(RemindMentor { duo_id }); })
                />
            }
        }>
            <p role="status">{t!(i18n, duo.reminded)}</p>
        </Show>
        {move || error.get().map(|error| view! { <ErrorNotice error /> })}
    }
}

/// The coordinator's check-ins with the duo, and the form to log one.
#[component]
fn Contacts(
    duo_id: i32,
    contacts: Vec<ContactView>,
    today: chrono::NaiveDate,
    steps: Steps,
) -> impl IntoView {
    let i18n = use_i18n();
    let date = RwSignal::new(today.to_string());
    let kind = RwSignal::new(String::new());
    let person = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let error = action_error(steps.contact);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        steps.contact.dispatch(LogContact {
            contact: ContactForm {
                duo_id,
                contacted_on: date.get(),
                kind: kind.get(),
                person: person.get(),
                note: note.get(),
            },
        });
    };
    let kinds = Signal::derive(move || {
        ContactKind::ALL
            .iter()
            .map(|k| {
                (
                    k.as_str().to_owned(),
                    contact_kind_label(i18n, *k).to_owned(),
                )
            })
            .collect::<Vec<_>>()
    });
    let persons = Signal::derive(move || {
        ContactPerson::ALL
            .iter()
            .map(|p| {
                (
                    p.as_str().to_owned(),
                    contact_person_label(i18n, *p).to_owned(),
                )
            })
            .collect::<Vec<_>>()
    });
    view! {
        <section class="card" aria-labelledby="contacts-title">
            <h2 id="contacts-title">{t!(i18n, duo.contacts_title)}</h2>
            {if contacts.is_empty() {
                view! { <p class="empty">{t!(i18n, duo.no_contacts)}</p> }.into_any()
            } else {
                view! {
                    <ul class="timeline">
                        {contacts.into_iter().map(|c| {
                            let (kind, person) = (c.kind, c.person);
                            view! {
                                <li>
                                    <strong>{day_text(c.contacted_on)}</strong>
                                    " · " {move || contact_kind_label(i18n, kind)}
                                    " · " {move || contact_person_label(i18n, person)}
                                    " · " {c.by.clone()}
                                    {c.note.clone().map(|note| view! { <p>{note}</p> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <form novalidate=true on:submit=on_submit>
                <BoundInput id="contact-date" field="contacted_on" input_type="date" label=Signal::derive(move || t_string!(i18n, duo.contact_date).to_string()) value=date error />
                <BoundSelect id="contact-kind" field="kind" label=Signal::derive(move || t_string!(i18n, duo.contact_kind).to_string()) placeholder=Signal::derive(move || t_string!(i18n, duo.contact_choose).to_string()) options=kinds value=kind error />
                <BoundSelect id="contact-person" field="person" label=Signal::derive(move || t_string!(i18n, duo.contact_person).to_string()) placeholder=Signal::derive(move || t_string!(i18n, duo.contact_choose).to_string()) options=persons value=person error />
                <BoundInput id="contact-note" field="note" required=false label=Signal::derive(move || t_string!(i18n, duo.contact_note).to_string()) value=note error />
                <button type="submit" class="button" disabled=move || steps.contact.pending().get()>{t!(i18n, duo.contact_save)}</button>
            </form>
        </section>
    }
}

/// The mentee's answers per dimension at the start and the end, and the change between them.
#[component]
fn Assessments(assessments: Vec<AssessmentView>) -> impl IntoView {
    let i18n = use_i18n();
    let of = |kind: EvaluationKind| {
        assessments
            .iter()
            .find(|a| a.kind == kind)
            .map(|a| a.scores)
    };
    let (start, end) = (of(EvaluationKind::Start), of(EvaluationKind::End));
    let cell = |scores: Option<DimensionScores>, dimension: Dimension| {
        scores
            .map(|s| s.get(dimension).get().to_string())
            .unwrap_or_default()
    };
    view! {
        <section class="card" aria-labelledby="assessments-title">
            <h2 id="assessments-title">{t!(i18n, duo.assessments_title)}</h2>
            {if start.is_none() && end.is_none() {
                view! { <p class="empty">{t!(i18n, duo.assessments_none)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table>
                            <thead>
                                <tr>
                                    <th scope="col">{t!(i18n, duo.col_dimension)}</th>
                                    <th scope="col">{t!(i18n, duo.col_start)}</th>
                                    <th scope="col">{t!(i18n, duo.col_end)}</th>
                                    <th scope="col">{t!(i18n, duo.col_change)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {Dimension::ALL.iter().map(|&dimension| {
                                    let change = start.zip(end).map(|(s, e)| {
                                        let delta = i16::from(e.get(dimension).get()) - i16::from(s.get(dimension).get());
                                        format!("{delta:+}")
                                    });
                                    view! {
                                        <tr>
                                            <th scope="row">{move || dimension_label(i18n, dimension)}</th>
                                            <td>{cell(start, dimension)}</td>
                                            <td>{cell(end, dimension)}</td>
                                            <td>{change}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn History(lines: Vec<StatusLine>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="history-title">
            <h2 id="history-title">{t!(i18n, duo.history_title)}</h2>
            <ol class="timeline">
                {lines.into_iter().rev().map(|line| {
                    let to = line.to;
                    let reason = line.reason.clone();
                    view! {
                        <li>
                            <time datetime=line.at.to_rfc3339()>{local_time::display(line.at)}</time>
                            " · "
                            {move || duo_status_label(i18n, to)}
                            {reason.map(|code| view! { " (" {move || reason_label(i18n, &code)} ")" })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}
