//! Past duos written as the demo seed writes the duos it closes, so the impact dashboard counts
//! them like any other: the duo with its dates, its status history, and for a closed duo the
//! closure with the outcome and the follow-ups. A follow-up with an outcome is done on its due
//! day; one without is scheduled only when it is still to come, so years-old duos do not fill
//! the coordinators' lists with follow-ups nobody can do any more.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set};

use super::service::PlannedDuo;
use super::write::{SLICE, WriteError, Writer, insert_all, max_id, noon};
use crate::db::entities::{closures, duo_status_changes, duos, follow_ups};
use crate::domain::duo::{DuoStatus, planned_end};
use crate::domain::outcome::FollowUpMonth;

pub async fn duos(
    tx: &impl ConnectionTrait,
    list: &[PlannedDuo],
    w: &mut Writer<'_>,
) -> Result<(), WriteError> {
    let mut written = 0;
    for slice in list.chunks(SLICE) {
        duo_slice(tx, slice, w).await?;
        written += slice.len();
        w.step(written)?;
    }
    Ok(())
}

/// `(status, when)` for each step the duo went through, as the duo page's history shows them.
fn steps(duo: &PlannedDuo) -> Vec<(DuoStatus, DateTime<Utc>)> {
    let record = &duo.record;
    let (start, end) = (noon(record.started_on), noon(record.ended_on));
    let mut list = vec![(DuoStatus::Proposed, start), (DuoStatus::Active, start)];
    if record.status == DuoStatus::Closed {
        list.push((DuoStatus::Closing, end));
    }
    list.push((record.status, end));
    list
}

async fn duo_slice(
    tx: &impl ConnectionTrait,
    slice: &[PlannedDuo],
    w: &Writer<'_>,
) -> Result<(), WriteError> {
    let before = max_id::<duos::Entity>(tx).await?;
    let rows = slice
        .iter()
        .map(|duo| {
            let r = &duo.record;
            duos::ActiveModel {
                mentor_id: Set(duo.mentor_id),
                mentee_id: Set(duo.mentee_id),
                city_id: Set(duo.city_id),
                status: Set(r.status.as_str().to_owned()),
                reason_code: Set(r.reason.map(|reason| reason.as_str().to_owned())),
                reason_note: Set(None),
                match_score: Set(None),
                proposed_by: Set(None),
                proposed_at: Set(noon(r.started_on)),
                introduced_at: Set(None),
                started_on: Set(Some(r.started_on)),
                planned_end_on: Set(Some(planned_end(r.started_on))),
                ended_on: Set(Some(r.ended_on)),
                status_changed_at: Set(noon(r.ended_on)),
                created_at: Set(w.now),
                ..Default::default()
            }
        })
        .collect();
    insert_all(tx, rows).await?;
    let mentors: Vec<i32> = slice.iter().map(|d| d.mentor_id).collect();
    let found: Vec<(i32, i32, i32, Option<chrono::NaiveDate>)> = duos::Entity::find()
        .select_only()
        .columns([
            duos::Column::Id,
            duos::Column::MentorId,
            duos::Column::MenteeId,
            duos::Column::StartedOn,
        ])
        .filter(duos::Column::Id.gt(before))
        .filter(duos::Column::MentorId.is_in(mentors))
        .into_tuple()
        .all(tx)
        .await?;
    let ids: HashMap<_, i32> = found
        .into_iter()
        .filter_map(|(id, mentor, mentee, start)| Some(((mentor, mentee, start?), id)))
        .collect();
    let mut history = Vec::new();
    let mut closed = Vec::new();
    let mut follow = Vec::new();
    let mut created = Vec::new();
    for duo in slice {
        let r = &duo.record;
        let Some(&id) = ids.get(&(duo.mentor_id, duo.mentee_id, r.started_on)) else {
            continue;
        };
        created.push(id);
        let mut from: Option<DuoStatus> = None;
        for (status, when) in steps(duo) {
            let reason = (status == r.status).then_some(r.reason).flatten();
            history.push(duo_status_changes::ActiveModel {
                duo_id: Set(id),
                from_status: Set(from.map(|s| s.as_str().to_owned())),
                to_status: Set(status.as_str().to_owned()),
                reason: Set(reason.map(|reason| reason.as_str().to_owned())),
                note: Set(None),
                changed_by: Set(None),
                changed_at: Set(when),
                ..Default::default()
            });
            from = Some(status);
        }
        let Some(outcome) = r.outcome else {
            continue;
        };
        closed.push(closures::ActiveModel {
            duo_id: Set(id),
            outcome: Set(outcome.outcome.as_str().to_owned()),
            contract_type: Set(outcome.job.map(|j| j.contract.as_str().to_owned())),
            lasts_three_months: Set(outcome.job.map(|j| j.lasts_three_months)),
            self_reported: Set(true),
            closed_by: Set(Some(w.admin_id)),
            closed_on: Set(r.ended_on),
            note: Set(None),
        });
        for &month in FollowUpMonth::ALL {
            let due_on = month.due_on(r.ended_on);
            let reported = r.follow_ups.iter().find(|f| f.month == month);
            if reported.is_none() && due_on < w.today {
                continue;
            }
            follow.push(follow_ups::ActiveModel {
                duo_id: Set(id),
                month: Set(i32::try_from(month.months()).unwrap_or(0)),
                due_on: Set(due_on),
                done_on: Set(reported.map(|_| due_on)),
                outcome: Set(reported.map(|f| f.outcome.as_str().to_owned())),
                contract_type: Set(None),
                lasts_three_months: Set(None),
                self_reported: Set(true),
                ..Default::default()
            });
        }
    }
    insert_all(tx, history).await?;
    insert_all(tx, closed).await?;
    insert_all(tx, follow).await?;
    insert_all(tx, w.audit("duo", created)).await?;
    Ok(())
}
