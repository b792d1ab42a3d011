//! One person's full record and status history.

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

use crate::db::entities::{
    availability_slots, mentee_languages, mentee_sectors, mentee_status_changes, mentees,
    mentor_languages, mentor_sectors, mentor_status_changes, mentors, users,
};
use crate::domain::availability::{DayPart, Slot, Weekday, WeeklySlots};
use crate::domain::mentee::MenteeStatus;
use crate::domain::mentor::MentorStatus;
use crate::domain::reference::LanguageLevel;
use crate::error::AppError;
use crate::features::people::types::{
    Named, PersonDetail, PersonKind, PersonStatus, SectorExperience, SpokenLanguage, StatusChange,
};
use crate::features::reference::queries;
use crate::platform::errors::db_internal;

pub async fn detail(
    db: &DatabaseConnection,
    kind: PersonKind,
    id: i32,
) -> Result<Option<PersonDetail>, AppError> {
    let err = db_internal;
    let sectors = queries::sectors(db).await.map_err(err("sectors"))?;
    let languages = queries::languages(db).await.map_err(err("languages"))?;
    let find = |list: &[Named], id: i32| list.iter().find(|n| n.id == id).cloned();

    let (mut person, changes) = match kind {
        PersonKind::Mentors => {
            let Some(m) = mentors::Entity::find_by_id(id)
                .one(db)
                .await
                .map_err(err("mentor"))?
            else {
                return Ok(None);
            };
            let sector_rows = mentor_sectors::Entity::find()
                .filter(mentor_sectors::Column::MentorId.eq(id))
                .all(db)
                .await
                .map_err(err("mentor sectors"))?;
            let language_rows = mentor_languages::Entity::find()
                .filter(mentor_languages::Column::MentorId.eq(id))
                .all(db)
                .await
                .map_err(err("mentor languages"))?;
            let changes = mentor_status_changes::Entity::find()
                .filter(mentor_status_changes::Column::MentorId.eq(id))
                .order_by_desc(mentor_status_changes::Column::ChangedAt)
                .order_by_desc(mentor_status_changes::Column::Id)
                .all(db)
                .await
                .map_err(err("mentor history"))?
                .into_iter()
                .map(|c| {
                    let status = |s: &str| MentorStatus::parse(s).map(PersonStatus::Mentor);
                    (
                        c.changed_at,
                        c.from_status.as_deref().and_then(status),
                        status(&c.to_status),
                        c.reason,
                        c.changed_by,
                    )
                })
                .collect::<Vec<_>>();
            let detail = PersonDetail {
                id,
                kind,
                first_name: m.first_name,
                last_name: m.last_name,
                email: Some(m.email),
                phone: m.phone,
                birth_year: m.birth_year,
                postcode: m.postcode,
                city: Named {
                    id: m.city_id,
                    fr: String::new(),
                    nl: String::new(),
                    en: String::new(),
                },
                status: PersonStatus::Mentor(
                    MentorStatus::parse(&m.status).unwrap_or(MentorStatus::Applied),
                ),
                sectors: sector_rows
                    .into_iter()
                    .filter_map(|s| {
                        Some(SectorExperience {
                            sector: find(&sectors, s.sector_id)?,
                            years: Some(s.years_experience),
                        })
                    })
                    .collect(),
                languages: language_rows
                    .into_iter()
                    .filter_map(|l| {
                        Some(SpokenLanguage {
                            language: find(&languages, l.language_id)?,
                            level: LanguageLevel::parse(&l.level)?,
                        })
                    })
                    .collect(),
                availability: WeeklySlots::default(),
                goal: None,
                migrant_background: None,
                anonymised_at: m.anonymised_at,
                may_act_on_data: false,
                may_erase: false,
                consents: Vec::new(),
                history: Vec::new(),
            };
            (detail, changes)
        }
        PersonKind::Mentees => {
            let Some(m) = mentees::Entity::find_by_id(id)
                .one(db)
                .await
                .map_err(err("mentee"))?
            else {
                return Ok(None);
            };
            let sector_rows = mentee_sectors::Entity::find()
                .filter(mentee_sectors::Column::MenteeId.eq(id))
                .all(db)
                .await
                .map_err(err("mentee sectors"))?;
            let language_rows = mentee_languages::Entity::find()
                .filter(mentee_languages::Column::MenteeId.eq(id))
                .all(db)
                .await
                .map_err(err("mentee languages"))?;
            let changes = mentee_status_changes::Entity::find()
                .filter(mentee_status_changes::Column::MenteeId.eq(id))
                .order_by_desc(mentee_status_changes::Column::ChangedAt)
                .order_by_desc(mentee_status_changes::Column::Id)
                .all(db)
                .await
                .map_err(err("mentee history"))?
                .into_iter()
                .map(|c| {
                    let status = |s: &str| MenteeStatus::parse(s).map(PersonStatus::Mentee);
                    (
                        c.changed_at,
                        c.from_status.as_deref().and_then(status),
                        status(&c.to_status),
                        c.reason,
                        c.changed_by,
                    )
                })
                .collect::<Vec<_>>();
            let detail = PersonDetail {
                id,
                kind,
                first_name: m.first_name,
                last_name: m.last_name,
                email: m.email,
                phone: m.phone,
                birth_year: m.birth_year,
                postcode: m.postcode,
                city: Named {
                    id: m.city_id,
                    fr: String::new(),
                    nl: String::new(),
                    en: String::new(),
                },
                status: PersonStatus::Mentee(
                    MenteeStatus::parse(&m.status).unwrap_or(MenteeStatus::Registered),
                ),
                sectors: sector_rows
                    .into_iter()
                    .filter_map(|s| {
                        Some(SectorExperience {
                            sector: find(&sectors, s.sector_id)?,
                            years: None,
                        })
                    })
                    .collect(),
                languages: language_rows
                    .into_iter()
                    .filter_map(|l| {
                        Some(SpokenLanguage {
                            language: find(&languages, l.language_id)?,
                            level: LanguageLevel::parse(&l.level)?,
                        })
                    })
                    .collect(),
                availability: WeeklySlots::default(),
                goal: m.goal,
                migrant_background: m.migrant_background,
                anonymised_at: m.anonymised_at,
                may_act_on_data: false,
                may_erase: false,
                consents: Vec::new(),
                history: Vec::new(),
            };
            (detail, changes)
        }
    };

    if let Some(city) = queries::cities(db, Some(&[person.city.id]))
        .await
        .map_err(err("city"))?
        .pop()
    {
        person.city = city;
    }
    person.availability = availability(db, kind, id).await?;
    person.history = history(db, changes).await?;
    Ok(Some(person))
}

type RawChange = (
    chrono::DateTime<chrono::Utc>,
    Option<PersonStatus>,
    Option<PersonStatus>,
    Option<String>,
    Option<i32>,
);

async fn history(
    db: &DatabaseConnection,
    changes: Vec<RawChange>,
) -> Result<Vec<StatusChange>, AppError> {
    let user_ids: Vec<i32> = changes.iter().filter_map(|c| c.4).collect();
    let names: HashMap<i32, String> = users::Entity::find()
        .filter(users::Column::Id.is_in(user_ids))
        .all(db)
        .await
        .map_err(db_internal("history users"))?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect();
    Ok(changes
        .into_iter()
        .filter_map(|(at, from, to, reason, by)| {
            Some(StatusChange {
                at,
                from,
                to: to?,
                reason,
                by: by.and_then(|id| names.get(&id).cloned()),
            })
        })
        .collect())
}

async fn availability(
    db: &DatabaseConnection,
    kind: PersonKind,
    id: i32,
) -> Result<WeeklySlots, AppError> {
    let owner = match kind {
        PersonKind::Mentors => availability_slots::Column::MentorId.eq(id),
        PersonKind::Mentees => availability_slots::Column::MenteeId.eq(id),
    };
    let rows = availability_slots::Entity::find()
        .filter(owner)
        .all(db)
        .await
        .map_err(db_internal("availability"))?;
    let mut slots = WeeklySlots::default();
    for row in rows {
        let weekday = Weekday::ALL.get(row.weekday as usize).copied();
        if let (Some(weekday), Some(part)) = (weekday, DayPart::parse(&row.day_part)) {
            slots.insert(Slot::new(weekday, part));
        }
    }
    Ok(slots)
}
