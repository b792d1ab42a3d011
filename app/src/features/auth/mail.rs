//! The e-mails auth sends, written from the same locale files as the pages.

use crate::db::entities::users;
use crate::domain::locale::Locale;
use crate::i18n::Locale as UiLocale;
use crate::platform::outbox::NewMail;
use leptos_i18n::td_string;

pub fn magic_link(user: &users::Model, locale: Locale, link: &str) -> NewMail {
    let ui = UiLocale::from(locale);
    NewMail {
        kind: "magic_link",
        to_address: user.email.clone(),
        to_name: Some(user.display_name.clone()),
        locale,
        subject: td_string!(ui, mail.magic_link.subject).to_string(),
        body_text: td_string!(
            ui,
            mail.magic_link.body,
            name = user.display_name.as_str(),
            link = link,
            minutes = 15
        )
        .to_string(),
        calendar: None,
    }
}
