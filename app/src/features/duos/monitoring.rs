//! Following duos: the alerts computed from their meetings, check-ins and follow-ups, the
//! coordinator's check-in log, and the friendly reminder to a mentor.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use leptos_i18n::td_string;
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    FromQueryResult, QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::life::load_duo;
use super::types::{ContactForm, ContactView};
use crate::db::entities::meetings as meeting_rows;
use crate::db::entities::{coordinator_contacts, duos, follow_ups, mentees, mentors, users};
use crate::domain::duo::DuoStatus;
use crate::domain::locale::Locale;
use crate::domain::monitoring::{Alert, DuoFacts, alerts};
use crate::domain::support::{ContactKind, ContactPerson};
use crate::domain::text::ShortText;
use crate::error::{AppError, ConflictCode, ErrorCode, FieldError};
use crate::features::auth::SessionUser;
use crate::i18n::Locale as UiLocale;
use crate::platform::audit;
use crate::platform::database::begin_write;
use crate::platform::errors::db_internal;
use crate::platform::outbox::{self, NewMail};

/// A check-in's note: a few lines.
pub const CONTACT_NOTE_MAX: usize = 1000;

#[derive(FromQueryResult)]
struct LastMeeting {
    duo_id: i32,
    last: Option<NaiveDate>,
}

#[derive(FromQueryResult)]
struct Count {
    duo_id: i32,
    n: i64,
}

/// The last meeting of each of `ids` that has one.
pub async fn last_meetings(
    conn: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<HashMap<i32, NaiveDate>, AppError> {
    Ok(meeting_rows::Entity::find()
        .select_only()
        .column(meeting_rows::Column::DuoId)
        .column_as(
            Expr::from(Func::max(Expr::col(meeting_rows::Column::HeldOn))),
            "last",
        )
        .filter(meeting_rows::Column::DuoId.is_in(ids.to_vec()))
        .group_by(meeting_rows::Column::DuoId)
        .into_model::<LastMeeting>()
        .all(conn)
        .await
        .map_err(db_internal("last meetings"))?
        .into_iter()
        .filter_map(|m| Some((m.duo_id, m.last?)))
        .collect())
}

/// The alerts of each duo in `rows` on `today`, given their last meetings (`last_meetings`,
/// which the caller also shows); duos without alerts are left out.
pub async fn alerts_of(
    conn: &impl ConnectionTrait,
    rows: &[duos::Model],
    last: &HashMap<i32, NaiveDate>,
    today: NaiveDate,
) -> Result<HashMap<i32, Vec<Alert>>, AppError> {
    let ids: Vec<i32> = rows.iter().map(|d| d.id).collect();
    let check_ins: HashMap<i32, u32> = coordinator_contacts::Entity::find()
        .select_only()
        .column(coordinator_contacts::Column::DuoId)
        .column_as(
            Expr::from(Func::count(Expr::col(coordinator_contacts::Column::Id))),
            "n",
        )
        .filter(coordinator_contacts::Column::DuoId.is_in(ids.clone()))
        .group_by(coordinator_contacts::Column::DuoId)
        .into_model::<Count>()
        .all(conn)
        .await
        .map_err(db_internal("count check-ins"))?
        .into_iter()
        .map(|c| (c.duo_id, u32::try_from(c.n).unwrap_or(u32::MAX)))
        .collect();
    let mut open_follow_ups: HashMap<i32, Vec<NaiveDate>> = HashMap::new();
    for follow_up in follow_ups::Entity::find()
        .filter(follow_ups::Column::DuoId.is_in(ids))
        .filter(follow_ups::Column::DoneOn.is_null())
        .all(conn)
        .await
        .map_err(db_internal("open follow-ups"))?
    {
        open_follow_ups
            .entry(follow_up.duo_id)
            .or_default()
            .push(follow_up.due_on);
    }
    Ok(rows
        .iter()
        .filter_map(|duo| {
            let active = (DuoStatus::parse(&duo.status) == Some(DuoStatus::Active))
                .then_some(duo.started_on.zip(duo.planned_end_on))
                .flatten();
            let facts = DuoFacts {
                active,
                last_meeting: last.get(&duo.id).copied(),
                check_ins: check_ins.get(&duo.id).copied().unwrap_or_default(),
                open_follow_ups: open_follow_ups.remove(&duo.id).unwrap_or_default(),
            };
            let found = alerts(&facts, today);
            (!found.is_empty()).then_some((duo.id, found))
        })
        .collect())
}

fn parse_contact(
    form: &ContactForm,
    started_on: NaiveDate,
    today: NaiveDate,
) -> Result<(NaiveDate, ContactKind, ContactPerson, Option<ShortText>), AppError> {
    let mut errors: Vec<FieldError> = Vec::new();
    let date = match form.contacted_on.trim() {
        "" => Err(ErrorCode::Required),
        written => NaiveDate::parse_from_str(written, "%Y-%m-%d")
            .map_err(|_| ErrorCode::InvalidDate)
            .and_then(|date| {
                if date > today {
                    Err(ErrorCode::DateInFuture)
                } else if date < started_on {
                    Err(ErrorCode::DateBeforeStart { start: started_on })
                } else {
                    Ok(date)
                }
            }),
    }
    .map_err(|code| errors.push(code.at("contacted_on")))
    .ok();
    let kind = ContactKind::parse(form.kind.trim());
    if kind.is_none() {
        errors.push(ErrorCode::Required.at("kind"));
    }
    let person = ContactPerson::parse(form.person.trim());
    if person.is_none() {
        errors.push(ErrorCode::Required.at("person"));
    }
    let note = ShortText::parse_optional(&form.note, CONTACT_NOTE_MAX)
        .map_err(|code| errors.push(code.at("note")))
        .ok()
        .flatten();
    match (date, kind, person) {
        (Some(date), Some(kind), Some(person)) if errors.is_empty() => {
            Ok((date, kind, person, note))
        }
        _ => Err(AppError::Validation(errors)),
    }
}

/// Logs a coordinator's check-in with the mentor or the mentee of a started duo.
pub async fn log_contact(
    db: &DatabaseConnection,
    user: &SessionUser,
    form: ContactForm,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<(), AppError> {
    let tx = begin_write(db)
        .await
        .map_err(db_internal("begin log contact"))?;
    let duo = load_duo(&tx, user, form.duo_id).await?;
    let Some(started_on) = duo.started_on else {
        return Err(AppError::Conflict(ConflictCode::IllegalTransition {
            from: duo.status.clone(),
            to: "check_in".to_owned(),
        }));
    };
    let (date, kind, person, note) = parse_contact(&form, started_on, today)?;
    coordinator_contacts::ActiveModel {
        duo_id: Set(duo.id),
        coordinator_id: Set(user.user_id),
        contacted_on: Set(date),
        kind: Set(kind.as_str().to_owned()),
        person: Set(person.as_str().to_owned()),
        note: Set(note.map(|n| n.as_str().to_owned())),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&tx)
    .await
    .map_err(db_internal("insert contact"))?;
    tx.commit().await.map_err(db_internal("commit log contact"))
}

/// The duo's check-ins, newest first, with who logged them.
pub async fn contacts(
    conn: &impl ConnectionTrait,
    duo_id: i32,
) -> Result<Vec<ContactView>, AppError> {
    let rows = coordinator_contacts::Entity::find()
        .filter(coordinator_contacts::Column::DuoId.eq(duo_id))
        .order_by_desc(coordinator_contacts::Column::ContactedOn)
        .order_by_desc(coordinator_contacts::Column::Id)
        .find_also_related(users::Entity)
        .all(conn)
        .await
        .map_err(db_internal("list contacts"))?;
    Ok(rows
        .into_iter()
        .filter_map(|(row, by)| {
            Some(ContactView {
                contacted_on: row.contacted_on,
                kind: ContactKind::parse(&row.kind)?,
                person: ContactPerson::parse(&row.person)?,
                note: row.note,
                by: by.map(|u| u.display_name).unwrap_or_default(),
            })
        })
        .collect())
}

/// Sends the mentor of an active duo a friendly reminder to log their meetings.
pub async fn remind_mentor(
    db: &DatabaseConnection,
    state_url: &str,
    user: &SessionUser,
    duo_id: i32,
) -> Result<(), AppError> {
    let tx = begin_write(db).await.map_err(db_internal("begin remind"))?;
    let duo = load_duo(&tx, user, duo_id).await?;
    if DuoStatus::parse(&duo.status) != Some(DuoStatus::Active) {
        return Err(AppError::Conflict(ConflictCode::IllegalTransition {
            from: duo.status.clone(),
            to: "reminder".to_owned(),
        }));
    }
    let mentor = mentors::Entity::find_by_id(duo.mentor_id)
        .one(&tx)
        .await
        .map_err(db_internal("load mentor"))?
        .ok_or(AppError::NotFound)?;
    let mentee = mentees::Entity::find_by_id(duo.mentee_id)
        .one(&tx)
        .await
        .map_err(db_internal("load mentee"))?
        .ok_or(AppError::NotFound)?;
    let locale = Locale::parse(&mentor.locale).unwrap_or(Locale::En);
    let ui = UiLocale::from(locale);
    let link = format!("{state_url}/mentor");
    let mail = NewMail {
        kind: "meeting_reminder",
        to_address: mentor.email.clone(),
        to_name: Some(mentor.first_name.clone()),
        locale,
        subject: td_string!(
            ui,
            mail.reminder.subject,
            other = mentee.first_name.as_str()
        )
        .to_string(),
        body_text: td_string!(
            ui,
            mail.reminder.body,
            name = mentor.first_name.as_str(),
            other = mentee.first_name.as_str(),
            link = link.as_str()
        )
        .to_string(),
        calendar: None,
    };
    outbox::enqueue(&tx, mail)
        .await
        .map_err(db_internal("queue reminder"))?;
    audit::record(
        &tx,
        Some(user.user_id),
        "remind_mentor",
        "duo",
        Some(duo.id),
    )
    .await
    .map_err(db_internal("audit reminder"))?;
    tx.commit().await.map_err(db_internal("commit remind"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn form(date: &str, kind: &str, person: &str) -> ContactForm {
        ContactForm {
            duo_id: 1,
            contacted_on: date.to_owned(),
            kind: kind.to_owned(),
            person: person.to_owned(),
            note: String::new(),
        }
    }

    #[test]
    fn a_check_in_lies_between_the_start_and_today() {
        let (start, today) = (day(3, 1), day(3, 20));
        let ok = parse_contact(&form("2026-03-05", "phone", "mentee"), start, today);
        assert!(
            matches!(ok, Ok((d, ContactKind::Phone, ContactPerson::Mentee, None)) if d == day(3, 5))
        );
        let refused = parse_contact(&form("2026-03-21", "fax", ""), start, today);
        let Err(AppError::Validation(errors)) = refused else {
            panic!("expected a refusal");
        };
        assert_eq!(
            errors,
            vec![
                ErrorCode::DateInFuture.at("contacted_on"),
                ErrorCode::Required.at("kind"),
                ErrorCode::Required.at("person"),
            ]
        );
    }
}
