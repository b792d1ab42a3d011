//! What the sign-up form does with the page itself once JavaScript runs: reading the answers
//! from the form, keeping them in local storage, putting them back, and moving the focus.

use wasm_bindgen::JsCast;
use web_sys::{
    HtmlElement, HtmlFormElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement,
};

use crate::domain::application::{Answers, field};

const STORAGE_KEY: &str = "duo.application.mentor";

pub use crate::components::form_data::read_answers;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Keeps the answers on this device, without the honeypot and blank fields.
pub fn save_draft(answers: &Answers) {
    if let (Some(storage), Ok(json)) = (storage(), serde_json::to_string(&answers.draft())) {
        let _ = storage.set_item(STORAGE_KEY, &json);
    }
}

pub fn load_draft() -> Option<Answers> {
    let json = storage()?.get_item(STORAGE_KEY).ok().flatten()?;
    serde_json::from_str(&json).ok()
}

pub fn clear_draft() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(STORAGE_KEY);
    }
}

/// Puts saved answers back into the form's fields. The locale field keeps the page's language.
pub fn fill_form(form: &HtmlFormElement, answers: &Answers) {
    let Ok(controls) = form.query_selector_all("input[name], select[name], textarea[name]") else {
        return;
    };
    for i in 0..controls.length() {
        let Some(node) = controls.item(i) else {
            continue;
        };
        if let Some(input) = node.dyn_ref::<HtmlInputElement>() {
            let name = input.name();
            if name == field::HONEYPOT || name == field::LOCALE {
                continue;
            }
            match input.type_().as_str() {
                "checkbox" | "radio" => {
                    let value = input.value();
                    input.set_checked(answers.all(&name).any(|v| v == value));
                }
                _ => input.set_value(answers.get(&name)),
            }
        } else if let Some(select) = node.dyn_ref::<HtmlSelectElement>() {
            select.set_value(answers.get(&select.name()));
        } else if let Some(area) = node.dyn_ref::<HtmlTextAreaElement>() {
            area.set_value(answers.get(&area.name()));
        }
    }
}

/// Moves the focus to the element with this id, if there is one.
pub fn focus(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// The `name` of the form control an event came from.
pub fn control_name(target: Option<web_sys::EventTarget>) -> Option<String> {
    let target = target?;
    if let Some(input) = target.dyn_ref::<HtmlInputElement>() {
        Some(input.name())
    } else if let Some(select) = target.dyn_ref::<HtmlSelectElement>() {
        Some(select.name())
    } else {
        target.dyn_ref::<HtmlTextAreaElement>().map(|a| a.name())
    }
}
