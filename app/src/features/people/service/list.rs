//! The filtered, paginated lists of mentors and mentees.

use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr, Query};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Select,
};
use std::collections::HashMap;

use crate::db::entities::{mentee_sectors, mentees, mentor_sectors, mentors};
use crate::domain::mentee::MenteeStatus;
use crate::domain::mentor::MentorStatus;
use crate::error::{AppError, ErrorCode};
use crate::features::auth::SessionUser;
use crate::features::people::types::{
    PAGE_SIZE, PeopleList, PeopleQuery, PersonKind, PersonRow, PersonStatus,
};
use crate::features::reference::queries;
use crate::platform::errors::db_internal;

/// The columns the list filters on, which mentors and mentees share.
struct Columns<C> {
    first_name: C,
    last_name: C,
    email: C,
    city_id: C,
    status: C,
    id: C,
}

pub async fn list(
    db: &DatabaseConnection,
    user: &SessionUser,
    query: PeopleQuery,
) -> Result<PeopleList, AppError> {
    let scope = if user.role.sees_all_cities() {
        None
    } else {
        Some(user.city_ids.as_slice())
    };
    let cities = queries::cities(db, scope)
        .await
        .map_err(db_internal("load cities"))?;
    let city_ids: Vec<i32> = match query.city_id {
        Some(id) if cities.iter().any(|c| c.id == id) => vec![id],
        Some(_) => return Err(AppError::field("city", ErrorCode::InvalidChoice)),
        None => cities.iter().map(|c| c.id).collect(),
    };
    let sectors = queries::sectors(db)
        .await
        .map_err(db_internal("load sectors"))?;
    let page = std::cmp::max(query.page, 1);
    let search = query
        .search
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let status = query.status.as_deref().filter(|s| !s.is_empty());

    let (rows, total) = match query.kind {
        PersonKind::Mentors => {
            if status.is_some_and(|s| MentorStatus::parse(s).is_none()) {
                return Err(AppError::field("status", ErrorCode::InvalidChoice));
            }
            let columns = Columns {
                first_name: mentors::Column::FirstName,
                last_name: mentors::Column::LastName,
                email: mentors::Column::Email,
                city_id: mentors::Column::CityId,
                status: mentors::Column::Status,
                id: mentors::Column::Id,
            };
            let mut select = filtered(mentors::Entity::find(), &columns, &city_ids, status, search);
            if let Some(sector) = query.sector_id {
                select = select.filter(
                    mentors::Column::Id.in_subquery(
                        Query::select()
                            .column(mentor_sectors::Column::MentorId)
                            .from(mentor_sectors::Entity)
                            .and_where(mentor_sectors::Column::SectorId.eq(sector))
                            .to_owned(),
                    ),
                );
            }
            let paginator = select.paginate(db, PAGE_SIZE);
            let total = paginator
                .num_items()
                .await
                .map_err(db_internal("count mentors"))?;
            let models = paginator
                .fetch_page(u64::from(page - 1))
                .await
                .map_err(db_internal("list mentors"))?;
            let ids: Vec<i32> = models.iter().map(|m| m.id).collect();
            let mut sectors_of = sector_map(
                mentor_sectors::Entity::find()
                    .filter(mentor_sectors::Column::MentorId.is_in(ids))
                    .all(db)
                    .await
                    .map_err(db_internal("mentor sectors"))?
                    .into_iter()
                    .map(|s| (s.mentor_id, s.sector_id)),
            );
            let rows = models
                .into_iter()
                .map(|m| PersonRow {
                    id: m.id,
                    name: format!("{} {}", m.first_name, m.last_name),
                    city_id: m.city_id,
                    status: PersonStatus::Mentor(
                        MentorStatus::parse(&m.status).unwrap_or(MentorStatus::Applied),
                    ),
                    sector_ids: sectors_of.remove(&m.id).unwrap_or_default(),
                    status_since: m.status_changed_at,
                })
                .collect();
            (rows, total)
        }
        PersonKind::Mentees => {
            if status.is_some_and(|s| MenteeStatus::parse(s).is_none()) {
                return Err(AppError::field("status", ErrorCode::InvalidChoice));
            }
            let columns = Columns {
                first_name: mentees::Column::FirstName,
                last_name: mentees::Column::LastName,
                email: mentees::Column::Email,
                city_id: mentees::Column::CityId,
                status: mentees::Column::Status,
                id: mentees::Column::Id,
            };
            let mut select = filtered(mentees::Entity::find(), &columns, &city_ids, status, search);
            if let Some(sector) = query.sector_id {
                select = select.filter(
                    mentees::Column::Id.in_subquery(
                        Query::select()
                            .column(mentee_sectors::Column::MenteeId)
                            .from(mentee_sectors::Entity)
                            .and_where(mentee_sectors::Column::SectorId.eq(sector))
                            .to_owned(),
                    ),
                );
            }
            let paginator = select.paginate(db, PAGE_SIZE);
            let total = paginator
                .num_items()
                .await
                .map_err(db_internal("count mentees"))?;
            let models = paginator
                .fetch_page(u64::from(page - 1))
                .await
                .map_err(db_internal("list mentees"))?;
            let ids: Vec<i32> = models.iter().map(|m| m.id).collect();
            let mut sectors_of = sector_map(
                mentee_sectors::Entity::find()
                    .filter(mentee_sectors::Column::MenteeId.is_in(ids))
                    .all(db)
                    .await
                    .map_err(db_internal("mentee sectors"))?
                    .into_iter()
                    .map(|s| (s.mentee_id, s.sector_id)),
            );
            let rows = models
                .into_iter()
                .map(|m| PersonRow {
                    id: m.id,
                    name: format!("{} {}", m.first_name, m.last_name),
                    city_id: m.city_id,
                    status: PersonStatus::Mentee(
                        MenteeStatus::parse(&m.status).unwrap_or(MenteeStatus::Registered),
                    ),
                    sector_ids: sectors_of.remove(&m.id).unwrap_or_default(),
                    status_since: m.status_changed_at,
                })
                .collect();
            (rows, total)
        }
    };
    let pages = std::cmp::max(total.div_ceil(PAGE_SIZE), 1) as u32;
    Ok(PeopleList {
        rows,
        total,
        page,
        pages,
        cities,
        sectors,
    })
}

fn filtered<E: EntityTrait>(
    select: Select<E>,
    columns: &Columns<E::Column>,
    city_ids: &[i32],
    status: Option<&str>,
    search: Option<&str>,
) -> Select<E> {
    let mut select = select
        .filter(columns.city_id.is_in(city_ids.iter().copied()))
        .order_by_asc(columns.last_name)
        .order_by_asc(columns.first_name)
        .order_by_asc(columns.id);
    if let Some(status) = status {
        select = select.filter(columns.status.eq(status));
    }
    if let Some(search) = search {
        // "Amina El" finds Amina El Idrissi: every word must appear in the
        // first name, the family name or the e-mail address.
        for word in search.to_lowercase().split_whitespace() {
            let pattern = format!("%{}%", escape_like(word));
            let matches = |column: E::Column| {
                Expr::expr(Func::lower(Expr::col(column)))
                    .like(LikeExpr::new(pattern.clone()).escape('\\'))
            };
            select = select.filter(
                Condition::any()
                    .add(matches(columns.first_name))
                    .add(matches(columns.last_name))
                    .add(matches(columns.email)),
            );
        }
    }
    select
}

/// `%` and `_` typed in the search box are searched for, not wildcards.
fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

fn sector_map(pairs: impl Iterator<Item = (i32, i32)>) -> HashMap<i32, Vec<i32>> {
    let mut map: HashMap<i32, Vec<i32>> = HashMap::new();
    for (person, sector) in pairs {
        map.entry(person).or_default().push(sector);
    }
    map
}

#[cfg(test)]
mod tests {
    use super::escape_like;

    #[test]
    fn like_wildcards_typed_by_users_are_literal() {
        assert_eq!(escape_like("50%_a\\b"), "50\\%\\_a\\\\b");
    }
}
