//! A duo's action plan, shared by the mentor's phone and the coordinator's duo page: goals
//! with their steps and target dates, steps ticked off in place, and forms to add a goal or a
//! step. `changed` is bumped after each change, so the page reloads the plan.

use leptos::prelude::*;

use crate::components::errors::{ErrorNotice, FieldErrors, FormError};
use crate::components::form::action_error;
use crate::domain::plan::{Goal, Step};
use crate::features::duos::api::{AddPlanItem, TickStep};
use crate::features::duos::types::PlanItemForm;
use crate::i18n::*;
use crate::pages::coordinator::duos::day_text;

#[component]
pub fn ActionPlan(
    duo_id: i32,
    goals: Vec<Goal>,
    /// Whether the plan can change: while the duo is active.
    editable: bool,
    changed: RwSignal<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let add = ServerAction::<AddPlanItem>::new();
    let tick = ServerAction::<TickStep>::new();
    Effect::new(move |_| {
        if matches!(add.value().get(), Some(Ok(_))) || matches!(tick.value().get(), Some(Ok(()))) {
            changed.update(|n| *n += 1);
        }
    });
    let tick_error = action_error(tick);
    // The form that sent last: it alone shows the answer.
    let sender = RwSignal::new(String::new());
    let empty = goals.is_empty();
    view! {
        {empty.then(|| view! { <p class="empty">{t!(i18n, plan.empty)}</p> })}
        {goals.into_iter().map(|goal| view! { <GoalItem duo_id goal editable add tick sender /> }).collect_view()}
        {move || tick_error.get().map(|error| view! { <ErrorNotice error /> })}
        {editable.then(|| view! {
            <ItemForm duo_id goal_id=None add sender />
        })}
    }
}

fn target_text(
    i18n: leptos_i18n::I18nContext<Locale>,
    step_target: Option<chrono::NaiveDate>,
) -> String {
    step_target
        .map(|d| {
            let date = day_text(d);
            t_string!(i18n, plan.by, date = date.as_str()).to_string()
        })
        .unwrap_or_default()
}

#[component]
fn GoalItem(
    duo_id: i32,
    goal: Goal,
    editable: bool,
    add: ServerAction<AddPlanItem>,
    tick: ServerAction<TickStep>,
    sender: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let heading = format!("goal-{}", goal.id);
    let labelled_by = heading.clone();
    let reached = goal.reached();
    let target = goal.target_on;
    let goal_id = goal.id;
    view! {
        <section class="goal" aria-labelledby=labelled_by>
            <h3 id=heading>
                {goal.title.clone()}
                {reached.then(|| view! { " · " <span class="done">{t!(i18n, plan.reached)}</span> })}
            </h3>
            {target.map(|d| view! { <p class="hint">{move || target_text(i18n, Some(d))}</p> })}
            <ul class="steps">
                {goal.steps.into_iter().map(|step| view! { <StepItem step editable tick /> }).collect_view()}
            </ul>
            {editable.then(|| view! { <ItemForm duo_id goal_id=Some(goal_id) add sender /> })}
        </section>
    }
}

#[component]
fn StepItem(step: Step, editable: bool, tick: ServerAction<TickStep>) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("step-{}", step.id);
    let label_for = id.clone();
    let step_id = step.id;
    let done = step.done;
    let target = step.target_on;
    view! {
        <li>
            <label class="choice step" for=label_for>
                <input id=id type="checkbox" prop:checked=done disabled=!editable
                    on:change=move |ev| {
                        tick.dispatch(TickStep { step_id, done: event_target_checked(&ev) });
                    } />
                <span class:done=done>{step.title.clone()}</span>
                {target.map(|d| view! { <span class="hint">{move || target_text(i18n, Some(d))}</span> })}
            </label>
        </li>
    }
}

/// Adds a goal (`goal_id` is `None`) or a step to a goal.
#[component]
fn ItemForm(
    duo_id: i32,
    goal_id: Option<i32>,
    add: ServerAction<AddPlanItem>,
    sender: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let title = RwSignal::new(String::new());
    let target = RwSignal::new(String::new());
    let key = goal_id.map_or_else(|| "goal".to_owned(), |g| format!("step-{g}"));
    let mine = {
        let key = key.clone();
        move || sender.with(|s| *s == key)
    };
    let error = Signal::derive({
        let mine = mine.clone();
        move || {
            if mine() {
                add.value().get().and_then(Result::err)
            } else {
                None
            }
        }
    });
    let (title_id, date_id) = (format!("plan-{key}-title"), format!("plan-{key}-date"));
    let (title_error, date_error) = (format!("{title_id}-error"), format!("{date_id}-error"));
    let sent_key = key.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        sender.set(sent_key.clone());
        add.dispatch(AddPlanItem {
            item: PlanItemForm {
                duo_id,
                goal_id,
                title: title.get(),
                target_on: target.get(),
            },
        });
    };
    let is_goal = goal_id.is_none();
    let title_label = move || {
        if is_goal {
            t_string!(i18n, plan.goal_title)
        } else {
            t_string!(i18n, plan.step_title)
        }
    };
    let (title_for, date_for) = (title_id.clone(), date_id.clone());
    let (title_described, date_described) = (title_error.clone(), date_error.clone());
    view! {
        <form class="plan-form" novalidate=true on:submit=on_submit>
            <div class="field">
                <label for=title_for>{title_label}</label>
                <input id=title_id type="text" required=true aria-describedby=title_described
                    prop:value=title on:input=move |ev| title.set(event_target_value(&ev)) />
                <FieldErrors id=title_error error field="title" />
            </div>
            <div class="field">
                <label for=date_for>{t!(i18n, plan.target)}</label>
                <input id=date_id type="date" aria-describedby=date_described
                    prop:value=target on:input=move |ev| target.set(event_target_value(&ev)) />
                <FieldErrors id=date_error error field="target_on" />
            </div>
            <button type="submit" class="button secondary" disabled=move || add.pending().get()>
                {move || if is_goal { t_string!(i18n, plan.add_goal) } else { t_string!(i18n, plan.add_step) }}
            </button>
            <FormError error />
        </form>
    }
}
