//! The screening board: who is at which stage in one city, longest-waiting first.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr, Query};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Select,
};

use super::types::{MENTEE_STAGES, MENTOR_STAGES, Pipeline, PipelineCard, PipelineQuery};
use crate::db::entities::{
    intake_interviews, mentee_languages, mentee_sectors, mentees, mentor_languages, mentor_sectors,
    mentors,
};
use crate::domain::mentor::MentorStatus;
use crate::error::{AppError, ErrorCode};
use crate::features::auth::SessionUser;
use crate::features::auth::guard::chosen_city;
use crate::features::people::service::escape_like;
use crate::features::reference::queries;
use crate::platform::errors::db_internal;

/// People who left stay visible this long, so a recent refusal can still be seen and undone.
const LEFT_VISIBLE: Duration = Duration::days(90);
const SEARCH_MAX: usize = 80;
/// More cards than a column can usefully show: each stage shows its longest-waiting this many,
/// says so when it has more, and the filters narrow it down.
const COLUMN_LIMIT: u64 = 200;

pub async fn load(
    db: &DatabaseConnection,
    user: &SessionUser,
    query: PipelineQuery,
    now: DateTime<Utc>,
) -> Result<Pipeline, AppError> {
    let search = query
        .search
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    if search.is_some_and(|s| s.chars().count() > SEARCH_MAX) {
        return Err(AppError::field(
            "search",
            ErrorCode::TooLong {
                max: SEARCH_MAX as u32,
            },
        ));
    }
    let (cities, city_id) = chosen_city(db, user, query.city_id).await?;
    let sectors = queries::sectors(db).await.map_err(db_internal("sectors"))?;
    let languages = queries::languages(db)
        .await
        .map_err(db_internal("languages"))?;
    let ((mentors, mentors_cut), (mentees, mentees_cut)) = match city_id {
        Some(city) => {
            let filters = Filters {
                city,
                sector: query.sector_id,
                language: query.language_id,
                search,
                left_since: now - LEFT_VISIBLE,
            };
            (
                mentor_cards(db, &filters).await?,
                mentee_cards(db, &filters).await?,
            )
        }
        None => ((Vec::new(), Vec::new()), (Vec::new(), Vec::new())),
    };
    Ok(Pipeline {
        cities,
        sectors,
        languages,
        city_id,
        mentors,
        mentees,
        cut_columns: (mentors_cut.iter().map(|s| format!("mentors-{s}")))
            .chain(mentees_cut.iter().map(|s| format!("mentees-{s}")))
            .collect(),
    })
}

/// The longest-waiting `COLUMN_LIMIT` people of each stage, one query per stage so that a full
/// column never hides a newer stage's people, and the stages that had more than that.
async fn per_stage<E: EntityTrait>(
    db: &DatabaseConnection,
    select: Select<E>,
    stages: impl Iterator<Item = &'static str>,
    [status, since, id]: [E::Column; 3],
) -> Result<(Vec<E::Model>, Vec<String>), DbErr> {
    let mut people = Vec::new();
    let mut cut = Vec::new();
    for stage in stages {
        let mut column = select
            .clone()
            .filter(status.eq(stage))
            .order_by_asc(since)
            .order_by_asc(id)
            .limit(COLUMN_LIMIT + 1)
            .all(db)
            .await?;
        if column.len() as u64 > COLUMN_LIMIT {
            column.truncate(COLUMN_LIMIT as usize);
            cut.push(stage.to_owned());
        }
        people.append(&mut column);
    }
    Ok((people, cut))
}

struct Filters<'a> {
    city: i32,
    sector: Option<i32>,
    language: Option<i32>,
    search: Option<&'a str>,
    left_since: DateTime<Utc>,
}

/// Every word typed must match the first or the last name, case-insensitively.
fn name_matches<C: ColumnTrait>(search: &str, first: C, last: C) -> Condition {
    let mut all = Condition::all();
    for word in search.to_lowercase().split_whitespace() {
        let pattern = format!("%{}%", escape_like(word));
        let like = |column: C| {
            Expr::expr(Func::lower(Expr::col(column)))
                .like(LikeExpr::new(pattern.clone()).escape('\\'))
        };
        all = all.add(Condition::any().add(like(first)).add(like(last)));
    }
    all
}

async fn mentor_cards(
    db: &DatabaseConnection,
    f: &Filters<'_>,
) -> Result<(Vec<PipelineCard>, Vec<String>), AppError> {
    let mut select: Select<mentors::Entity> = mentors::Entity::find()
        .filter(mentors::Column::CityId.eq(f.city))
        .filter(mentors::Column::Status.is_in(MENTOR_STAGES.iter().map(|s| s.as_str())))
        .filter(
            Condition::any()
                .add(mentors::Column::Status.ne(MentorStatus::Left.as_str()))
                .add(mentors::Column::StatusChangedAt.gte(f.left_since)),
        );
    if let Some(sector) = f.sector {
        select = select.filter(
            mentors::Column::Id.in_subquery(
                Query::select()
                    .column(mentor_sectors::Column::MentorId)
                    .from(mentor_sectors::Entity)
                    .and_where(mentor_sectors::Column::SectorId.eq(sector))
                    .take(),
            ),
        );
    }
    if let Some(language) = f.language {
        select = select.filter(
            mentors::Column::Id.in_subquery(
                Query::select()
                    .column(mentor_languages::Column::MentorId)
                    .from(mentor_languages::Entity)
                    .and_where(mentor_languages::Column::LanguageId.eq(language))
                    .take(),
            ),
        );
    }
    if let Some(search) = f.search {
        select = select.filter(name_matches(
            search,
            mentors::Column::FirstName,
            mentors::Column::LastName,
        ));
    }
    let (people, cut) = per_stage(
        db,
        select,
        MENTOR_STAGES.iter().map(|s| s.as_str()),
        [
            mentors::Column::Status,
            mentors::Column::StatusChangedAt,
            mentors::Column::Id,
        ],
    )
    .await
    .map_err(db_internal("board mentors"))?;
    let ids: Vec<i32> = people.iter().map(|m| m.id).collect();
    let sectors = group(
        mentor_sectors::Entity::find()
            .filter(mentor_sectors::Column::MentorId.is_in(ids.clone()))
            .all(db)
            .await
            .map_err(db_internal("board mentor sectors"))?
            .into_iter()
            .map(|s| (s.mentor_id, s.sector_id)),
    );
    let languages = group(
        mentor_languages::Entity::find()
            .filter(mentor_languages::Column::MentorId.is_in(ids.clone()))
            .all(db)
            .await
            .map_err(db_internal("board mentor languages"))?
            .into_iter()
            .map(|l| (l.mentor_id, l.language_id)),
    );
    let intakes = pending_intakes(db, intake_interviews::Column::MentorId.is_in(ids), |i| {
        i.mentor_id
    })
    .await?;
    let cards = people
        .into_iter()
        .map(|m| PipelineCard {
            id: m.id,
            name: format!("{} {}", m.first_name, m.last_name),
            status: m.status,
            since: m.status_changed_at,
            sector_ids: sectors.get(&m.id).cloned().unwrap_or_default(),
            language_ids: languages.get(&m.id).cloned().unwrap_or_default(),
            intake_at: intakes.get(&m.id).copied(),
            unconfirmed: m.email_confirmed_at.is_none(),
        })
        .collect();
    Ok((cards, cut))
}

async fn mentee_cards(
    db: &DatabaseConnection,
    f: &Filters<'_>,
) -> Result<(Vec<PipelineCard>, Vec<String>), AppError> {
    let mut select: Select<mentees::Entity> = mentees::Entity::find()
        .filter(mentees::Column::CityId.eq(f.city))
        .filter(mentees::Column::Status.is_in(MENTEE_STAGES.iter().map(|s| s.as_str())));
    if let Some(sector) = f.sector {
        select = select.filter(
            mentees::Column::Id.in_subquery(
                Query::select()
                    .column(mentee_sectors::Column::MenteeId)
                    .from(mentee_sectors::Entity)
                    .and_where(mentee_sectors::Column::SectorId.eq(sector))
                    .take(),
            ),
        );
    }
    if let Some(language) = f.language {
        select = select.filter(
            mentees::Column::Id.in_subquery(
                Query::select()
                    .column(mentee_languages::Column::MenteeId)
                    .from(mentee_languages::Entity)
                    .and_where(mentee_languages::Column::LanguageId.eq(language))
                    .take(),
            ),
        );
    }
    if let Some(search) = f.search {
        select = select.filter(name_matches(
            search,
            mentees::Column::FirstName,
            mentees::Column::LastName,
        ));
    }
    let (people, cut) = per_stage(
        db,
        select,
        MENTEE_STAGES.iter().map(|s| s.as_str()),
        [
            mentees::Column::Status,
            mentees::Column::StatusChangedAt,
            mentees::Column::Id,
        ],
    )
    .await
    .map_err(db_internal("board mentees"))?;
    let ids: Vec<i32> = people.iter().map(|m| m.id).collect();
    let sectors = group(
        mentee_sectors::Entity::find()
            .filter(mentee_sectors::Column::MenteeId.is_in(ids.clone()))
            .all(db)
            .await
            .map_err(db_internal("board mentee sectors"))?
            .into_iter()
            .map(|s| (s.mentee_id, s.sector_id)),
    );
    let languages = group(
        mentee_languages::Entity::find()
            .filter(mentee_languages::Column::MenteeId.is_in(ids.clone()))
            .all(db)
            .await
            .map_err(db_internal("board mentee languages"))?
            .into_iter()
            .map(|l| (l.mentee_id, l.language_id)),
    );
    let intakes = pending_intakes(db, intake_interviews::Column::MenteeId.is_in(ids), |i| {
        i.mentee_id
    })
    .await?;
    let cards = people
        .into_iter()
        .map(|m| PipelineCard {
            id: m.id,
            name: format!("{} {}", m.first_name, m.last_name),
            status: m.status,
            since: m.status_changed_at,
            sector_ids: sectors.get(&m.id).cloned().unwrap_or_default(),
            language_ids: languages.get(&m.id).cloned().unwrap_or_default(),
            intake_at: intakes.get(&m.id).copied(),
            unconfirmed: false,
        })
        .collect();
    Ok((cards, cut))
}

fn group(pairs: impl Iterator<Item = (i32, i32)>) -> HashMap<i32, Vec<i32>> {
    let mut map: HashMap<i32, Vec<i32>> = HashMap::new();
    for (person, item) in pairs {
        map.entry(person).or_default().push(item);
    }
    for items in map.values_mut() {
        items.sort_unstable();
    }
    map
}

/// The next planned, not yet recorded, interview of each person.
async fn pending_intakes(
    db: &DatabaseConnection,
    people: sea_orm::sea_query::SimpleExpr,
    person: fn(&intake_interviews::Model) -> Option<i32>,
) -> Result<HashMap<i32, DateTime<Utc>>, AppError> {
    let mut next: HashMap<i32, DateTime<Utc>> = HashMap::new();
    for interview in intake_interviews::Entity::find()
        .filter(people)
        .filter(intake_interviews::Column::DoneAt.is_null())
        .all(db)
        .await
        .map_err(db_internal("board intakes"))?
    {
        if let Some(id) = person(&interview) {
            let at = next.entry(id).or_insert(interview.scheduled_at);
            *at = std::cmp::min(*at, interview.scheduled_at);
        }
    }
    Ok(next)
}
