//! Calendar invitations (RFC 5545 `.ics`) for intake interviews and introduction meetings, so
//! a candidate can add the appointment to their phone's calendar from the e-mail.

use chrono::{DateTime, Duration, Utc};

use super::error::{ErrorCode, FieldError};
use super::local_time;
use super::text::ShortText;

/// The longest place name an appointment takes.
pub const PLACE_MAX: usize = 200;

/// An appointment as a coordinator types it: a Brussels date and time (`at`), not in the past,
/// and a place. Each refused part is named by its field, `at` or `place`.
pub fn parse_appointment(
    at: &str,
    place: &str,
    now: DateTime<Utc>,
) -> Result<(DateTime<Utc>, ShortText), Vec<FieldError>> {
    let at = match at.trim() {
        "" => Err(ErrorCode::Required),
        written => local_time::parse_local(written).ok_or(ErrorCode::InvalidDate),
    }
    .and_then(|at| {
        if at < now {
            Err(ErrorCode::DateInPast)
        } else {
            Ok(at)
        }
    });
    let place = ShortText::parse(place, PLACE_MAX);
    match (at, place) {
        (Ok(at), Ok(place)) => Ok((at, place)),
        (at, place) => Err([
            at.err().map(|c| c.at("at")),
            place.err().map(|c| c.at("place")),
        ]
        .into_iter()
        .flatten()
        .collect()),
    }
}

/// One appointment, in UTC; calendar apps show it in the reader's own time zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event<'a> {
    /// Stable and unique, e.g. `intake-42@duo`: sending it again updates the same entry.
    pub uid: &'a str,
    pub starts_at: DateTime<Utc>,
    pub duration: Duration,
    pub summary: &'a str,
    pub location: &'a str,
    pub description: &'a str,
    /// When the invitation was made (`DTSTAMP`).
    pub stamped_at: DateTime<Utc>,
}

/// The event as a complete `VCALENDAR` with CRLF line endings and lines folded at 75 octets.
pub fn ics(event: &Event<'_>) -> String {
    let stamp = |at: DateTime<Utc>| at.format("%Y%m%dT%H%M%SZ").to_string();
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Duo mentoring//EN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}", escape(event.uid)),
        format!("DTSTAMP:{}", stamp(event.stamped_at)),
        format!("DTSTART:{}", stamp(event.starts_at)),
        format!("DTEND:{}", stamp(event.starts_at + event.duration)),
        format!("SUMMARY:{}", escape(event.summary)),
        format!("LOCATION:{}", escape(event.location)),
        format!("DESCRIPTION:{}", escape(event.description)),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    let mut out = String::new();
    for line in lines {
        fold(&line, &mut out);
    }
    out
}

/// TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Lines longer than 75 octets continue on the next line after a space, never inside a
/// UTF-8 character (§3.1).
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn event<'a>(description: &'a str) -> Event<'a> {
        Event {
            uid: "intake-7@duo",
            starts_at: Utc.with_ymd_and_hms(2026, 12, 3, 9, 30, 0).unwrap(),
            duration: Duration::minutes(60),
            summary: "Intake interview, Duo mentoring",
            location: "Rue Haute 12, 1000 Bruxelles",
            description,
            stamped_at: Utc.with_ymd_and_hms(2026, 11, 26, 8, 0, 0).unwrap(),
        }
    }

    #[test]
    fn an_event_is_a_complete_calendar() {
        let text = ics(&event("See you there."));
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(text.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
        assert!(text.contains("\r\nDTSTART:20261203T093000Z\r\n"));
        assert!(text.contains("\r\nDTEND:20261203T103000Z\r\n"));
        assert!(text.contains("\r\nUID:intake-7@duo\r\n"));
        assert!(text.contains("\r\nLOCATION:Rue Haute 12\\, 1000 Bruxelles\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'), "bare line feeds");
    }

    #[test]
    fn text_is_escaped_and_long_lines_fold_between_characters() {
        let long = "Où ? Bâtiment B; deuxième étage, salle « Jean Jaurès ».\nAmenez une pièce d'identité. ".repeat(3);
        let text = ics(&event(&long));
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains("DESCRIPTION:Où ? Bâtiment B\\; deuxième étage\\, salle"));
        assert!(unfolded.contains("Jaurès ».\\nAmenez"));
    }

    #[test]
    fn control_characters_cannot_break_out_of_a_value() {
        let text = ics(&event("line\r\nBEGIN:VEVENT\u{7}"));
        let events = text.split("\r\n").filter(|l| *l == "BEGIN:VEVENT").count();
        assert_eq!(events, 1, "{text}");
        assert!(
            text.contains("\r\nDESCRIPTION:line\\nBEGIN:VEVENT\r\n"),
            "{text}"
        );
    }
}
