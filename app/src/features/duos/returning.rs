//! Returning mentors. Closing a duo schedules the mentor's invitation to start another one
//! after the programme's rest; a background job e-mails it once it is due, and the mentor's
//! home shows it until they answer. Accepting makes them available for matching again.

use chrono::{DateTime, NaiveDate, Utc};
use leptos_i18n::td_string;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};

use super::types::ReturnInvitation;
use crate::db::entities::{duos, mentees, mentor_returns, mentors};
use crate::domain::locale::Locale;
use crate::domain::mentor::MentorStatus;
use crate::domain::returning::{DEFAULT_PAUSE_WEEKS, ReturnAnswer, invite_on, parse_pause_weeks};
use crate::domain::screening;
use crate::error::{AppError, ConflictCode};
use crate::features::auth::SessionUser;
use crate::features::pipeline::service::screening_of;
use crate::i18n::Locale as UiLocale;
use crate::platform::audit;
use crate::platform::database::begin_write;
use crate::platform::errors::db_internal;
use crate::platform::lifecycle::{self, Change};
use crate::platform::outbox::{self, NewMail};
use crate::platform::programme_settings;

/// The programme's rest after a closed duo, in weeks.
pub async fn pause_weeks(conn: &impl ConnectionTrait) -> Result<u32, AppError> {
    Ok(programme_settings::load(conn)
        .await?
        .and_then(|r| u32::try_from(r.return_pause_weeks).ok())
        .unwrap_or(DEFAULT_PAUSE_WEEKS))
}

/// Sets the rest; admins only (the server function checks the role).
pub async fn save_pause_weeks(
    db: &DatabaseConnection,
    user: &SessionUser,
    written: &str,
    now: DateTime<Utc>,
) -> Result<u32, AppError> {
    let weeks = parse_pause_weeks(written)
        .map_err(|code| AppError::Validation(vec![code.at("return_pause_weeks")]))?;
    programme_settings::save(db, user, now, |row| {
        row.return_pause_weeks = Set(i32::try_from(weeks).unwrap_or(i32::MAX));
    })
    .await?;
    Ok(weeks)
}

/// Schedules the invitation of the mentor of `duo`, closed on `closed_on`.
pub(super) async fn schedule(
    conn: &impl ConnectionTrait,
    duo: &duos::Model,
    closed_on: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let weeks = pause_weeks(conn).await?;
    mentor_returns::ActiveModel {
        mentor_id: Set(duo.mentor_id),
        duo_id: Set(duo.id),
        invite_on: Set(invite_on(closed_on, weeks)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await
    .map_err(db_internal("schedule return invitation"))?;
    Ok(())
}

/// Whether the mentor still rests after a duo: paused with no exit reason, as closing left
/// them. A pause a coordinator records has its reason, and then no invitation applies.
fn resting(mentor: &mentors::Model) -> bool {
    mentor.status == MentorStatus::Paused.as_str() && mentor.status_reason.is_none()
}

/// The mentor's invitation that is due on `today` and not answered, while they still rest.
async fn open_invitation(
    conn: &impl ConnectionTrait,
    mentor_id: i32,
    today: NaiveDate,
) -> Result<Option<mentor_returns::Model>, AppError> {
    let resting = mentors::Entity::find_by_id(mentor_id)
        .one(conn)
        .await
        .map_err(db_internal("load mentor"))?
        .is_some_and(|m| resting(&m));
    if !resting {
        return Ok(None);
    }
    mentor_returns::Entity::find()
        .filter(mentor_returns::Column::MentorId.eq(mentor_id))
        .filter(mentor_returns::Column::Answer.is_null())
        .filter(mentor_returns::Column::InviteOn.lte(today))
        .order_by_desc(mentor_returns::Column::InviteOn)
        .one(conn)
        .await
        .map_err(db_internal("load return invitation"))
}

/// What the mentor's home shows of their invitation.
pub async fn invitation(
    conn: &impl ConnectionTrait,
    mentor_id: i32,
    today: NaiveDate,
) -> Result<Option<ReturnInvitation>, AppError> {
    let Some(row) = open_invitation(conn, mentor_id, today).await? else {
        return Ok(None);
    };
    let mentee = duos::Entity::find_by_id(row.duo_id)
        .find_also_related(mentees::Entity)
        .one(conn)
        .await
        .map_err(db_internal("load last duo"))?
        .and_then(|(_, mentee)| mentee);
    Ok(Some(ReturnInvitation {
        id: row.id,
        last_mentee_first_name: mentee.map(|m| m.first_name).unwrap_or_default(),
    }))
}

/// The mentor's answer to their invitation. Yes makes them available for a new duo; no
/// leaves them resting, and a coordinator can talk it over with them.
pub async fn answer(
    db: &DatabaseConnection,
    user: &SessionUser,
    answer: ReturnAnswer,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<(), AppError> {
    let mentor_id = user.mentor_id.ok_or(AppError::Forbidden)?;
    let tx = begin_write(db)
        .await
        .map_err(db_internal("begin return answer"))?;
    let row = open_invitation(&tx, mentor_id, today)
        .await?
        .ok_or(AppError::NotFound)?;
    let updated = mentor_returns::Entity::update_many()
        .col_expr(
            mentor_returns::Column::Answer,
            Expr::value(Some(answer.as_str())),
        )
        .col_expr(mentor_returns::Column::AnsweredAt, Expr::value(Some(now)))
        .filter(mentor_returns::Column::Id.eq(row.id))
        .filter(mentor_returns::Column::Answer.is_null())
        .exec(&tx)
        .await
        .map_err(db_internal("record return answer"))?;
    if updated.rows_affected != 1 {
        return Err(AppError::Conflict(ConflictCode::Stale));
    }
    let by = Some(user.user_id);
    if answer == ReturnAnswer::Accepted {
        // Matching needs the screening on record, as the database also insists; an account
        // made outside the screening lacks it, and the coordinator is told which step.
        let screening = screening_of(&tx, mentor_id).await?;
        let to =
            screening::change_mentor(MentorStatus::Paused, MentorStatus::Available, screening)?;
        lifecycle::change_mentor(
            &tx,
            mentor_id,
            Change {
                from: MentorStatus::Paused,
                to,
                reason: None,
                by,
            },
        )
        .await?;
    }
    audit::record(&tx, by, "return_answer", "mentor", Some(mentor_id))
        .await
        .map_err(db_internal("audit return answer"))?;
    tx.commit()
        .await
        .map_err(db_internal("commit return answer"))
}

/// E-mails every invitation due on `today` that was not sent yet, each once: the row is
/// marked in the same transaction that queues its mail. Returns how many were queued.
pub async fn send_due(
    db: &DatabaseConnection,
    public_url: &str,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<usize, AppError> {
    let tx = begin_write(db)
        .await
        .map_err(db_internal("begin return invitations"))?;
    let due = mentor_returns::Entity::find()
        .filter(mentor_returns::Column::InvitedAt.is_null())
        .filter(mentor_returns::Column::Answer.is_null())
        .filter(mentor_returns::Column::InviteOn.lte(today))
        .find_also_related(mentors::Entity)
        .all(&tx)
        .await
        .map_err(db_internal("due return invitations"))?;
    let mut queued = 0;
    for (row, mentor) in due {
        let marked = mentor_returns::Entity::update_many()
            .col_expr(mentor_returns::Column::InvitedAt, Expr::value(Some(now)))
            .filter(mentor_returns::Column::Id.eq(row.id))
            .filter(mentor_returns::Column::InvitedAt.is_null())
            .exec(&tx)
            .await
            .map_err(db_internal("mark return invitation"))?;
        if marked.rows_affected != 1 {
            continue;
        }
        // A mentor who no longer rests (back by a coordinator, or gone) is not invited.
        let Some(mentor) = mentor.filter(resting) else {
            continue;
        };
        let locale = Locale::parse(&mentor.locale).unwrap_or(Locale::En);
        let ui = UiLocale::from(locale);
        let link = format!("{public_url}/mentor");
        let mail = NewMail {
            kind: "return_invitation",
            to_address: mentor.email.clone(),
            to_name: Some(mentor.first_name.clone()),
            locale,
            subject: td_string!(ui, mail.return_invitation.subject).to_string(),
            body_text: td_string!(
                ui,
                mail.return_invitation.body,
                name = mentor.first_name.as_str(),
                link = link.as_str()
            )
            .to_string(),
            calendar: None,
        };
        outbox::enqueue(&tx, mail)
            .await
            .map_err(db_internal("queue return invitation"))?;
        queued += 1;
    }
    tx.commit()
        .await
        .map_err(db_internal("commit return invitations"))?;
    Ok(queued)
}
