//! A button that asks before it acts: pressing it shows the question with "Yes" and "Cancel"
//! in its place, as a small alert dialog.

use leptos::prelude::*;

use crate::i18n::*;

/// `label` names the button and the dialog; `question` says what will happen; `on_confirm`
/// runs on "Yes", which is disabled while `pending`.
#[component]
pub fn ConfirmButton(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] question: Signal<String>,
    #[prop(into)] pending: Signal<bool>,
    on_confirm: Callback<()>,
    /// The class of the first button; the dialog's buttons are small.
    #[prop(default = "button small")]
    class: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let asking = RwSignal::new(false);
    view! {
        <Show
            when=move || asking.get()
            fallback=move || view! {
                <button type="button" class=class on:click=move |_| asking.set(true)>{label}</button>
            }
        >
            <div role="alertdialog" class="confirm" aria-label=label>
                <p>{question}</p>
                <button type="button" class="button small" disabled=move || pending.get()
                    on:click=move |_| { asking.set(false); on_confirm.run(()); }>
                    {t!(i18n, app.yes)}
                </button>
                " "
                <button type="button" class="button small secondary" on:click=move |_| asking.set(false)>
                    {t!(i18n, app.cancel)}
                </button>
            </div>
        </Show>
    }
}
