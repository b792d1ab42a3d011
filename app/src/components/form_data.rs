//! Reading a form the way the browser would post it, for forms sent as `Answers` (JSON)
//! rather than through an `ActionForm`. Hydrate only.

use wasm_bindgen::JsCast;
use web_sys::HtmlFormElement;

use crate::domain::application::Answers;

/// Every answer in the form, as the browser would post it.
pub fn read_answers(form: &HtmlFormElement) -> Answers {
    let mut pairs = Vec::new();
    let Ok(data) = web_sys::FormData::new_with_form(form) else {
        return Answers(pairs);
    };
    if let Ok(Some(entries)) = js_sys::try_iter(&data) {
        for entry in entries.flatten() {
            let entry: js_sys::Array = entry.unchecked_into();
            if let (Some(name), Some(value)) = (entry.get(0).as_string(), entry.get(1).as_string())
            {
                pairs.push((name, value));
            }
        }
    }
    Answers(pairs)
}
