//! Form fields with their label and their errors, wired for screen readers.

use leptos::prelude::*;

use super::errors::FieldErrors;
use crate::error::AppError;

/// A labelled input. Its errors sit right under it and are announced with it
/// (`aria-describedby`). It holds no value of its own: binding one would wipe
/// what a user typed before the page finished hydrating.
#[component]
pub fn TextField(
    /// The form field name, which is also the server function argument.
    name: &'static str,
    #[prop(into)] label: Signal<String>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(default = false)] required: bool,
    #[prop(into)] error: Signal<Option<AppError>>,
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
