//! The end of a duo: the coordinator starts closing it (at the planned end, or early with a
//! reason), both end evaluations come in, the outcome is recorded and the duo closes. The
//! mentee is then followed up at 3, 6 and 12 months; the mentor rests, then is invited back.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    IntoActiveModel, QueryFilter, QueryOrder, Set,
};

use super::assessments::end_evaluations_done;
use super::life::{advance, load_duo};
use super::returning;
use super::types::{ClosingForm, ClosureView, FollowUpView, OutcomeForm};
use crate::db::entities::{closures, duos, follow_ups};
use crate::domain::duo::{DuoStatus, StopReason, closing_reason};
use crate::domain::mentee::MenteeStatus;
use crate::domain::mentor::MentorStatus;
use crate::domain::outcome::{
    ContractType, FollowUpMonth, JobDetails, Outcome, ReportedOutcome, parse_reported,
};
use crate::domain::text::ShortText;
use crate::error::{AppError, ConflictCode, ErrorCode};
use crate::features::auth::SessionUser;
use crate::platform::audit;
use crate::platform::database::begin_write;
use crate::platform::errors::db_internal;
use crate::platform::lifecycle::{self, Change};

/// The longest note on a closing or an outcome.
const NOTE_MAX: usize = 2000;

fn illegal(duo: &duos::Model, step: &str) -> AppError {
    AppError::Conflict(ConflictCode::IllegalTransition {
        from: duo.status.clone(),
        to: step.to_owned(),
    })
}

/// Starts closing an active duo on `today`, its last day of mentoring. Before the planned end
/// it ends early, and the reason is required.
pub async fn begin(
    db: &DatabaseConnection,
    user: &SessionUser,
    form: ClosingForm,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<(), AppError> {
    let mut errors = Vec::new();
    let reason = match form.reason.trim() {
        "" => None,
        written => StopReason::parse(written).or_else(|| {
            errors.push(ErrorCode::InvalidChoice.at("reason"));
            None
        }),
    };
    let note = ShortText::parse_optional(&form.note, NOTE_MAX)
        .map_err(|code| errors.push(code.at("note")))
        .ok()
        .flatten();
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let tx = begin_write(db)
        .await
        .map_err(db_internal("begin closing"))?;
    let duo = load_duo(&tx, user, form.duo_id).await?;
    let (Some(DuoStatus::Active), Some(planned_end)) =
        (DuoStatus::parse(&duo.status), duo.planned_end_on)
    else {
        return Err(illegal(&duo, DuoStatus::Closing.as_str()));
    };
    let reason = closing_reason(planned_end, today, reason)
        .map_err(|code| AppError::Validation(vec![code.at("reason")]))?;
    let by = Some(user.user_id);
    let reason = reason.map(StopReason::as_str);
    advance(&tx, &duo, DuoStatus::Closing, reason, by, now).await?;
    duos::Entity::update_many()
        .col_expr(duos::Column::EndedOn, Expr::value(Some(today)))
        .col_expr(
            duos::Column::ReasonNote,
            Expr::value(note.map(|n| n.as_str().to_owned())),
        )
        .filter(duos::Column::Id.eq(duo.id))
        .exec(&tx)
        .await
        .map_err(db_internal("mark duo ended"))?;
    audit::record(&tx, by, "begin_closing", "duo", Some(duo.id))
        .await
        .map_err(db_internal("audit begin closing"))?;
    tx.commit().await.map_err(db_internal("commit closing"))
}

/// An outcome form, read: the outcome with its job details, and the note.
fn parse_outcome(form: &OutcomeForm) -> Result<(ReportedOutcome, Option<ShortText>), AppError> {
    let mut errors = Vec::new();
    let reported = parse_reported(&form.outcome, &form.contract_type, &form.lasts_three_months)
        .map_err(|mut refused| errors.append(&mut refused))
        .ok();
    let note = ShortText::parse_optional(&form.note, NOTE_MAX)
        .map_err(|code| errors.push(code.at("note")))
        .ok()
        .flatten();
    match reported {
        Some(reported) if errors.is_empty() => Ok((reported, note)),
        _ => Err(AppError::Validation(errors)),
    }
}

fn contract_of(reported: &ReportedOutcome) -> Option<String> {
    reported.job.map(|job| job.contract.as_str().to_owned())
}

fn lasts_of(reported: &ReportedOutcome) -> Option<bool> {
    reported.job.map(|job| job.lasts_three_months)
}

/// An outcome as stored, back in its type; a job stored before its details were asked for
/// has none.
fn stored_outcome(
    outcome: &str,
    contract: Option<&str>,
    lasts: Option<bool>,
) -> Option<ReportedOutcome> {
    let outcome = Outcome::parse(outcome)?;
    let job =
        contract
            .and_then(ContractType::parse)
            .zip(lasts)
            .map(|(contract, lasts_three_months)| JobDetails {
                contract,
                lasts_three_months,
            });
    Some(ReportedOutcome { outcome, job })
}

/// Closes a duo whose two end evaluations are in, with the outcome the mentee reported. The
/// follow-ups at 3, 6 and 12 months are scheduled from the last day of mentoring; the mentee
/// is followed up, and the mentor rests until the programme invites them back.
pub async fn close(
    db: &DatabaseConnection,
    user: &SessionUser,
    form: OutcomeForm,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<(), AppError> {
    let (reported, note) = parse_outcome(&form)?;
    let tx = begin_write(db).await.map_err(db_internal("begin close"))?;
    let duo = load_duo(&tx, user, form.target).await?;
    if DuoStatus::parse(&duo.status) != Some(DuoStatus::Closing) {
        return Err(illegal(&duo, DuoStatus::Closed.as_str()));
    }
    if !end_evaluations_done(&tx, duo.id).await? {
        return Err(AppError::Conflict(ConflictCode::EvaluationsMissing));
    }
    let by = Some(user.user_id);
    closures::ActiveModel {
        duo_id: Set(duo.id),
        outcome: Set(reported.outcome.as_str().to_owned()),
        contract_type: Set(contract_of(&reported)),
        lasts_three_months: Set(lasts_of(&reported)),
        self_reported: Set(true),
        closed_by: Set(by),
        closed_on: Set(today),
        note: Set(note.map(|n| n.as_str().to_owned())),
    }
    .insert(&tx)
    .await
    .map_err(db_internal("insert closure"))?;
    let ended = duo.ended_on.unwrap_or(today);
    for &month in FollowUpMonth::ALL {
        follow_ups::ActiveModel {
            duo_id: Set(duo.id),
            month: Set(month.months() as i32),
            due_on: Set(month.due_on(ended)),
            self_reported: Set(true),
            ..Default::default()
        }
        .insert(&tx)
        .await
        .map_err(db_internal("schedule follow-up"))?;
    }
    // Closing keeps the reason it began with.
    advance(
        &tx,
        &duo,
        DuoStatus::Closed,
        duo.reason_code.as_deref(),
        by,
        now,
    )
    .await?;
    lifecycle::change_mentee(
        &tx,
        duo.mentee_id,
        Change {
            from: MenteeStatus::InDuo,
            to: MenteeStatus::FollowedUp,
            reason: None,
            by,
        },
    )
    .await?;
    // The rest after a duo is no exit: no exit reason, and the invitation says when it ends.
    lifecycle::change_mentor(
        &tx,
        duo.mentor_id,
        Change {
            from: MentorStatus::InDuo,
            to: MentorStatus::Paused,
            reason: None,
            by,
        },
    )
    .await?;
    returning::schedule(&tx, &duo, today, now).await?;
    audit::record(&tx, by, "close_duo", "duo", Some(duo.id))
        .await
        .map_err(db_internal("audit close duo"))?;
    tx.commit().await.map_err(db_internal("commit close"))
}

/// Records what the mentee reported at a follow-up, from its due date on. Recording it again
/// corrects it.
pub async fn record_follow_up(
    db: &DatabaseConnection,
    user: &SessionUser,
    form: OutcomeForm,
    today: NaiveDate,
) -> Result<(), AppError> {
    let (reported, _) = parse_outcome(&form)?;
    let tx = begin_write(db)
        .await
        .map_err(db_internal("begin follow-up"))?;
    let follow_up = follow_ups::Entity::find_by_id(form.target)
        .one(&tx)
        .await
        .map_err(db_internal("load follow-up"))?
        .ok_or(AppError::NotFound)?;
    let duo = load_duo(&tx, user, follow_up.duo_id).await?;
    if today < follow_up.due_on {
        return Err(AppError::Conflict(ConflictCode::FollowUpNotDue {
            due_on: follow_up.due_on,
        }));
    }
    let mut row = follow_up.into_active_model();
    row.done_on = Set(Some(today));
    row.outcome = Set(Some(reported.outcome.as_str().to_owned()));
    row.contract_type = Set(contract_of(&reported));
    row.lasts_three_months = Set(lasts_of(&reported));
    row.update(&tx)
        .await
        .map_err(db_internal("record follow-up"))?;
    audit::record(&tx, Some(user.user_id), "follow_up", "duo", Some(duo.id))
        .await
        .map_err(db_internal("audit follow-up"))?;
    tx.commit().await.map_err(db_internal("commit follow-up"))
}

/// The closure of a duo, once closed.
pub async fn closure(
    conn: &impl ConnectionTrait,
    duo_id: i32,
) -> Result<Option<ClosureView>, AppError> {
    let row = closures::Entity::find_by_id(duo_id)
        .one(conn)
        .await
        .map_err(db_internal("load closure"))?;
    Ok(row.and_then(|row| {
        Some(ClosureView {
            reported: stored_outcome(
                &row.outcome,
                row.contract_type.as_deref(),
                row.lasts_three_months,
            )?,
            closed_on: row.closed_on,
            note: row.note,
        })
    }))
}

/// The follow-ups of a duo, soonest first.
pub async fn follow_ups_of(
    conn: &impl ConnectionTrait,
    duo_id: i32,
) -> Result<Vec<FollowUpView>, AppError> {
    let rows = follow_ups::Entity::find()
        .filter(follow_ups::Column::DuoId.eq(duo_id))
        .order_by_asc(follow_ups::Column::DueOn)
        .all(conn)
        .await
        .map_err(db_internal("load follow-ups"))?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let reported = row.outcome.as_deref().and_then(|outcome| {
                stored_outcome(
                    outcome,
                    row.contract_type.as_deref(),
                    row.lasts_three_months,
                )
            });
            Some(FollowUpView {
                id: row.id,
                month: FollowUpMonth::from_months(u32::try_from(row.month).ok()?)?,
                due_on: row.due_on,
                done_on: row.done_on,
                reported,
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_outcomes_come_back_with_their_job_details() {
        let job = stored_outcome("job", Some("permanent"), Some(false)).unwrap();
        assert_eq!(
            job.job,
            Some(JobDetails {
                contract: ContractType::Permanent,
                lasts_three_months: false
            })
        );
        let before_details = stored_outcome("job", None, None).unwrap();
        assert_eq!(
            (before_details.outcome, before_details.job),
            (Outcome::Job, None)
        );
        assert_eq!(stored_outcome("hired", None, None), None);
    }

    #[test]
    fn an_outcome_form_names_each_refused_field() {
        let form = OutcomeForm {
            target: 1,
            outcome: "job".to_owned(),
            contract_type: String::new(),
            lasts_three_months: "yes".to_owned(),
            note: "x".repeat(NOTE_MAX + 1),
        };
        match parse_outcome(&form) {
            Err(AppError::Validation(errors)) => {
                let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
                assert_eq!(fields, ["contract_type", "note"]);
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
    }
}
