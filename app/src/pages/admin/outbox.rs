use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::errors::ErrorNotice;
use crate::components::page_title::page_title;
use crate::features::outbox::api::list_outbox;
use crate::features::outbox::types::OutboxMessage;
use crate::i18n::*;

/// Every e-mail the platform sent or will send, newest first.
#[component]
pub fn OutboxPage() -> impl IntoView {
    let i18n = use_i18n();
    let messages = Resource::new(|| (), |_| list_outbox());
    view! {
        <Title text=page_title(move || t_string!(i18n, outbox.title).to_string()) />
        <h1>{t!(i18n, outbox.title)}</h1>
        <p>{t!(i18n, outbox.intro)}</p>
        <Transition fallback=move || view! { <p role="status">{t!(i18n, app.loading)}</p> }>
            {move || {
                messages.get().map(|result| match result {
                    Ok(list) if list.is_empty() => view! { <p class="empty">{t!(i18n, outbox.empty)}</p> }.into_any(),
                    Ok(list) => view! { <OutboxTable list /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                })
            }}
        </Transition>
    }
}

#[component]
fn OutboxTable(list: Vec<OutboxMessage>) -> impl IntoView {
    let i18n = use_i18n();
    let status_text = move |status: &str| match status {
        "sent" => t_string!(i18n, outbox.sent),
        "failed" => t_string!(i18n, outbox.failed),
        _ => t_string!(i18n, outbox.pending),
    };
    view! {
        <div class="table-wrap">
            <table>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, outbox.created)}</th>
                        <th scope="col">{t!(i18n, outbox.to)}</th>
                        <th scope="col">{t!(i18n, outbox.subject)}</th>
                        <th scope="col">{t!(i18n, outbox.status)}</th>
                        <th scope="col">{t!(i18n, outbox.attempts)}</th>
                    </tr>
                </thead>
                <tbody>
                    {list.into_iter().map(|m| {
                        let status = m.status.clone();
                        view! {
                            <tr>
                                <td>{m.created_at.format("%Y-%m-%d %H:%M:%S").to_string()}</td>
                                <td>{m.to_address.clone()}</td>
                                <td>
                                    <details>
                                        <summary>{m.subject.clone()}</summary>
                                        <pre class="mail-body">{m.body_text.clone()}</pre>
                                    </details>
                                </td>
                                <td>
                                    {move || status_text(&status)}
                                    {m.last_error.clone().map(|e| view! { <br /><small>{e}</small> })}
                                </td>
                                <td>{m.attempts}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
