//! The documented column layout of each kind of file, with its template to download: the
//! header line in the admin's language, made in the page itself, so it works without a request.

use leptos::prelude::*;

use crate::domain::import::layout::columns;
use crate::features::import::types::ImportKind;
use crate::features::import::words::{column_example, column_help, column_label, template};
use crate::i18n::*;

/// `text` as a `data:` address: every byte but letters and digits percent-encoded.
fn data_url(text: &str) -> String {
    let mut url = String::from("data:text/csv;charset=utf-8,");
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() {
            url.push(char::from(byte));
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    url
}

pub fn kind_label(i18n: leptos_i18n::I18nContext<Locale>, kind: ImportKind) -> &'static str {
    match kind {
        ImportKind::Mentors => t_string!(i18n, import.kind_mentors),
        ImportKind::Mentees => t_string!(i18n, import.kind_mentees),
        ImportKind::Duos => t_string!(i18n, import.kind_duos),
    }
}

#[component]
pub fn Layouts() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="import-layouts">
            <h2 id="import-layouts">{t!(i18n, import.layouts_title)}</h2>
            <p>{t!(i18n, import.layouts_intro)}</p>
            <p>{t!(i18n, import.order_hint)}</p>
            {ImportKind::ALL.iter().map(|&kind| view! { <Layout kind /> }).collect_view()}
        </section>
    }
}

#[component]
fn Layout(kind: ImportKind) -> impl IntoView {
    let i18n = use_i18n();
    let note = move || match kind {
        ImportKind::Mentors => t_string!(i18n, import.note_mentors),
        ImportKind::Mentees => t_string!(i18n, import.note_mentees),
        ImportKind::Duos => t_string!(i18n, import.note_duos),
    };
    let link_text = move || match kind {
        ImportKind::Mentors => t_string!(i18n, import.template_mentors),
        ImportKind::Mentees => t_string!(i18n, import.template_mentees),
        ImportKind::Duos => t_string!(i18n, import.template_duos),
    };
    let file_name = format!("{}-template.csv", kind.as_str());
    view! {
        <details class="import-layout">
            <summary>{move || kind_label(i18n, kind)}</summary>
            <p>{note}</p>
            <p class="downloads">
                <a href=move || data_url(&template(i18n.get_locale(), kind)) download=file_name>
                    {link_text}
                </a>
            </p>
            <div class="table-wrap">
                <table>
                    <caption>{move || kind_label(i18n, kind)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, import.layout_column)}</th>
                            <th scope="col">{t!(i18n, import.layout_needed)}</th>
                            <th scope="col">{t!(i18n, import.layout_format)}</th>
                            <th scope="col">{t!(i18n, import.layout_example)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {columns(kind).iter().map(|column| {
                            let key = column.key;
                            let needed = move || if column.required {
                                t_string!(i18n, import.required)
                            } else {
                                t_string!(i18n, import.optional)
                            };
                            view! {
                                <tr>
                                    <th scope="row">{move || column_label(i18n.get_locale(), key)}</th>
                                    <td>{needed}</td>
                                    <td>{move || column_help(i18n.get_locale(), kind, key)}</td>
                                    <td><code>{column_example(kind, key)}</code></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::data_url;

    #[test]
    fn a_template_travels_in_its_address() {
        assert_eq!(
            data_url("\u{feff}Prénom;E-mail\r\n"),
            "data:text/csv;charset=utf-8,%EF%BB%BFPr%C3%A9nom%3BE%2Dmail%0D%0A"
        );
    }
}
