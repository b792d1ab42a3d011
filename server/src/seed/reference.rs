//! Loading the reference data (cities, sectors and their relations, languages,
//! postcodes, default matching weights) without touching what is there:
//! rows are matched by slug, code or key, and only missing ones are added.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::NotSet, DatabaseConnection, DbErr, EntityTrait, Set};

use app::db::entities::{
    cities, languages, matching_weights, postcodes, sector_relations, sectors,
};
use app::platform::database::begin_write;

use super::insert::insert_all;
use super::postcodes::POSTCODES;
use super::reference_data::{CITIES, DEFAULT_WEIGHTS, LANGUAGES, RELATED_SECTORS, SECTORS};
use super::refs::Refs;

/// The moment the default weights were set: fixed, so reloading changes nothing.
const WEIGHTS_SET_AT: i64 = 1_767_225_600; // 2026-01-01T00:00:00Z

pub async fn load_reference(db: &DatabaseConnection) -> Result<(), DbErr> {
    let tx = begin_write(db).await?;
    let have: BTreeSet<String> = cities::Entity::find()
        .all(&tx)
        .await?
        .into_iter()
        .map(|c| c.slug)
        .collect();
    let new = CITIES
        .iter()
        .filter(|c| !have.contains(c.key))
        .map(|c| cities::ActiveModel {
            id: NotSet,
            slug: Set(c.key.to_owned()),
            name_fr: Set(c.fr.to_owned()),
            name_nl: Set(c.nl.to_owned()),
            name_en: Set(c.en.to_owned()),
        });
    insert_all(&tx, new.collect()).await?;

    let have: BTreeSet<String> = sectors::Entity::find()
        .all(&tx)
        .await?
        .into_iter()
        .map(|s| s.slug)
        .collect();
    let new = SECTORS
        .iter()
        .filter(|s| !have.contains(s.key))
        .map(|s| sectors::ActiveModel {
            id: NotSet,
            slug: Set(s.key.to_owned()),
            name_fr: Set(s.fr.to_owned()),
            name_nl: Set(s.nl.to_owned()),
            name_en: Set(s.en.to_owned()),
        });
    insert_all(&tx, new.collect()).await?;

    let have: BTreeSet<String> = languages::Entity::find()
        .all(&tx)
        .await?
        .into_iter()
        .map(|l| l.code)
        .collect();
    let new = LANGUAGES
        .iter()
        .filter(|l| !have.contains(l.key))
        .map(|l| languages::ActiveModel {
            id: NotSet,
            code: Set(l.key.to_owned()),
            name_fr: Set(l.fr.to_owned()),
            name_nl: Set(l.nl.to_owned()),
            name_en: Set(l.en.to_owned()),
        });
    insert_all(&tx, new.collect()).await?;

    let refs = Refs::load(&tx).await?;
    let sector_id = |slug: &str| {
        SECTORS
            .iter()
            .position(|s| s.key == slug)
            .map(|i| refs.sectors[i])
    };
    let have: BTreeSet<(i32, i32)> = sector_relations::Entity::find()
        .all(&tx)
        .await?
        .into_iter()
        .map(|r| (r.sector_id, r.related_sector_id))
        .collect();
    let mut pairs = BTreeSet::new();
    for (a, b) in RELATED_SECTORS {
        if let (Some(a), Some(b)) = (sector_id(a), sector_id(b)) {
            pairs.insert((a, b));
            pairs.insert((b, a));
        }
    }
    let new = pairs
        .difference(&have)
        .map(|&(a, b)| sector_relations::ActiveModel {
            sector_id: Set(a),
            related_sector_id: Set(b),
        });
    insert_all(&tx, new.collect()).await?;

    let have: BTreeSet<i32> = postcodes::Entity::find()
        .all(&tx)
        .await?
        .into_iter()
        .map(|p| p.code)
        .collect();
    let city_id = |slug: &str| {
        CITIES
            .iter()
            .position(|c| c.key == slug)
            .map(|i| refs.cities[i])
    };
    let new = POSTCODES
        .iter()
        .filter(|p| !have.contains(&p.0))
        .filter_map(|&(code, slug, name, lat, lon)| {
            Some(postcodes::ActiveModel {
                code: Set(code),
                city_id: Set(city_id(slug)?),
                name: Set(name.to_owned()),
                latitude: Set(lat),
                longitude: Set(lon),
            })
        });
    insert_all(&tx, new.collect()).await?;

    let have: BTreeSet<i32> = matching_weights::Entity::find()
        .all(&tx)
        .await?
        .into_iter()
        .map(|w| w.city_id)
        .collect();
    let set_at = DateTime::<Utc>::from_timestamp(WEIGHTS_SET_AT, 0).unwrap_or_default();
    let w = &DEFAULT_WEIGHTS;
    let new = refs
        .cities
        .iter()
        .filter(|id| !have.contains(id))
        .map(|&city_id| matching_weights::ActiveModel {
            city_id: Set(city_id),
            sector: Set(w.sector),
            availability: Set(w.availability),
            distance: Set(w.distance),
            language: Set(w.language),
            waiting: Set(w.waiting),
            experience: Set(w.experience),
            intake: Set(w.intake),
            updated_at: Set(set_at),
            updated_by: Set(None),
        });
    insert_all(&tx, new.collect()).await?;
    tx.commit().await
}
