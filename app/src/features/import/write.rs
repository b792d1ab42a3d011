//! Writing a checked plan in the caller's transaction, a slice of rows at a time: multi-row
//! INSERTs, then the new ids read back by their e-mail (or, for duos, by mentor, mentee and
//! start), then the rows that point at them. After each slice the caller hears how far it got.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, Iterable, QueryFilter,
    QuerySelect, Set,
};

use super::service::Plan;
use super::{write_duos, write_mentees, write_mentors};
use crate::db::entities::{audit_log, consents};
use crate::domain::consent::{ConsentChannel, ConsentPurpose, PRIVACY_NOTICE_VERSION};
use crate::domain::locale::Locale;
use crate::platform::consent::privacy_notice_hash;

/// Rows per slice: each slice is one progress step and a dozen statements. Few statements
/// matter on PostgreSQL over TCP, where each costs tens of milliseconds whatever its size (the
/// driver does not set `TCP_NODELAY`; over a Unix socket the same import is three times faster).
pub const SLICE: usize = 1000;
/// Bound parameters per INSERT, well under SQLite's 32,766 and PostgreSQL's 65,535.
const PARAMETERS: usize = 30_000;

/// Who imports, when, and who listens to the progress.
pub struct Writer<'a> {
    pub admin_id: i32,
    /// The admin's language, for the names of the records the import makes itself.
    pub admin_locale: Locale,
    /// Whole microseconds, as PostgreSQL keeps them.
    pub now: DateTime<Utc>,
    /// Today in Brussels, as the file was checked.
    pub today: NaiveDate,
    pub from_address: Option<String>,
    /// Told the rows written so far; `false` means nobody listens any more.
    pub progress: &'a mut (dyn FnMut(u32) -> bool + Send + Sync),
}

/// Why writing stopped.
#[derive(Debug)]
pub enum WriteError {
    Db(DbErr),
    /// The admin's browser went away: the transaction is undone rather than left unreported.
    Abandoned,
}

impl From<DbErr> for WriteError {
    fn from(err: DbErr) -> Self {
        WriteError::Db(err)
    }
}

impl Writer<'_> {
    /// Reports `written` rows; stops the import when nobody listens.
    pub fn step(&mut self, written: usize) -> Result<(), WriteError> {
        let written = u32::try_from(written).unwrap_or(u32::MAX);
        if (self.progress)(written) {
            Ok(())
        } else {
            Err(WriteError::Abandoned)
        }
    }

    /// One audit entry per record the import created, with the admin's address.
    pub fn audit(
        &self,
        kind: &str,
        ids: impl IntoIterator<Item = i32>,
    ) -> Vec<audit_log::ActiveModel> {
        ids.into_iter()
            .map(|id| audit_log::ActiveModel {
                actor_user_id: Set(Some(self.admin_id)),
                action: Set("import".to_owned()),
                subject_kind: Set(kind.to_owned()),
                subject_id: Set(Some(id)),
                detail: Set(None),
                at: Set(self.now),
                from_address: Set(self.from_address.clone()),
                ..Default::default()
            })
            .collect()
    }
}

/// Writes every row of `plan`; returns how many records were created.
pub async fn write(
    tx: &impl ConnectionTrait,
    plan: &Plan,
    writer: &mut Writer<'_>,
) -> Result<usize, WriteError> {
    match plan {
        Plan::Mentors(list) => write_mentors::mentors(tx, list, writer).await?,
        Plan::Mentees(list) => write_mentees::mentees(tx, list, writer).await?,
        Plan::Duos(list) => write_duos::duos(tx, list, writer).await?,
    }
    Ok(plan.len())
}

/// Inserts `rows` in batches; nothing is sent for an empty list.
pub async fn insert_all<A>(conn: &impl ConnectionTrait, rows: Vec<A>) -> Result<(), DbErr>
where
    A: ActiveModelTrait,
{
    let columns = <A::Entity as EntityTrait>::Column::iter().count().max(1);
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let batch: Vec<A> = rows.by_ref().take(PARAMETERS / columns).collect();
        A::Entity::insert_many(batch)
            .exec_without_returning(conn)
            .await?;
    }
    Ok(())
}

/// The highest id of a table, so rows inserted after can be told apart; 0 when empty.
pub async fn max_id<E: EntityTrait>(conn: &impl ConnectionTrait) -> Result<i32, DbErr> {
    let max: Option<Option<i32>> = E::find()
        .select_only()
        .expr_as(Expr::cust("MAX(id)"), "max_id")
        .into_tuple()
        .one(conn)
        .await?;
    Ok(max.flatten().unwrap_or(0))
}

/// An instant for a day the records only know by its date: noon, UTC.
pub fn noon(day: NaiveDate) -> DateTime<Utc> {
    day.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default())
        .and_utc()
}

/// The ids of the rows of `E` with these (unique) addresses, by address.
pub async fn ids_by_email<E, C>(
    tx: &impl ConnectionTrait,
    id: C,
    email: C,
    emails: &[String],
) -> Result<HashMap<String, i32>, WriteError>
where
    E: EntityTrait,
    C: ColumnTrait + Copy,
{
    let found: Vec<(i32, String)> = E::find()
        .select_only()
        .columns([id, email])
        .filter(email.is_in(emails.iter().cloned()))
        .into_tuple()
        .all(tx)
        .await?;
    Ok(found.into_iter().map(|(id, email)| (email, id)).collect())
}

/// A consent to `purpose` given on the programme's paper form, recorded by the admin.
pub fn consent(
    w: &Writer<'_>,
    mentor_id: Option<i32>,
    mentee_id: Option<i32>,
    purpose: ConsentPurpose,
    locale: Locale,
    hashes: &mut HashMap<Locale, String>,
) -> consents::ActiveModel {
    let hash = hashes
        .entry(locale)
        .or_insert_with(|| privacy_notice_hash(locale))
        .clone();
    consents::ActiveModel {
        mentor_id: Set(mentor_id),
        mentee_id: Set(mentee_id),
        user_id: Set(None),
        purpose: Set(purpose.as_str().to_owned()),
        text_version: Set(PRIVACY_NOTICE_VERSION.to_owned()),
        text_hash: Set(hash),
        channel: Set(ConsentChannel::Paper.as_str().to_owned()),
        recorded_by: Set(Some(w.admin_id)),
        given_at: Set(w.now),
        withdrawn_at: Set(None),
        ..Default::default()
    }
}
