//! Form fields with their label and their errors, wired for screen readers.

use leptos::prelude::*;

use super::errors::FieldErrors;
use crate::error::AppError;

/// A labelled input. Its errors sit right under it and are announced with it
/// (`aria-describedby`). It binds no signal: that would wipe what a user typed
/// before the page finished hydrating. `value` is only where the field starts,
/// written into the server-rendered page.
#[component]
pub fn TextField(
    /// The form field name, which is also the server function argument.
    name: &'static str,
    #[prop(into)] label: Signal<String>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(default = false)] required: bool,
    #[prop(into)] error: Signal<Option<AppError>>,
    #[prop(optional)] value: Option<String>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    let invalid = move || {
        error
            .get()
            .is_some_and(|e| !e.field_errors(name).is_empty())
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                name=name
                type=input_type
                value=value
                autocomplete=autocomplete
                required=required
                aria-invalid=move || invalid().to_string()
                aria-describedby=move || invalid().then(|| error_id.clone())
            />
            <FieldErrors id=format!("field-{name}-error") error field=name />
        </div>
    }
}

/// The error of a server action, once it has one.
pub fn action_error<I, O>(action: ServerAction<I>) -> Signal<Option<AppError>>
where
    I: server_fn::ServerFn<Output = O, Error = AppError> + Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    Signal::derive(move || action.value().get().and_then(Result::err))
}

/// A labelled input bound to a signal, for forms sent by a server action: what was typed stays
/// when the server refuses it, and each error sits under its field. `field` is the name the
/// server uses in its field errors; `id` must be unique on the page.
#[component]
pub fn BoundInput(
    id: &'static str,
    field: &'static str,
    #[prop(into)] label: Signal<String>,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<AppError>>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(default = true)] required: bool,
    #[prop(optional)] min: Option<&'static str>,
    #[prop(optional)] max: Option<&'static str>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let invalid = move || {
        error
            .get()
            .is_some_and(|e| !e.field_errors(field).is_empty())
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                type=input_type
                required=required
                min=min
                max=max
                prop:value=value
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || invalid().to_string()
                aria-describedby=error_id.clone()
            />
            <FieldErrors id=error_id error field=field />
        </div>
    }
}

/// A labelled select bound to a signal, with a first empty choice that says what to pick.
/// `options` are `(value, label)` pairs in the user's language.
#[component]
pub fn BoundSelect(
    id: &'static str,
    field: &'static str,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] placeholder: Signal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let invalid = move || {
        error
            .get()
            .is_some_and(|e| !e.field_errors(field).is_empty())
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select
                id=id
                required=true
                on:change=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || invalid().to_string()
                aria-describedby=error_id.clone()
            >
                <option value="" selected=move || value.read().is_empty()>{placeholder}</option>
                {move || options.get().into_iter().map(|(option, text)| {
                    let current = option.clone();
                    view! { <option value=option selected=move || *value.read() == current>{text}</option> }
                }).collect_view()}
            </select>
            <FieldErrors id=error_id error field=field />
        </div>
    }
}

/// The answers of a form as the browser would post it, read when it is submitted. On the
/// server, where nothing is submitted, `None`.
pub fn submitted_answers(
    ev: &leptos::ev::SubmitEvent,
) -> Option<crate::domain::application::Answers> {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        ev.target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
            .map(|form| super::form_data::read_answers(&form))
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = ev;
        None
    }
}

/// The version of `action`'s last success. It changes only when the action succeeds, so a
/// resource keyed on it reloads what the action changed, while a refused form keeps what was
/// typed.
pub fn success_version<S>(action: ServerAction<S>) -> Memo<usize>
where
    S: server_fn::ServerFn + Send + Sync + Clone + 'static,
    S::Output: Send + Sync + 'static,
    S::Error: Send + Sync + 'static,
{
    Memo::new(move |previous: Option<&usize>| {
        if action.value().with(|v| matches!(v, Some(Ok(_)))) {
            action.version().get()
        } else {
            previous.copied().unwrap_or_default()
        }
    })
}
