//! The intake invitation: an e-mail in the candidate's language with a calendar file.

use chrono::{DateTime, Duration, Utc};
use leptos_i18n::td_string;

use crate::domain::calendar::{self, Event};
use crate::domain::local_time;
use crate::i18n::Locale as UiLocale;
use crate::platform::outbox::{NewMail, Recipient};

/// Intake interviews are planned for an hour.
const INTAKE_LENGTH: Duration = Duration::hours(1);

pub fn intake_invitation(
    invitee: &Recipient<'_>,
    interview_id: i32,
    at: DateTime<Utc>,
    place: &str,
    now: DateTime<Utc>,
) -> NewMail {
    let ui = UiLocale::from(invitee.locale);
    let when = local_time::display(at);
    let subject = td_string!(ui, mail.intake.subject).to_string();
    let body = td_string!(
        ui,
        mail.intake.body,
        name = invitee.name,
        when = when.as_str(),
        place = place
    )
    .to_string();
    let uid = format!("intake-{interview_id}@duo");
    let ics = calendar::ics(&Event {
        uid: &uid,
        starts_at: at,
        duration: INTAKE_LENGTH,
        summary: &subject,
        location: place,
        description: &body,
        stamped_at: now,
    });
    NewMail {
        kind: "intake_invitation",
        to_address: invitee.email.to_owned(),
        to_name: Some(invitee.name.to_owned()),
        locale: invitee.locale,
        subject,
        body_text: body,
        calendar: Some(ics),
    }
}
