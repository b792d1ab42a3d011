//! Consents as the person sees them, and their withdrawal: one action, as giving it was, that
//! also stops what depended on it.
//!
//! - `special_category`: the eligibility answer on migrant background is erased;
//! - `communication`: news beyond the programme stop (none is sent without it);
//! - `programme`: the person leaves the programme (mentee `withdrawn`, mentor `left`), so no
//!   matching or programme mail reaches them. While their duo runs, the duo ends first.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, TransactionTrait,
};

use super::subject::city_of;
use super::types::ConsentRecord;
use crate::db::entities::{consents, duos, mentees, mentors};
use crate::domain::consent::{ConsentChannel, ConsentPurpose};
use crate::domain::duo::DuoStatus;
use crate::domain::mentee::MenteeStatus;
use crate::domain::mentor::MentorStatus;
use crate::domain::role::Role;
use crate::error::{AppError, ConflictCode};
use crate::features::auth::guard::ensure_city;
use crate::features::auth::types::SessionUser;
use crate::features::people::types::PersonKind;
use crate::platform::audit;
use crate::platform::errors::db_internal;
use crate::platform::lifecycle::{self, Change};

/// The life-cycle reason recorded when a person leaves by withdrawing their consent, or by
/// erasure.
const LEFT_BY_WITHDRAWAL: &str = "other";

/// A person's consents, the latest first.
pub async fn list(
    conn: &impl ConnectionTrait,
    kind: PersonKind,
    id: i32,
) -> Result<Vec<ConsentRecord>, AppError> {
    let column = match kind {
        PersonKind::Mentors => consents::Column::MentorId,
        PersonKind::Mentees => consents::Column::MenteeId,
    };
    let rows = consents::Entity::find()
        .filter(column.eq(id))
        .order_by_desc(consents::Column::GivenAt)
        .order_by_desc(consents::Column::Id)
        .all(conn)
        .await
        .map_err(db_internal("consents"))?;
    Ok(rows
        .into_iter()
        .filter_map(|c| {
            Some(ConsentRecord {
                id: c.id,
                purpose: ConsentPurpose::parse(&c.purpose)?,
                channel: ConsentChannel::parse(&c.channel)?,
                text_version: c.text_version,
                given_at: c.given_at,
                withdrawn_at: c.withdrawn_at,
            })
        })
        .collect())
}

/// Whose consent this is.
fn subject_of(consent: &consents::Model) -> Option<(PersonKind, i32)> {
    match (consent.mentor_id, consent.mentee_id) {
        (Some(id), _) => Some((PersonKind::Mentors, id)),
        (_, Some(id)) => Some((PersonKind::Mentees, id)),
        _ => None,
    }
}

/// Refuses unless `user` may withdraw for this person: the mentor themselves, an admin, or a
/// coordinator of the person's city. Another mentor's consent is as if it did not exist.
async fn ensure_may_withdraw(
    conn: &impl ConnectionTrait,
    user: &SessionUser,
    kind: PersonKind,
    id: i32,
) -> Result<(), AppError> {
    match user.role {
        Role::Mentor if kind == PersonKind::Mentors && user.mentor_id == Some(id) => Ok(()),
        Role::Mentor => Err(AppError::NotFound),
        Role::Coordinator | Role::Admin => {
            let city = city_of(conn, kind, id)
                .await
                .map_err(db_internal("consent city"))?
                .ok_or(AppError::NotFound)?;
            ensure_city(user, city)
        }
        Role::Manager => Err(AppError::Forbidden),
    }
}

/// Whether the person's duo is open: proposed, introduced, running or closing.
pub(super) async fn in_open_duo(
    conn: &impl ConnectionTrait,
    kind: PersonKind,
    id: i32,
) -> Result<bool, AppError> {
    let person = match kind {
        PersonKind::Mentors => duos::Column::MentorId,
        PersonKind::Mentees => duos::Column::MenteeId,
    };
    let count = duos::Entity::find()
        .filter(person.eq(id))
        .filter(duos::Column::Status.is_in(DuoStatus::OPEN.iter().map(|s| s.as_str())))
        .count(conn)
        .await
        .map_err(db_internal("open duo"))?;
    Ok(count > 0)
}

/// The person leaves the programme, unless they already have. `by` is who asked; `None` for
/// the retention job.
pub(super) async fn leave(
    conn: &impl ConnectionTrait,
    kind: PersonKind,
    id: i32,
    by: Option<i32>,
) -> Result<(), AppError> {
    match kind {
        PersonKind::Mentors => {
            let mentor = mentors::Entity::find_by_id(id)
                .one(conn)
                .await
                .map_err(db_internal("mentor"))?
                .ok_or(AppError::NotFound)?;
            let from = MentorStatus::parse(&mentor.status).ok_or(AppError::NotFound)?;
            if from != MentorStatus::Left {
                let change = Change {
                    from,
                    to: MentorStatus::Left,
                    reason: Some(LEFT_BY_WITHDRAWAL),
                    by,
                };
                lifecycle::change_mentor(conn, id, change).await?;
            }
        }
        PersonKind::Mentees => {
            let mentee = mentees::Entity::find_by_id(id)
                .one(conn)
                .await
                .map_err(db_internal("mentee"))?
                .ok_or(AppError::NotFound)?;
            let from = MenteeStatus::parse(&mentee.status).ok_or(AppError::NotFound)?;
            if from != MenteeStatus::Withdrawn {
                let change = Change {
                    from,
                    to: MenteeStatus::Withdrawn,
                    reason: Some(LEFT_BY_WITHDRAWAL),
                    by,
                };
                lifecycle::change_mentee(conn, id, change).await?;
            }
        }
    }
    Ok(())
}

/// Withdraws one consent and stops what depended on it, all or nothing.
pub async fn withdraw(
    db: &DatabaseConnection,
    user: &SessionUser,
    consent_id: i32,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let tx = db.begin().await.map_err(db_internal("begin withdrawal"))?;
    let consent = consents::Entity::find_by_id(consent_id)
        .one(&tx)
        .await
        .map_err(db_internal("consent"))?
        .ok_or(AppError::NotFound)?;
    let (kind, id) = subject_of(&consent).ok_or(AppError::NotFound)?;
    ensure_may_withdraw(&tx, user, kind, id).await?;
    let purpose = ConsentPurpose::parse(&consent.purpose).ok_or(AppError::NotFound)?;
    if purpose == ConsentPurpose::Programme && in_open_duo(&tx, kind, id).await? {
        return Err(AppError::Conflict(ConflictCode::InOpenDuo));
    }
    let withdrawn = consents::Entity::update_many()
        .col_expr(consents::Column::WithdrawnAt, Expr::value(Some(now)))
        .filter(consents::Column::Id.eq(consent_id))
        .filter(consents::Column::WithdrawnAt.is_null())
        .exec(&tx)
        .await
        .map_err(db_internal("withdraw consent"))?;
    if withdrawn.rows_affected != 1 {
        return Err(AppError::Conflict(ConflictCode::Stale));
    }
    match (purpose, kind) {
        (ConsentPurpose::SpecialCategory, PersonKind::Mentees) => {
            mentees::Entity::update_many()
                .col_expr(
                    mentees::Column::MigrantBackground,
                    Expr::value(Option::<bool>::None),
                )
                .col_expr(mentees::Column::UpdatedAt, Expr::value(now))
                .filter(mentees::Column::Id.eq(id))
                .exec(&tx)
                .await
                .map_err(db_internal("erase special category"))?;
        }
        (ConsentPurpose::Programme, _) => leave(&tx, kind, id, Some(user.user_id)).await?,
        // Nothing is sent beyond the programme: the withdrawal itself is what later mailings
        // must check.
        (ConsentPurpose::Communication, _) | (ConsentPurpose::SpecialCategory, _) => {}
    }
    audit::record(
        &tx,
        Some(user.user_id),
        "withdraw_consent",
        kind.singular(),
        Some(id),
    )
    .await
    .map_err(db_internal("audit withdrawal"))?;
    tx.commit().await.map_err(db_internal("commit withdrawal"))
}
