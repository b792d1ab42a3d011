//! The ids of the reference rows, looked up by slug or code, for the demo rows
//! that point at them.

use std::collections::BTreeMap;

use sea_orm::{ConnectionTrait, DbErr, EntityTrait};

use app::db::entities::{cities, languages, sectors};

use super::reference_data::{CITIES, Named, SECTORS};

/// Ids of the reference rows the demo refers to, in the order of the lists.
pub struct Refs {
    pub cities: Vec<i32>,
    pub sectors: Vec<i32>,
    languages: BTreeMap<String, i32>,
}

fn missing(what: &str, key: &str) -> DbErr {
    DbErr::Custom(format!(
        "reference data is missing {what} {key:?}; run `server seed --reference`"
    ))
}

fn ids_in_order(
    by_key: &BTreeMap<String, i32>,
    list: &[Named],
    what: &str,
) -> Result<Vec<i32>, DbErr> {
    list.iter()
        .map(|row| {
            by_key
                .get(row.key)
                .copied()
                .ok_or_else(|| missing(what, row.key))
        })
        .collect()
}

impl Refs {
    pub async fn load(conn: &impl ConnectionTrait) -> Result<Refs, DbErr> {
        let city_ids = cities::Entity::find()
            .all(conn)
            .await?
            .into_iter()
            .map(|c| (c.slug, c.id))
            .collect();
        let sector_ids = sectors::Entity::find()
            .all(conn)
            .await?
            .into_iter()
            .map(|s| (s.slug, s.id))
            .collect();
        let languages = languages::Entity::find()
            .all(conn)
            .await?
            .into_iter()
            .map(|l| (l.code, l.id))
            .collect();
        Ok(Refs {
            cities: ids_in_order(&city_ids, CITIES, "city")?,
            sectors: ids_in_order(&sector_ids, SECTORS, "sector")?,
            languages,
        })
    }

    pub fn language(&self, code: &str) -> Result<i32, DbErr> {
        self.languages
            .get(code)
            .copied()
            .ok_or_else(|| missing("language", code))
    }
}
