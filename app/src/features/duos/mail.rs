//! The introduction invitation: an e-mail in the reader's language with a calendar file.

use chrono::{DateTime, Duration, Utc};
use leptos_i18n::td_string;

use crate::domain::calendar::{self, Event};
use crate::domain::local_time;
use crate::i18n::Locale as UiLocale;
use crate::platform::outbox::{NewMail, Recipient};

/// Introduction meetings are planned for an hour.
const INTRODUCTION_LENGTH: Duration = Duration::hours(1);

/// Invites `invitee` to meet `other` (their future mentor or mentee, by first name). One
/// calendar entry per duo: moving the meeting updates it.
pub fn introduction_invitation(
    invitee: &Recipient<'_>,
    other: &str,
    duo_id: i32,
    at: DateTime<Utc>,
    place: &str,
    now: DateTime<Utc>,
) -> NewMail {
    let ui = UiLocale::from(invitee.locale);
    let when = local_time::display(at);
    let subject = td_string!(ui, mail.introduction.subject, other = other).to_string();
    let body = td_string!(
        ui,
        mail.introduction.body,
        name = invitee.name,
        other = other,
        when = when.as_str(),
        place = place
    )
    .to_string();
    let uid = format!("introduction-{duo_id}@duo");
    let ics = calendar::ics(&Event {
        uid: &uid,
        starts_at: at,
        duration: INTRODUCTION_LENGTH,
        summary: &subject,
        location: place,
        description: &body,
        stamped_at: now,
    });
    NewMail {
        kind: "introduction_invitation",
        to_address: invitee.email.to_owned(),
        to_name: Some(invitee.name.to_owned()),
        locale: invitee.locale,
        subject,
        body_text: body,
        calendar: Some(ics),
    }
}
