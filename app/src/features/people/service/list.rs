//! The filtered, paginated lists of mentors and mentees.

use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr, Query};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Select,
};
use sea_orm::{ModelTrait, QuerySelect, Value};
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

/// Where mentors and mentees keep what the list shows and filters on; the
/// two tables have the same shape, so one query serves both.
struct Table<E: EntityTrait, L: EntityTrait> {
    first_name: E::Column,
    last_name: E::Column,
    email: E::Column,
    city_id: E::Column,
    status: E::Column,
    id: E::Column,
    /// The person's sectors: the link table's person and sector columns.
    link: L,
    link_person: L::Column,
    link_sector: L::Column,
    row: fn(E::Model, Vec<i32>) -> PersonRow,
}

const MENTORS: Table<mentors::Entity, mentor_sectors::Entity> = Table {
    first_name: mentors::Column::FirstName,
    last_name: mentors::Column::LastName,
    email: mentors::Column::Email,
    city_id: mentors::Column::CityId,
    status: mentors::Column::Status,
    id: mentors::Column::Id,
    link: mentor_sectors::Entity,
    link_person: mentor_sectors::Column::MentorId,
    link_sector: mentor_sectors::Column::SectorId,
    row: |m, sector_ids| PersonRow {
        id: m.id,
        name: format!("{} {}", m.first_name, m.last_name),
        city_id: m.city_id,
        status: PersonStatus::Mentor(
            MentorStatus::parse(&m.status).unwrap_or(MentorStatus::Applied),
        ),
        sector_ids,
        status_since: m.status_changed_at,
    },
};

const MENTEES: Table<mentees::Entity, mentee_sectors::Entity> = Table {
    first_name: mentees::Column::FirstName,
    last_name: mentees::Column::LastName,
    email: mentees::Column::Email,
    city_id: mentees::Column::CityId,
    status: mentees::Column::Status,
    id: mentees::Column::Id,
    link: mentee_sectors::Entity,
    link_person: mentee_sectors::Column::MenteeId,
    link_sector: mentee_sectors::Column::SectorId,
    row: |m, sector_ids| PersonRow {
        id: m.id,
        name: format!("{} {}", m.first_name, m.last_name),
        city_id: m.city_id,
        status: PersonStatus::Mentee(
            MenteeStatus::parse(&m.status).unwrap_or(MenteeStatus::Registered),
        ),
        sector_ids,
        status_since: m.status_changed_at,
    },
};

struct Filters<'a> {
    city_ids: &'a [i32],
    status: Option<&'a str>,
    search: Option<&'a str>,
    sector_id: Option<i32>,
    page: u32,
}

/// One page of people of `table` matching `filters`, with the total count.
async fn page_of<E, L>(
    db: &DatabaseConnection,
    table: &Table<E, L>,
    filters: &Filters<'_>,
) -> Result<(Vec<PersonRow>, u64), AppError>
where
    E: EntityTrait,
    E::Model: Sync,
    L: EntityTrait,
{
    let mut select = filtered(
        E::find(),
        table,
        filters.city_ids,
        filters.status,
        filters.search,
    );
    if let Some(sector) = filters.sector_id {
        select = select.filter(
            table.id.in_subquery(
                Query::select()
                    .column(table.link_person)
                    .from(table.link)
                    .and_where(table.link_sector.eq(sector))
                    .to_owned(),
            ),
        );
    }
    let paginator = select.paginate(db, PAGE_SIZE);
    let total = paginator
        .num_items()
        .await
        .map_err(db_internal("count people"))?;
    let models = paginator
        .fetch_page(u64::from(filters.page - 1))
        .await
        .map_err(db_internal("list people"))?;
    let id_of = |m: &E::Model| match m.get(table.id) {
        Value::Int(Some(id)) => id,
        _ => 0,
    };
    let ids: Vec<i32> = models.iter().map(id_of).collect();
    let links: Vec<(i32, i32)> = L::find()
        .select_only()
        .column(table.link_person)
        .column(table.link_sector)
        .filter(table.link_person.is_in(ids))
        .into_tuple()
        .all(db)
        .await
        .map_err(db_internal("people sectors"))?;
    let mut sectors_of = sector_map(links.into_iter());
    let rows = models
        .into_iter()
        .map(|m| {
            let sector_ids = sectors_of.remove(&id_of(&m)).unwrap_or_default();
            (table.row)(m, sector_ids)
        })
        .collect();
    Ok((rows, total))
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

    let filters = Filters {
        city_ids: &city_ids,
        status,
        search,
        sector_id: query.sector_id,
        page,
    };
    let (rows, total) = match query.kind {
        PersonKind::Mentors => {
            if status.is_some_and(|s| MentorStatus::parse(s).is_none()) {
                return Err(AppError::field("status", ErrorCode::InvalidChoice));
            }
            page_of(db, &MENTORS, &filters).await?
        }
        PersonKind::Mentees => {
            if status.is_some_and(|s| MenteeStatus::parse(s).is_none()) {
                return Err(AppError::field("status", ErrorCode::InvalidChoice));
            }
            page_of(db, &MENTEES, &filters).await?
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

fn filtered<E: EntityTrait, L: EntityTrait>(
    select: Select<E>,
    columns: &Table<E, L>,
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
pub fn escape_like(text: &str) -> String {
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
