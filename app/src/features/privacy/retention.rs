//! Retention: the platform keeps a person's data for the programme's period (24 months by
//! default) after their last activity or follow-up, then the retention job anonymises them,
//! exactly as an admin's erasure does (`erasure::anonymise`). Admins see who goes next.
//!
//! A person's last activity is the latest of: their own record's last edit or status change,
//! the last change or end of one of their duos, the duo's last meeting, and, for mentees, the
//! last follow-up (done, or due when not done yet); for mentors, their last sign-in. People in
//! an open duo are never due.
//!
//! A public sign-up whose address was never confirmed (`applications::service::confirm`) is
//! deleted outright 30 days after it was made: it never took part, so nothing of it counts.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
    Statement,
};

use super::erasure::{RULES, anonymise};
use super::subject;
use super::types::{RETENTION_PREVIEW_SIZE, RetentionDue, RetentionPreview, SignUpDue};
use crate::db::entities::mentors;
use crate::db::purposes;
use crate::domain::duo::DuoStatus;
use crate::domain::local_time::to_local;
use crate::domain::mentor::MentorStatus;
use crate::domain::retention::{
    DEFAULT_RETENTION_MONTHS, due_on, parse_retention_months, sign_up_removed_on,
};
use crate::error::{AppError, ConflictCode};
use crate::features::auth::types::SessionUser;
use crate::features::people::types::PersonKind;
use crate::features::reference::queries::cities;
use crate::platform::audit::{self, Entry};
use crate::platform::database::begin_write;
use crate::platform::errors::db_internal;
use crate::platform::programme_settings;

/// The audit log's action for an anonymisation by the retention job.
pub const RETENTION_ACTION: &str = "retention";
/// The audit log's action for the deletion of an unconfirmed sign-up.
pub const PURGE_ACTION: &str = "purge_sign_up";

/// The programme's retention period, in months.
pub async fn months(conn: &impl ConnectionTrait) -> Result<u32, AppError> {
    Ok(programme_settings::load(conn)
        .await?
        .and_then(|r| u32::try_from(r.retention_months).ok())
        .unwrap_or(DEFAULT_RETENTION_MONTHS))
}

/// Sets the retention period; admins only (the server function checks the role).
pub async fn save_months(
    db: &DatabaseConnection,
    user: &SessionUser,
    written: &str,
    now: DateTime<Utc>,
) -> Result<u32, AppError> {
    let months = parse_retention_months(written)
        .map_err(|code| AppError::Validation(vec![code.at("retention_months")]))?;
    programme_settings::save(db, user, now, |row| {
        row.retention_months = Set(i32::try_from(months).unwrap_or(i32::MAX));
    })
    .await?;
    Ok(months)
}

/// A person who may be due, with the dates their last activity is the latest of.
struct Candidate {
    kind: PersonKind,
    id: i32,
    name: String,
    city_id: i32,
    last_activity: Option<NaiveDate>,
}

/// The day of a date or timestamp given as text by either backend.
fn day_of(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()
}

/// The SQL that lists the people of `kind` not anonymised and not in an open duo, each with
/// the dates of their activity as text columns `a0`, `a1`, …, and how many such columns.
fn candidates_sql(kind: PersonKind) -> (String, usize) {
    let people = kind.as_str();
    let person = format!("{}_id", kind.singular());
    let duos = format!("SELECT d.id FROM duos d WHERE d.{person} = p.id");
    let mut dates = vec![
        "p.updated_at".to_owned(),
        "p.status_changed_at".to_owned(),
        format!("(SELECT MAX(d.status_changed_at) FROM duos d WHERE d.{person} = p.id)"),
        format!("(SELECT MAX(d.ended_on) FROM duos d WHERE d.{person} = p.id)"),
        format!("(SELECT MAX(m.held_on) FROM meetings m WHERE m.duo_id IN ({duos}))"),
    ];
    match kind {
        PersonKind::Mentees => dates.push(format!(
            "(SELECT MAX(COALESCE(f.done_on, f.due_on)) FROM follow_ups f \
             WHERE f.duo_id IN ({duos}))"
        )),
        PersonKind::Mentors => {
            dates.push("(SELECT u.last_sign_in_at FROM users u WHERE u.id = p.user_id)".to_owned())
        }
    }
    let open = DuoStatus::OPEN
        .iter()
        .map(|s| format!("'{}'", s.as_str()))
        .collect::<Vec<_>>()
        .join(", ");
    let columns = dates
        .iter()
        .enumerate()
        .map(|(i, date)| format!("CAST({date} AS TEXT) AS a{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT p.id AS id, p.city_id AS city_id, p.first_name AS first_name, \
         p.last_name AS last_name, {columns} FROM {people} p \
         WHERE p.anonymised_at IS NULL AND NOT EXISTS \
         (SELECT 1 FROM duos d WHERE d.{person} = p.id AND d.status IN ({open}))"
    );
    (sql, dates.len())
}

async fn candidates(conn: &impl ConnectionTrait) -> Result<Vec<Candidate>, AppError> {
    let mut found = Vec::new();
    for kind in [PersonKind::Mentors, PersonKind::Mentees] {
        let (sql, dates) = candidates_sql(kind);
        let statement = Statement::from_string(conn.get_database_backend(), sql);
        let rows = conn
            .query_all_raw(statement)
            .await
            .map_err(db_internal("retention candidates"))?;
        for row in rows {
            let read = |e: sea_orm::DbErr| db_internal("retention candidate")(e);
            let first: String = row.try_get("", "first_name").map_err(read)?;
            let last: String = row.try_get("", "last_name").map_err(read)?;
            let mut last_activity = None;
            for i in 0..dates {
                let date: Option<String> = row.try_get("", &format!("a{i}")).map_err(read)?;
                last_activity = last_activity.max(date.as_deref().and_then(day_of));
            }
            found.push(Candidate {
                kind,
                id: row.try_get("", "id").map_err(read)?,
                name: format!("{first} {last}"),
                city_id: row.try_get("", "city_id").map_err(read)?,
                last_activity,
            });
        }
    }
    Ok(found)
}

/// Everyone not anonymised and not in an open duo, with their day, the earliest first.
async fn schedule(conn: &impl ConnectionTrait, months: u32) -> Result<Vec<RetentionDue>, AppError> {
    let mut due: Vec<RetentionDue> = candidates(conn)
        .await?
        .into_iter()
        .filter_map(|c| {
            let last_activity = c.last_activity?;
            Some(RetentionDue {
                kind: c.kind,
                id: c.id,
                name: c.name,
                city_id: c.city_id,
                last_activity,
                due_on: due_on(last_activity, months),
            })
        })
        .collect();
    due.sort_by_key(|d| (d.due_on, d.kind.as_str(), d.id));
    Ok(due)
}

/// The public sign-ups whose address is not confirmed, the first deleted first.
async fn unconfirmed(conn: &impl ConnectionTrait) -> Result<Vec<SignUpDue>, AppError> {
    let rows = mentors::Entity::find()
        .filter(mentors::Column::Status.eq(MentorStatus::Applied.as_str()))
        .filter(mentors::Column::EmailConfirmedAt.is_null())
        .filter(mentors::Column::AnonymisedAt.is_null())
        .order_by_asc(mentors::Column::CreatedAt)
        .order_by_asc(mentors::Column::Id)
        .all(conn)
        .await
        .map_err(db_internal("unconfirmed sign-ups"))?;
    Ok(rows
        .into_iter()
        .map(|m| {
            let applied_on = to_local(m.created_at).date();
            SignUpDue {
                id: m.id,
                name: format!("{} {}", m.first_name, m.last_name),
                city_id: m.city_id,
                applied_on,
                removed_on: sign_up_removed_on(applied_on),
            }
        })
        .collect())
}

/// Deletes an unconfirmed sign-up and every row about it but the audit log's, inside the
/// caller's transaction. `false` when it is no longer one (confirmed meanwhile, moved on by a
/// coordinator, already gone): nothing is deleted then.
async fn purge(conn: &impl ConnectionTrait, mentor_id: i32) -> Result<bool, AppError> {
    let backend = conn.get_database_backend();
    // Claims the row: a confirmation arriving now waits for this transaction, then finds
    // nothing to confirm.
    let claim = Statement::from_sql_and_values(
        backend,
        "UPDATE mentors SET updated_at = updated_at \
         WHERE id = $1 AND status = 'applied' AND email_confirmed_at IS NULL \
         AND anonymised_at IS NULL AND user_id IS NULL \
         AND NOT EXISTS (SELECT 1 FROM duos d WHERE d.mentor_id = $1)",
        [mentor_id.into()],
    );
    let claimed = conn
        .execute_raw(claim)
        .await
        .map_err(db_internal("claim sign-up"))?;
    if claimed.rows_affected() != 1 {
        return Ok(false);
    }
    for (name, _) in RULES.iter().filter(|(name, _)| *name != "audit_log") {
        let Some(table) = purposes::table(name) else {
            continue;
        };
        let Some(condition) = subject::condition(PersonKind::Mentors, table) else {
            continue;
        };
        let sql = format!("DELETE FROM {name} AS t WHERE {condition}");
        conn.execute_raw(Statement::from_sql_and_values(
            backend,
            sql,
            [mentor_id.into()],
        ))
        .await
        .map_err(db_internal("purge sign-up"))?;
    }
    Ok(true)
}

/// Who the job anonymises next, for the admin's page.
pub async fn preview(
    conn: &impl ConnectionTrait,
    now: DateTime<Utc>,
) -> Result<RetentionPreview, AppError> {
    let months = months(conn).await?;
    let today = to_local(now).date();
    let mut next = schedule(conn, months).await?;
    let overdue = next.iter().filter(|d| d.due_on <= today).count();
    let more = next.len().saturating_sub(RETENTION_PREVIEW_SIZE);
    next.truncate(RETENTION_PREVIEW_SIZE);
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let mut sign_ups = unconfirmed(conn).await?;
    sign_ups.truncate(RETENTION_PREVIEW_SIZE);
    Ok(RetentionPreview {
        months,
        today,
        cities: cities(conn, None).await.map_err(db_internal("cities"))?,
        overdue: count(overdue),
        next,
        more: count(more),
        sign_ups,
    })
}

/// What one run of the job did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct RetentionRun {
    pub anonymised: u32,
    /// Unconfirmed sign-ups deleted.
    pub purged: u32,
    /// Left for the next run: someone else got there first, or a duo opened meanwhile.
    pub skipped: u32,
}

/// Deletes the unconfirmed sign-ups and anonymises everyone whose day has come, each in a
/// transaction of their own, so one refusal does not hold back the others. Another instance
/// running at the same time takes a person at most once: `purge` and `anonymise` claim the row
/// first.
pub async fn run(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<RetentionRun, AppError> {
    let months = months(db).await?;
    let today = to_local(now).date();
    let mut done = RetentionRun::default();
    for sign_up in unconfirmed(db).await? {
        if sign_up.removed_on > today {
            break;
        }
        let tx = begin_write(db).await.map_err(db_internal("begin purge"))?;
        if purge(&tx, sign_up.id).await? {
            let entry = Entry {
                actor_user_id: None,
                action: PURGE_ACTION,
                subject_kind: PersonKind::Mentors.singular(),
                subject_id: Some(sign_up.id),
            };
            audit::append(&tx, entry, None)
                .await
                .map_err(db_internal("audit purge"))?;
            tx.commit().await.map_err(db_internal("commit purge"))?;
            done.purged += 1;
        } else {
            done.skipped += 1;
        }
    }
    for person in schedule(db, months).await? {
        if person.due_on > today {
            break;
        }
        let tx = begin_write(db)
            .await
            .map_err(db_internal("begin retention"))?;
        match anonymise(&tx, person.kind, person.id, None, now).await {
            Ok(()) => {
                let entry = Entry {
                    actor_user_id: None,
                    action: RETENTION_ACTION,
                    subject_kind: person.kind.singular(),
                    subject_id: Some(person.id),
                };
                audit::append(&tx, entry, None)
                    .await
                    .map_err(db_internal("audit retention"))?;
                tx.commit().await.map_err(db_internal("commit retention"))?;
                done.anonymised += 1;
            }
            Err(AppError::Conflict(
                ConflictCode::Anonymised | ConflictCode::InOpenDuo | ConflictCode::Stale,
            ))
            | Err(AppError::NotFound) => done.skipped += 1,
            Err(error) => return Err(error),
        }
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_of_both_backends() {
        let day = NaiveDate::from_ymd_opt(2027, 3, 10);
        assert_eq!(day_of("2027-03-10"), day);
        assert_eq!(day_of("2027-03-10 09:30:00+00"), day);
        assert_eq!(day_of("2027-03-10T09:30:00+00:00"), day);
        assert_eq!(day_of("10/03/2027"), None);
        assert_eq!(day_of(""), None);
    }

    #[test]
    fn open_duos_keep_people_off_the_list() {
        let (sql, dates) = candidates_sql(PersonKind::Mentees);
        assert_eq!(dates, 6, "five activity dates and the follow-ups");
        assert!(sql.contains("d.status IN ('proposed', 'introduced', 'active', 'closing')"));
        assert!(sql.contains("follow_ups"));
        assert!(!candidates_sql(PersonKind::Mentors).0.contains("follow_ups"));
    }
}
