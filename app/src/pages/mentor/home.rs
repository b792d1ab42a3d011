use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::components::errors::ErrorNotice;
use crate::components::form::action_error;
use crate::components::labels::duo_status_label;
use crate::components::meeting_queue::{self, use_waiting};
use crate::components::page_title::page_title;
use crate::domain::duo::DuoStatus;
use crate::domain::evaluation::Respondent;
use crate::domain::local_time;
use crate::domain::plan::next_steps;
use crate::domain::returning::ReturnAnswer;
use crate::features::duos::api::{AnswerReturn, SignAgreement};
use crate::features::duos::types::{Agreement, DuoSummary, MyDuo, ReturnInvitation};
use crate::i18n::*;
use crate::pages::coordinator::duo::MeetingItem;
use crate::pages::coordinator::duos::day_text;

/// Steps of the action plan the home shows.
const HOME_STEPS: usize = 3;

/// The mentor's home on their phone: their duo, the weeks done, one big button to log a
/// meeting, the latest meetings with their next steps, and what waits to be sent.
#[component]
pub fn MentorHomePage() -> impl IntoView {
    let i18n = use_i18n();
    let sent = RwSignal::new(0usize);
    let duo = Resource::new(move || sent.get(), |_| meeting_queue::my_duo());
    Effect::new(move || {
        if let Some(Ok(my)) = duo.get() {
            meeting_queue::keep_shown_duo(&my);
        }
    });
    let waiting = use_waiting(move |n| sent.update(|s| *s += n));
    let query = use_query_map();
    let saved = move || query.read().get("saved");
    view! {
        <Title text=page_title(move || t_string!(i18n, mentor_home.title).to_string()) />
        {move || saved().map(|what| view! {
            <p class="notice success" role="status">
                {move || match what.as_str() {
                    "assessment" => t_string!(i18n, assessment.saved),
                    "evaluation" => t_string!(i18n, evaluation.saved),
                    _ => t_string!(i18n, meeting.saved),
                }}
            </p>
        })}
        <Show when=move || { sent.get() > 0 }>
            <p class="notice success" role="status">{t!(i18n, meeting.sent_later)}</p>
        </Show>
        <Show when=move || !waiting.read().is_empty()>
            <section class="card waiting" aria-labelledby="waiting-title">
                <h2 id="waiting-title">{t!(i18n, meeting.waiting)}</h2>
                <ul>
                    {move || waiting.get().into_iter().map(|log| {
                        let date = chrono::NaiveDate::parse_from_str(&log.held_on, "%Y-%m-%d")
                            .map(day_text)
                            .unwrap_or(log.held_on.clone());
                        view! { <li>{move || t_string!(i18n, meeting.waiting_item, date = date.as_str()).to_string()}</li> }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
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
        {match (my.duo, my.return_invitation) {
            (Some(duo), _) => view! { <DuoCard duo /> }.into_any(),
            (None, Some(invitation)) => view! { <ReturnCard invitation /> }.into_any(),
            (None, None) => view! {
                <section class="card empty">
                    <h2>{t!(i18n, mentor_home.no_duo_title)}</h2>
                    <p>{t!(i18n, mentor_home.no_duo_text)}</p>
                </section>
            }.into_any(),
        }}
    }
}

/// After a closed duo and its rest: would the mentor start another one?
#[component]
fn ReturnCard(invitation: ReturnInvitation) -> impl IntoView {
    let i18n = use_i18n();
    let answer = ServerAction::<AnswerReturn>::new();
    let error = action_error(answer);
    let name = invitation.last_mentee_first_name.clone();
    let given = RwSignal::new(None::<ReturnAnswer>);
    let send = move |choice: ReturnAnswer| {
        given.set(Some(choice));
        answer.dispatch(AnswerReturn { answer: choice });
    };
    let done = move || matches!(answer.value().get(), Some(Ok(())));
    view! {
        <section class="card" aria-labelledby="return-title">
            <h2 id="return-title">{t!(i18n, returning.title)}</h2>
            <Show when=done fallback=move || {
                let name = name.clone();
                view! {
                    <p>{move || t_string!(i18n, returning.text, name = name.as_str()).to_string()}</p>
                    <button type="button" class="button big" disabled=move || answer.pending().get()
                        on:click=move |_| send(ReturnAnswer::Accepted)>{t!(i18n, returning.accept)}</button>
                    <button type="button" class="button secondary" disabled=move || answer.pending().get()
                        on:click=move |_| send(ReturnAnswer::Declined)>{t!(i18n, returning.decline)}</button>
                }
            }>
                <p class="notice success" role="status">{move || match given.get() {
                    Some(ReturnAnswer::Declined) => t_string!(i18n, returning.declined),
                    _ => t_string!(i18n, returning.accepted),
                }}</p>
            </Show>
            {move || error.get().map(|error| view! { <ErrorNotice error /> })}
        </section>
    }
}

/// An introduced duo: the agreement's text, and the mentor's own signature.
#[component]
fn AgreementCard(
    duo_id: i32,
    mentee: String,
    agreement: Agreement,
    today: chrono::NaiveDate,
) -> impl IntoView {
    let i18n = use_i18n();
    let sign = ServerAction::<SignAgreement>::new();
    let error = action_error(sign);
    let signed_now = move || matches!(sign.value().get(), Some(Ok(())));
    let signed_at = agreement.mentor_signed_at;
    let version = agreement.version.clone();
    let signed_text = move |date: String| {
        view! { <p class="done">{move || t_string!(i18n, mentor_home.signed, date = date.as_str()).to_string()}</p> }
    };
    view! {
        <section class="card" aria-labelledby="agreement-title">
            <h2 id="agreement-title">{t!(i18n, duo.agreement_title)}</h2>
            <p>{move || t_string!(i18n, mentor_home.sign_lead, name = mentee.as_str()).to_string()}</p>
            <p>{t!(i18n, duo.agreement_text)}</p>
            <p class="hint">{move || t_string!(i18n, duo.agreement_version, version = version.as_str()).to_string()}</p>
            {match signed_at {
                Some(at) => signed_text(day_text(local_time::to_local(at).date())).into_any(),
                None => view! {
                    <Show when=signed_now fallback=move || view! {
                        <button type="button" class="button big" disabled=move || sign.pending().get()
                            on:click=move |_| { sign.dispatch(SignAgreement { duo_id, side: Respondent::Mentor }); }>
                            {t!(i18n, mentor_home.sign)}
                        </button>
                    }>
                        <p class="notice success" role="status">{move || {
                            let date = day_text(today);
                            t_string!(i18n, mentor_home.signed, date = date.as_str()).to_string()
                        }}</p>
                    </Show>
                }.into_any(),
            }}
            {move || error.get().map(|error| view! { <ErrorNotice error /> })}
        </section>
    }
}

/// A closing duo: the two end evaluations the mentor fills in on the phone.
#[component]
fn EndCard(duo: DuoSummary) -> impl IntoView {
    let i18n = use_i18n();
    let name = duo.mentee_first_name.clone();
    let (text, button, all) = (name.clone(), name.clone(), name);
    view! {
        <section class="card" aria-labelledby="end-title">
            <h2 id="end-title">{t!(i18n, mentor_end.title)}</h2>
            <p>{move || t_string!(i18n, mentor_end.text, name = text.as_str()).to_string()}</p>
            {if duo.end_assessed {
                view! { <p class="done">{t!(i18n, mentor_end.assessment_done)}</p> }.into_any()
            } else {
                view! {
                    <A href="/mentor/assessment?kind=end" attr:class="button big">
                        {move || t_string!(i18n, mentor_end.assessment_button, name = button.as_str()).to_string()}
                    </A>
                }.into_any()
            }}
            {if duo.mentor_evaluated {
                view! { <p class="done">{t!(i18n, mentor_end.evaluation_done)}</p> }.into_any()
            } else {
                view! {
                    <A href="/mentor/evaluation" attr:class="button big secondary">{t!(i18n, mentor_end.evaluation_button)}</A>
                }.into_any()
            }}
            {(duo.end_assessed && duo.mentor_evaluated).then(|| view! {
                <p>{move || t_string!(i18n, mentor_end.all_done, name = all.as_str()).to_string()}</p>
            })}
        </section>
    }
}

#[component]
fn DuoCard(duo: DuoSummary) -> impl IntoView {
    let i18n = use_i18n();
    let mentee = duo.mentee_first_name.clone();
    let status = duo.status;
    let active = status == DuoStatus::Active;
    let last = duo.meetings.first().cloned();
    // The plan's open steps, soonest first; without a plan, what the last meeting said.
    let planned: Vec<String> = next_steps(&duo.plan, HOME_STEPS)
        .into_iter()
        .map(|step| match step.target_on {
            Some(d) => format!("{} ({})", step.title, day_text(d)),
            None => step.title,
        })
        .collect();
    let next_steps = duo.meetings.iter().find_map(|m| m.next_steps.clone());
    let weeks = duo.weeks_done.zip(duo.weeks_planned);
    view! {
        <section class="card duo-card">
            <h2>{t!(i18n, mentor_home.duo_with, name = mentee.clone())}</h2>
            {weeks.map(|(done, planned)| view! {
                <p class="weeks">
                    <strong>{move || t_string!(i18n, mentor_home.weeks, done = done, planned = planned).to_string()}</strong>
                </p>
                <progress max=planned value=done aria-hidden="true"></progress>
            })}
            <dl>
                <dt>{t!(i18n, mentor_home.status)}</dt>
                <dd>{move || duo_status_label(i18n, status)}</dd>
                {duo.goal.clone().map(|goal| view! {
                    <dt>{t!(i18n, mentor_home.goal)}</dt>
                    <dd>{goal}</dd>
                })}
                {duo.started_on.map(|d| view! {
                    <dt>{t!(i18n, mentor_home.started)}</dt>
                    <dd>{day_text(d)}</dd>
                })}
                {duo.planned_end_on.map(|d| view! {
                    <dt>{t!(i18n, mentor_home.planned_end)}</dt>
                    <dd>{day_text(d)}</dd>
                })}
                {active.then(|| view! {
                    <dt>{t!(i18n, mentor_home.last_meeting)}</dt>
                    <dd>{match &last {
                        Some(meeting) => day_text(meeting.held_on).into_any(),
                        None => t!(i18n, mentor_home.no_meeting_yet).into_any(),
                    }}</dd>
                })}
                {if planned.is_empty() {
                    next_steps.map(|steps| view! {
                        <dt>{t!(i18n, mentor_home.next_steps)}</dt>
                        <dd>{steps}</dd>
                    }).into_any()
                } else {
                    view! {
                        <dt>{t!(i18n, mentor_home.next_steps)}</dt>
                        <dd><ul class="next-steps">{planned.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul></dd>
                    }.into_any()
                }}
            </dl>
        </section>
        {(status == DuoStatus::Closing).then(|| view! { <EndCard duo=duo.clone() /> })}
        {(status == DuoStatus::Introduced).then(|| duo.agreement.clone()).flatten().map(|agreement| view! {
            <AgreementCard duo_id=duo.id mentee=duo.mentee_first_name.clone() agreement today=duo.today />
        })}
        {if active {
            let name = duo.mentee_first_name.clone();
            view! {
                <A href="/mentor/meeting" attr:class="button big">{t!(i18n, mentor_home.log_meeting)}</A>
                <A href="/mentor/plan" attr:class="button big secondary">{t!(i18n, plan.open)}</A>
                {(!duo.start_assessed).then(|| {
                    let (text, button) = (name.clone(), name.clone());
                    view! {
                        <section class="card" aria-labelledby="assessment-title">
                            <h2 id="assessment-title">{t!(i18n, assessment.todo_title)}</h2>
                            <p>{move || t_string!(i18n, assessment.todo_text, name = text.as_str()).to_string()}</p>
                            <A href="/mentor/assessment" attr:class="button secondary">
                                {move || t_string!(i18n, assessment.todo_button, name = button.as_str()).to_string()}
                            </A>
                        </section>
                    }
                })}
            }.into_any()
        } else if status < DuoStatus::Active {
            view! { <p class="hint">{t!(i18n, mentor_home.not_started)}</p> }.into_any()
        } else {
            ().into_any()
        }}
        {(!duo.meetings.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="recent-title">
                <h2 id="recent-title">{t!(i18n, mentor_home.recent)}</h2>
                <ul class="timeline">
                    {duo.meetings.clone().into_iter().map(|meeting| {
                        let edit = meeting.editable.then(|| {
                            let date = day_text(meeting.held_on);
                            view! {
                                <A href=format!("/mentor/meeting/{}", meeting.id)
                                    attr:class="button small secondary"
                                    attr:aria-label=move || t_string!(i18n, meeting.edit_label, date = date.as_str()).to_string()>
                                    {t!(i18n, meeting.edit)}
                                </A>
                            }
                        });
                        view! { <MeetingItem meeting>{edit}</MeetingItem> }
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}
