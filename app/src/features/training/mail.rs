//! The training invitation: an e-mail in the mentor's language with a calendar file.

use chrono::{DateTime, Duration, Utc};
use leptos_i18n::td_string;

use crate::db::entities::training_sessions;
use crate::domain::calendar::{self, Event};
use crate::domain::local_time;
use crate::i18n::Locale as UiLocale;
use crate::platform::outbox::{NewMail, Recipient};

/// Training sessions are planned for three hours.
const TRAINING_LENGTH: Duration = Duration::hours(3);

pub fn training_invitation(
    invitee: &Recipient<'_>,
    session: &training_sessions::Model,
    now: DateTime<Utc>,
) -> NewMail {
    let ui = UiLocale::from(invitee.locale);
    let when = local_time::display(session.starts_at);
    let subject = td_string!(ui, mail.training.subject).to_string();
    let body = td_string!(
        ui,
        mail.training.body,
        name = invitee.name,
        title = session.title.as_str(),
        when = when.as_str(),
        place = session.location.as_str()
    )
    .to_string();
    let uid = format!("training-{}@duo", session.id);
    let ics = calendar::ics(&Event {
        uid: &uid,
        starts_at: session.starts_at,
        duration: TRAINING_LENGTH,
        summary: &session.title,
        location: &session.location,
        description: &body,
        stamped_at: now,
    });
    NewMail {
        kind: "training_invitation",
        to_address: invitee.email.to_owned(),
        to_name: Some(invitee.name.to_owned()),
        locale: invitee.locale,
        subject,
        body_text: body,
        calendar: Some(ics),
    }
}
