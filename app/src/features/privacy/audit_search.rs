//! The audit log as admins search it: by subject, by who acted, by action and by day, newest
//! first, a page at a time.

use chrono::{Days, NaiveDate, NaiveTime};
use sea_orm::sea_query::{Expr, ExprTrait, Func, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;

use super::types::{AUDIT_PAGE_SIZE, AUDIT_SUBJECTS, AuditEntry, AuditPage, AuditQuery};
use crate::db::entities::{audit_log, users};
use crate::domain::error::ErrorCode;
use crate::domain::impact::parse_period;
use crate::domain::local_time::from_local;
use crate::error::AppError;
use crate::platform::errors::db_internal;

/// The first instant of a Brussels day.
fn start_of(day: NaiveDate) -> Option<chrono::DateTime<chrono::Utc>> {
    from_local(day.and_time(NaiveTime::MIN))
}

pub async fn search(
    conn: &impl ConnectionTrait,
    query: &AuditQuery,
    today: NaiveDate,
) -> Result<AuditPage, AppError> {
    let text = |value: &Option<String>| {
        value
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
    };
    let mut errors = Vec::new();
    let subject = text(&query.subject);
    if subject
        .as_deref()
        .is_some_and(|s| !AUDIT_SUBJECTS.contains(&s))
    {
        errors.push(ErrorCode::InvalidChoice.at("subject"));
    }
    let from = text(&query.from);
    let to = text(&query.to);
    let period = parse_period(from.as_deref(), to.as_deref(), today)
        .map_err(|e| errors.push(e.field_error()))
        .ok();
    let Some(period) = period.filter(|_| errors.is_empty()) else {
        return Err(AppError::Validation(errors));
    };

    let mut find = audit_log::Entity::find();
    if let Some(subject) = subject {
        find = find.filter(audit_log::Column::SubjectKind.eq(subject));
    }
    if let Some(id) = query.subject_id {
        find = find.filter(audit_log::Column::SubjectId.eq(id));
    }
    if let Some(action) = text(&query.action) {
        find = find.filter(audit_log::Column::Action.eq(action));
    }
    if let Some(actor) = text(&query.actor) {
        let pattern = format!("%{}%", actor.to_lowercase());
        let matching = Query::select()
            .column(users::Column::Id)
            .from(users::Entity)
            .and_where(Expr::expr(Func::lower(Expr::col(users::Column::Email))).like(pattern))
            .to_owned();
        find = find.filter(audit_log::Column::ActorUserId.in_subquery(matching));
    }
    if from.is_some()
        && let Some(start) = start_of(period.from)
    {
        find = find.filter(audit_log::Column::At.gte(start));
    }
    if to.is_some()
        && let Some(end) = period.to.checked_add_days(Days::new(1)).and_then(start_of)
    {
        find = find.filter(audit_log::Column::At.lt(end));
    }
    if let Some(before) = query.before {
        find = find.filter(audit_log::Column::Id.lt(before));
    }
    let mut rows = find
        .order_by_desc(audit_log::Column::Id)
        .limit(AUDIT_PAGE_SIZE + 1)
        .all(conn)
        .await
        .map_err(db_internal("audit search"))?;
    let more = rows.len() as u64 > AUDIT_PAGE_SIZE;
    rows.truncate(AUDIT_PAGE_SIZE as usize);

    let actor_ids: Vec<i32> = rows.iter().filter_map(|r| r.actor_user_id).collect();
    let emails: HashMap<i32, String> = users::Entity::find()
        .filter(users::Column::Id.is_in(actor_ids))
        .all(conn)
        .await
        .map_err(db_internal("audit actors"))?
        .into_iter()
        .map(|u| (u.id, u.email))
        .collect();
    let actions: Vec<String> = audit_log::Entity::find()
        .select_only()
        .column(audit_log::Column::Action)
        .distinct()
        .order_by_asc(audit_log::Column::Action)
        .into_tuple()
        .all(conn)
        .await
        .map_err(db_internal("audit actions"))?;
    let entries = rows
        .into_iter()
        .map(|r| AuditEntry {
            id: r.id,
            at: r.at,
            actor: r.actor_user_id.and_then(|id| emails.get(&id).cloned()),
            action: r.action,
            subject: r.subject_kind,
            subject_id: r.subject_id,
            from_address: r.from_address,
        })
        .collect();
    Ok(AuditPage {
        entries,
        more,
        actions,
    })
}
