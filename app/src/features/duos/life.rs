//! A duo from its introduction to its start: the introduction meeting and both answers, the
//! agreement each side signs, and the start of active mentoring. Each step is one transaction
//! with its status line, its e-mails and its audit entry.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    IntoActiveModel, QueryFilter, Set,
};

use super::mail;
use super::service::{PoolMove, pool_move, record_status};
use super::types::{DuoStart, IntroductionPlan, IntroductionReport};
use crate::db::entities::{duo_agreements, duo_introductions, duos, mentees, mentors};
use crate::domain::calendar;
use crate::domain::duo::{
    AGREEMENT_VERSION, DeclineReason, DuoStatus, IntroductionAnswer, IntroductionResult,
    PlannedEnd, introduction_result,
};
use crate::domain::evaluation::Respondent;
use crate::domain::locale::Locale;
use crate::domain::role::Role;
use crate::error::{AppError, ConflictCode, ErrorCode, FieldError};
use crate::features::auth::SessionUser;
use crate::features::auth::guard::ensure_city;
use crate::platform::audit;
use crate::platform::database::begin_write;
use crate::platform::errors::db_internal;
use crate::platform::outbox::{self, Recipient};

/// The duo `duo_id`, if `user` may see it: a mentor their own duo, staff the duos of their
/// cities.
pub async fn load_duo(
    conn: &impl ConnectionTrait,
    user: &SessionUser,
    duo_id: i32,
) -> Result<duos::Model, AppError> {
    let duo = duos::Entity::find_by_id(duo_id)
        .one(conn)
        .await
        .map_err(db_internal("load duo"))?
        .ok_or(AppError::NotFound)?;
    match user.role {
        Role::Mentor if user.mentor_id == Some(duo.mentor_id) => Ok(duo),
        Role::Mentor => Err(AppError::Forbidden),
        _ => ensure_city(user, duo.city_id).map(|()| duo),
    }
}

fn status_of(duo: &duos::Model) -> Result<DuoStatus, AppError> {
    DuoStatus::parse(&duo.status).ok_or(AppError::NotFound)
}

/// Refuses the step unless the duo is in `expected`: the step's own name is the `to` of the
/// conflict, so the page can say what could not be done.
fn expect_status(duo: &duos::Model, expected: DuoStatus, step: &str) -> Result<(), AppError> {
    let status = status_of(duo)?;
    if status == expected {
        Ok(())
    } else {
        Err(AppError::Conflict(ConflictCode::IllegalTransition {
            from: status.as_str().to_owned(),
            to: step.to_owned(),
        }))
    }
}

/// Moves the duo from its current status to `to`, if the life cycle allows it and nobody moved
/// it meanwhile, and records the step.
pub(super) async fn advance(
    conn: &impl ConnectionTrait,
    duo: &duos::Model,
    to: DuoStatus,
    reason: Option<&str>,
    by: Option<i32>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let from = status_of(duo)?;
    let to = from.transition(to)?;
    let updated = duos::Entity::update_many()
        .col_expr(duos::Column::Status, Expr::value(to.as_str()))
        .col_expr(duos::Column::ReasonCode, Expr::value(reason))
        .col_expr(duos::Column::StatusChangedAt, Expr::value(now))
        .filter(duos::Column::Id.eq(duo.id))
        .filter(duos::Column::Status.eq(from.as_str()))
        .exec(conn)
        .await
        .map_err(db_internal("move duo"))?;
    if updated.rows_affected != 1 {
        return Err(AppError::Conflict(ConflictCode::Stale));
    }
    record_status(conn, duo.id, Some(from), to, reason, by).await
}

/// Gives mentor and mentee of a duo that did not start back to the pool. The mentee keeps
/// their place in the queue: the wait is not over.
pub(super) async fn release_pair(
    conn: &impl ConnectionTrait,
    duo: &duos::Model,
    by: Option<i32>,
) -> Result<(), AppError> {
    let waiting_since = mentees::Entity::find_by_id(duo.mentee_id)
        .one(conn)
        .await
        .map_err(db_internal("load mentee"))?
        .and_then(|m| m.waiting_since);
    pool_move(
        conn,
        (duo.mentor_id, duo.mentee_id),
        PoolMove::BackToPool,
        by,
    )
    .await?;
    if let Some(since) = waiting_since {
        mentees::Entity::update_many()
            .col_expr(mentees::Column::WaitingSince, Expr::value(Some(since)))
            .filter(mentees::Column::Id.eq(duo.mentee_id))
            .exec(conn)
            .await
            .map_err(db_internal("keep waiting since"))?;
    }
    Ok(())
}

/// Plans (or moves) the introduction meeting of a proposed duo. Mentor and mentee each get an
/// e-mail in their language with a calendar invitation; a mentee without an e-mail address is
/// told by the coordinator.
pub async fn schedule_introduction(
    db: &DatabaseConnection,
    user: &SessionUser,
    plan: IntroductionPlan,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let (at, place) =
        calendar::parse_appointment(&plan.at, &plan.place, now).map_err(AppError::Validation)?;
    let tx = begin_write(db)
        .await
        .map_err(db_internal("begin schedule introduction"))?;
    let duo = load_duo(&tx, user, plan.duo_id).await?;
    expect_status(&duo, DuoStatus::Proposed, "introduction")?;
    let existing = duo_introductions::Entity::find_by_id(duo.id)
        .one(&tx)
        .await
        .map_err(db_internal("load introduction"))?;
    let saved = match existing {
        Some(row) => {
            let mut row = row.into_active_model();
            row.scheduled_at = Set(at);
            row.place = Set(place.as_str().to_owned());
            row.scheduled_by = Set(Some(user.user_id));
            row.update(&tx).await
        }
        None => {
            duo_introductions::ActiveModel {
                duo_id: Set(duo.id),
                scheduled_at: Set(at),
                place: Set(place.as_str().to_owned()),
                scheduled_by: Set(Some(user.user_id)),
                mentor_answer: Set(None),
                mentee_answer: Set(None),
                answered_at: Set(None),
                created_at: Set(now),
            }
            .insert(&tx)
            .await
        }
    };
    saved.map_err(db_internal("save introduction"))?;

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
    let invitation = |name: &str, email: &str, locale: &str, other: &str| {
        let recipient = Recipient {
            name,
            email,
            locale: Locale::parse(locale).unwrap_or(Locale::En),
        };
        mail::introduction_invitation(&recipient, other, duo.id, at, place.as_str(), now)
    };
    let mut mails = vec![invitation(
        &mentor.first_name,
        &mentor.email,
        &mentor.locale,
        &mentee.first_name,
    )];
    if let Some(email) = mentee.email.as_deref() {
        mails.push(invitation(
            &mentee.first_name,
            email,
            &mentee.locale,
            &mentor.first_name,
        ));
    }
    for mail in mails {
        outbox::enqueue(&tx, mail)
            .await
            .map_err(db_internal("queue introduction mail"))?;
    }
    audit::record(
        &tx,
        Some(user.user_id),
        "schedule_introduction",
        "duo",
        Some(duo.id),
    )
    .await
    .map_err(db_internal("audit schedule introduction"))?;
    tx.commit()
        .await
        .map_err(db_internal("commit schedule introduction"))
}

fn parse_answer(
    field: &str,
    value: &str,
    errors: &mut Vec<FieldError>,
) -> Option<IntroductionAnswer> {
    let answer = IntroductionAnswer::parse(value.trim());
    if answer.is_none() {
        errors.push(ErrorCode::Required.at(field));
    }
    answer
}

/// Records both answers given at the introduction. Two yeses introduce the duo and open its
/// agreement; a no declines it, with its reason, and both people go back to the pool.
pub async fn record_introduction(
    db: &DatabaseConnection,
    user: &SessionUser,
    report: IntroductionReport,
    now: DateTime<Utc>,
) -> Result<DuoStatus, AppError> {
    let mut errors = Vec::new();
    let mentor = parse_answer("mentor", &report.mentor, &mut errors);
    let mentee = parse_answer("mentee", &report.mentee, &mut errors);
    let reason = match report.reason.trim() {
        "" => None,
        written => match DeclineReason::parse(written) {
            Some(reason) => Some(reason),
            None => {
                errors.push(ErrorCode::InvalidChoice.at("reason"));
                None
            }
        },
    };
    let (Some(mentor), Some(mentee), true) = (mentor, mentee, errors.is_empty()) else {
        return Err(AppError::Validation(errors));
    };
    let result = introduction_result(mentor, mentee, reason)
        .map_err(|code| AppError::Validation(vec![code.at("reason")]))?;

    let tx = begin_write(db)
        .await
        .map_err(db_internal("begin record introduction"))?;
    let duo = load_duo(&tx, user, report.duo_id).await?;
    expect_status(&duo, DuoStatus::Proposed, "introduced")?;
    let introduction = duo_introductions::Entity::find_by_id(duo.id)
        .one(&tx)
        .await
        .map_err(db_internal("load introduction"))?
        // The meeting is planned first: its answers are what was said there.
        .ok_or_else(|| {
            AppError::Conflict(ConflictCode::IllegalTransition {
                from: DuoStatus::Proposed.as_str().to_owned(),
                to: DuoStatus::Introduced.as_str().to_owned(),
            })
        })?;
    let mut answered = introduction.into_active_model();
    answered.mentor_answer = Set(Some(mentor.as_str().to_owned()));
    answered.mentee_answer = Set(Some(mentee.as_str().to_owned()));
    answered.answered_at = Set(Some(now));
    answered
        .update(&tx)
        .await
        .map_err(db_internal("record answers"))?;
    let by = Some(user.user_id);
    let status = match result {
        IntroductionResult::Introduced => {
            advance(&tx, &duo, DuoStatus::Introduced, None, by, now).await?;
            duos::Entity::update_many()
                .col_expr(duos::Column::IntroducedAt, Expr::value(Some(now)))
                .filter(duos::Column::Id.eq(duo.id))
                .exec(&tx)
                .await
                .map_err(db_internal("mark introduced"))?;
            duo_agreements::ActiveModel {
                duo_id: Set(duo.id),
                version: Set(AGREEMENT_VERSION.to_owned()),
                mentor_signed_at: Set(None),
                mentee_signed_at: Set(None),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(&tx)
            .await
            .map_err(db_internal("open agreement"))?;
            DuoStatus::Introduced
        }
        IntroductionResult::Declined(reason) => {
            let reason = Some(reason.as_str());
            advance(&tx, &duo, DuoStatus::Declined, reason, by, now).await?;
            release_pair(&tx, &duo, by).await?;
            DuoStatus::Declined
        }
    };
    audit::record(&tx, by, "record_introduction", "duo", Some(duo.id))
        .await
        .map_err(db_internal("audit record introduction"))?;
    tx.commit()
        .await
        .map_err(db_internal("commit record introduction"))?;
    Ok(status)
}

/// Records one side's signature of the duo agreement, on the version it was opened with. A
/// mentor signs their own side; a coordinator records either side, signed at the meeting.
/// Signing again changes nothing.
pub async fn sign_agreement(
    db: &DatabaseConnection,
    user: &SessionUser,
    duo_id: i32,
    side: Respondent,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    if user.role == Role::Mentor && side != Respondent::Mentor {
        return Err(AppError::Forbidden);
    }
    let tx = begin_write(db)
        .await
        .map_err(db_internal("begin sign agreement"))?;
    let duo = load_duo(&tx, user, duo_id).await?;
    expect_status(&duo, DuoStatus::Introduced, "agreement")?;
    let column = match side {
        Respondent::Mentor => duo_agreements::Column::MentorSignedAt,
        Respondent::Mentee => duo_agreements::Column::MenteeSignedAt,
    };
    duo_agreements::Entity::update_many()
        .col_expr(column, Expr::value(Some(now)))
        .filter(duo_agreements::Column::DuoId.eq(duo.id))
        .filter(column.is_null())
        .exec(&tx)
        .await
        .map_err(db_internal("sign agreement"))?;
    let action = match side {
        Respondent::Mentor => "sign_agreement_mentor",
        Respondent::Mentee => "sign_agreement_mentee",
    };
    audit::record(&tx, Some(user.user_id), action, "duo", Some(duo.id))
        .await
        .map_err(db_internal("audit sign agreement"))?;
    tx.commit()
        .await
        .map_err(db_internal("commit sign agreement"))
}

fn parse_date(field: &str, value: &str) -> Result<NaiveDate, FieldError> {
    match value.trim() {
        "" => Err(ErrorCode::Required.at(field)),
        written => NaiveDate::parse_from_str(written, "%Y-%m-%d")
            .map_err(|_| ErrorCode::InvalidDate.at(field)),
    }
}

/// The start and planned end of a duo: the start not before the introduction nor after today,
/// the end after the start and at most six months later (the default).
fn parse_start(
    form: &DuoStart,
    introduced_on: NaiveDate,
    today: NaiveDate,
) -> Result<(NaiveDate, PlannedEnd), AppError> {
    let start = parse_date("started_on", &form.started_on).and_then(|start| {
        if start > today {
            Err(ErrorCode::DateInFuture.at("started_on"))
        } else if start < introduced_on {
            Err(ErrorCode::DateBeforeStart {
                start: introduced_on,
            }
            .at("started_on"))
        } else {
            Ok(start)
        }
    });
    let start = start.map_err(|e| AppError::Validation(vec![e]))?;
    let end = match form.planned_end_on.trim() {
        "" => PlannedEnd::longest(start),
        _ => parse_date("planned_end_on", &form.planned_end_on)
            .and_then(|end| PlannedEnd::parse(start, end).map_err(|c| c.at("planned_end_on")))
            .map_err(|e| AppError::Validation(vec![e]))?,
    };
    Ok((start, end))
}

/// Starts active mentoring once both sides signed the agreement.
pub async fn start(
    db: &DatabaseConnection,
    user: &SessionUser,
    form: DuoStart,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<(), AppError> {
    let tx = begin_write(db)
        .await
        .map_err(db_internal("begin start duo"))?;
    let duo = load_duo(&tx, user, form.duo_id).await?;
    expect_status(&duo, DuoStatus::Introduced, DuoStatus::Active.as_str())?;
    let signed = duo_agreements::Entity::find()
        .filter(duo_agreements::Column::DuoId.eq(duo.id))
        .one(&tx)
        .await
        .map_err(db_internal("load agreement"))?
        .is_some_and(|a| a.mentor_signed_at.is_some() && a.mentee_signed_at.is_some());
    if !signed {
        return Err(AppError::Conflict(ConflictCode::AgreementUnsigned));
    }
    let introduced_on = duo
        .introduced_at
        .map(|at| crate::domain::local_time::to_local(at).date())
        .unwrap_or(today);
    let (start, end) = parse_start(&form, introduced_on, today)?;
    let by = Some(user.user_id);
    advance(&tx, &duo, DuoStatus::Active, None, by, now).await?;
    duos::Entity::update_many()
        .col_expr(duos::Column::StartedOn, Expr::value(Some(start)))
        .col_expr(duos::Column::PlannedEndOn, Expr::value(Some(end.date())))
        .filter(duos::Column::Id.eq(duo.id))
        .exec(&tx)
        .await
        .map_err(db_internal("set duo dates"))?;
    audit::record(&tx, by, "start_duo", "duo", Some(duo.id))
        .await
        .map_err(db_internal("audit start duo"))?;
    tx.commit().await.map_err(db_internal("commit start duo"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn form(start: &str, end: &str) -> DuoStart {
        DuoStart {
            duo_id: 1,
            started_on: start.to_owned(),
            planned_end_on: end.to_owned(),
        }
    }

    fn refused(result: Result<(NaiveDate, PlannedEnd), AppError>) -> Vec<FieldError> {
        match result {
            Err(AppError::Validation(errors)) => errors,
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn the_start_lies_between_the_introduction_and_today() {
        let (introduced, today) = (day(3, 2), day(3, 10));
        let ok = parse_start(&form("2026-03-05", ""), introduced, today).unwrap();
        assert_eq!((ok.0, ok.1.date()), (day(3, 5), day(9, 5)));
        let cases = [
            ("", ErrorCode::Required),
            ("5/3/2026", ErrorCode::InvalidDate),
            ("2026-03-11", ErrorCode::DateInFuture),
            (
                "2026-03-01",
                ErrorCode::DateBeforeStart { start: introduced },
            ),
        ];
        for (start, code) in cases {
            let errors = refused(parse_start(&form(start, ""), introduced, today));
            assert_eq!(errors, vec![code.at("started_on")], "{start}");
        }
    }

    #[test]
    fn the_planned_end_is_capped_at_six_months() {
        let (introduced, today) = (day(3, 2), day(3, 10));
        let chosen = parse_start(&form("2026-03-05", "2026-08-01"), introduced, today).unwrap();
        assert_eq!(chosen.1.date(), day(8, 1));
        let late = refused(parse_start(
            &form("2026-03-05", "2026-09-06"),
            introduced,
            today,
        ));
        let latest = day(9, 5);
        assert_eq!(
            late,
            vec![ErrorCode::PlannedEndTooLate { latest }.at("planned_end_on")]
        );
        let before = refused(parse_start(
            &form("2026-03-05", "2026-03-05"),
            introduced,
            today,
        ));
        assert_eq!(
            before,
            vec![ErrorCode::EndNotAfterStart.at("planned_end_on")]
        );
    }
}
