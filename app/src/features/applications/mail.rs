//! The e-mails an application sends, and the privacy notice text whose hash each consent keeps.

use leptos_i18n::td_string;

use crate::db::entities::mentors;
use crate::domain::application::MentorApplication;
use crate::i18n::Locale as UiLocale;
use crate::platform::outbox::NewMail;

pub fn application_received(application: &MentorApplication, confirm_link: &str) -> NewMail {
    let ui = UiLocale::from(application.locale);
    let name = application.first_name.as_str();
    NewMail {
        kind: "application_received",
        to_address: application.email.as_str().to_owned(),
        to_name: Some(format!("{name} {}", application.last_name.as_str())),
        locale: application.locale,
        subject: td_string!(ui, mail.application.subject).to_string(),
        body_text: td_string!(ui, mail.application.body, name = name, link = confirm_link)
            .to_string(),
        calendar: None,
    }
}

/// Sent when an address that already applied applies again: the page said "check your
/// e-mail" as for anyone, and the e-mail says what happened.
pub fn already_applied(application: &MentorApplication, mentor: &mentors::Model) -> NewMail {
    let ui = UiLocale::from(application.locale);
    let first = mentor
        .created_at
        .date_naive()
        .format("%d/%m/%Y")
        .to_string();
    NewMail {
        kind: "application_known",
        to_address: mentor.email.clone(),
        to_name: Some(format!("{} {}", mentor.first_name, mentor.last_name)),
        locale: application.locale,
        subject: td_string!(ui, mail.application_known.subject).to_string(),
        body_text: td_string!(
            ui,
            mail.application_known.body,
            name = mentor.first_name.as_str(),
            date = first.as_str()
        )
        .to_string(),
        calendar: None,
    }
}
