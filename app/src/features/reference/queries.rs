//! Loading reference data as `Named` lists.

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};

use super::Named;
use crate::db::entities::{cities, languages, sectors};

pub async fn cities(
    conn: &impl ConnectionTrait,
    only: Option<&[i32]>,
) -> Result<Vec<Named>, DbErr> {
    let mut select = cities::Entity::find().order_by_asc(cities::Column::Id);
    if let Some(ids) = only {
        select = select.filter(cities::Column::Id.is_in(ids.iter().copied()));
    }
    Ok(select
        .all(conn)
        .await?
        .into_iter()
        .map(|c| Named {
            id: c.id,
            fr: c.name_fr,
            nl: c.name_nl,
            en: c.name_en,
        })
        .collect())
}

pub async fn sectors(conn: &impl ConnectionTrait) -> Result<Vec<Named>, DbErr> {
    Ok(sectors::Entity::find()
        .order_by_asc(sectors::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(|s| Named {
            id: s.id,
            fr: s.name_fr,
            nl: s.name_nl,
            en: s.name_en,
        })
        .collect())
}

pub async fn languages(conn: &impl ConnectionTrait) -> Result<Vec<Named>, DbErr> {
    Ok(languages::Entity::find()
        .order_by_asc(languages::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(|l| Named {
            id: l.id,
            fr: l.name_fr,
            nl: l.name_nl,
            en: l.name_en,
        })
        .collect())
}
