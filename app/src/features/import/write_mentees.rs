//! Mentees as the rest of the platform needs them, as a coordinator's registration writes
//! them: the person with their goal sectors, languages and slots, the first line of their
//! history, and the consents given on paper (the special-category one with a migrant
//! background).

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set};

use super::write::{SLICE, WriteError, Writer, consent, insert_all, max_id, noon};
use crate::db::entities::{
    availability_slots, mentee_languages, mentee_sectors, mentee_status_changes, mentees,
};
use crate::domain::consent::ConsentPurpose;
use crate::domain::import::MenteeRecord;
use crate::domain::mentee::MenteeStatus;

pub async fn mentees(
    tx: &impl ConnectionTrait,
    list: &[MenteeRecord],
    w: &mut Writer<'_>,
) -> Result<(), WriteError> {
    let mut written = 0;
    for slice in list.chunks(SLICE) {
        mentee_slice(tx, slice, w).await?;
        written += slice.len();
        w.step(written)?;
    }
    Ok(())
}

async fn mentee_slice(
    tx: &impl ConnectionTrait,
    slice: &[MenteeRecord],
    w: &Writer<'_>,
) -> Result<(), WriteError> {
    let before = max_id::<mentees::Entity>(tx).await?;
    let rows = slice
        .iter()
        .map(|m| {
            let r = &m.registration;
            let waiting = m.status == MenteeStatus::Waiting;
            mentees::ActiveModel {
                first_name: Set(r.first_name.as_str().to_owned()),
                last_name: Set(r.last_name.as_str().to_owned()),
                email: Set(Some(m.email.as_str().to_owned())),
                phone: Set(r.phone.as_ref().map(|p| p.as_str().to_owned())),
                birth_year: Set(r.birth_year.year()),
                postcode: Set(i32::from(r.postcode.get())),
                city_id: Set(r.city_id),
                locale: Set(r.locale.as_str().to_owned()),
                status: Set(m.status.as_str().to_owned()),
                status_reason: Set(None),
                status_changed_at: Set(noon(m.registered_on)),
                waiting_since: Set(waiting.then_some(m.registered_on)),
                education_level: Set(r.education.as_str().to_owned()),
                goal: Set(r.goal.as_ref().map(|g| g.as_str().to_owned())),
                referred_by: Set(r.referred_by.as_ref().map(|g| g.as_str().to_owned())),
                migrant_background: Set(r.migrant_background),
                created_by: Set(Some(w.admin_id)),
                created_at: Set(w.now),
                updated_at: Set(w.now),
                anonymised_at: Set(None),
                ..Default::default()
            }
        })
        .collect();
    insert_all(tx, rows).await?;
    // Mentee addresses are not unique in the database: the new rows are those after `before`.
    let emails: Vec<String> = slice.iter().map(|m| m.email.as_str().to_owned()).collect();
    let found: Vec<(i32, Option<String>)> = mentees::Entity::find()
        .select_only()
        .columns([mentees::Column::Id, mentees::Column::Email])
        .filter(mentees::Column::Id.gt(before))
        .filter(mentees::Column::CreatedBy.eq(w.admin_id))
        .filter(mentees::Column::Email.is_in(emails))
        .into_tuple()
        .all(tx)
        .await?;
    let ids: HashMap<String, i32> = found
        .into_iter()
        .filter_map(|(id, email)| Some((email?, id)))
        .collect();
    let mut sectors = Vec::new();
    let mut languages = Vec::new();
    let mut slots = Vec::new();
    let mut history = Vec::new();
    let mut agreed = Vec::new();
    let mut hashes = HashMap::new();
    let mut created = Vec::new();
    for m in slice {
        let Some(&id) = ids.get(m.email.as_str()) else {
            continue;
        };
        let r = &m.registration;
        created.push(id);
        sectors.extend(
            r.goal_sectors
                .iter()
                .map(|&sector_id| mentee_sectors::ActiveModel {
                    mentee_id: Set(id),
                    sector_id: Set(sector_id),
                }),
        );
        languages.extend(r.languages.iter().map(|l| mentee_languages::ActiveModel {
            mentee_id: Set(id),
            language_id: Set(l.language_id),
            level: Set(l.level.as_str().to_owned()),
        }));
        slots.extend(r.slots.iter().map(|slot| availability_slots::ActiveModel {
            mentor_id: Set(None),
            mentee_id: Set(Some(id)),
            weekday: Set(slot.weekday as i32),
            day_part: Set(slot.part.as_str().to_owned()),
            ..Default::default()
        }));
        history.push(mentee_status_changes::ActiveModel {
            mentee_id: Set(id),
            from_status: Set(None),
            to_status: Set(m.status.as_str().to_owned()),
            reason: Set(None),
            note: Set(None),
            changed_by: Set(Some(w.admin_id)),
            changed_at: Set(noon(m.registered_on)),
            ..Default::default()
        });
        agreed.push(consent(
            w,
            None,
            Some(id),
            ConsentPurpose::Programme,
            r.locale,
            &mut hashes,
        ));
        if r.migrant_background.is_some() {
            let purpose = ConsentPurpose::SpecialCategory;
            agreed.push(consent(w, None, Some(id), purpose, r.locale, &mut hashes));
        }
    }
    insert_all(tx, sectors).await?;
    insert_all(tx, languages).await?;
    insert_all(tx, slots).await?;
    insert_all(tx, history).await?;
    insert_all(tx, agreed).await?;
    insert_all(tx, w.audit("mentee", created)).await?;
    Ok(())
}
