//! Mentors as the rest of the platform needs them: the person with their city, sectors,
//! languages and slots, the first line of their history, their consent to take part given on
//! paper, and an account to sign in with by e-mailed link (a mentor account of the same address
//! without a mentor is linked instead). A mentor screened on paper gets the intake and the
//! attended training that the database requires before a mentor is matched.

use std::collections::{BTreeMap, HashMap};

use leptos_i18n::td_string;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};

use super::write::{SLICE, WriteError, Writer, consent, ids_by_email, insert_all, noon};
use crate::db::entities::{
    availability_slots, intake_interviews, mentor_languages, mentor_sectors, mentor_status_changes,
    mentors, training_attendance, training_sessions, users,
};
use crate::domain::consent::ConsentPurpose;
use crate::domain::import::MentorRecord;
use crate::domain::intake::IntakeRecommendation;
use crate::domain::role::Role;
use crate::i18n::Locale as UiLocale;

pub async fn mentors(
    tx: &impl ConnectionTrait,
    list: &[MentorRecord],
    w: &mut Writer<'_>,
) -> Result<(), WriteError> {
    let sessions = training_sessions(tx, list, w).await?;
    let mut written = 0;
    for slice in list.chunks(SLICE) {
        mentor_slice(tx, slice, &sessions, w).await?;
        written += slice.len();
        w.step(written)?;
    }
    Ok(())
}

/// One training per city for the mentors screened on paper, on the day the first of them
/// joined, so the database's screening rule holds for them as for everyone.
async fn training_sessions(
    tx: &impl ConnectionTrait,
    list: &[MentorRecord],
    w: &Writer<'_>,
) -> Result<HashMap<i32, i32>, WriteError> {
    let mut cities: BTreeMap<i32, (chrono::NaiveDate, i32)> = BTreeMap::new();
    for mentor in list.iter().filter(|m| m.screened()) {
        let entry = cities
            .entry(mentor.city_id)
            .or_insert((mentor.joined_on, 0));
        entry.0 = entry.0.min(mentor.joined_on);
        entry.1 += 1;
    }
    let ui = UiLocale::from(w.admin_locale);
    let mut sessions = HashMap::new();
    for (city_id, (first_day, count)) in cities {
        let session = training_sessions::ActiveModel {
            city_id: Set(city_id),
            title: Set(td_string!(ui, import.training_title).to_owned()),
            starts_at: Set(noon(first_day)),
            location: Set(td_string!(ui, import.training_location).to_owned()),
            capacity: Set(count),
            ..Default::default()
        }
        .insert(tx)
        .await?;
        sessions.insert(city_id, session.id);
    }
    Ok(sessions)
}

async fn mentor_slice(
    tx: &impl ConnectionTrait,
    slice: &[MentorRecord],
    sessions: &HashMap<i32, i32>,
    w: &Writer<'_>,
) -> Result<(), WriteError> {
    let emails: Vec<String> = slice.iter().map(|m| m.email.as_str().to_owned()).collect();
    // The dry run let through only addresses without an account or with a mentor account of
    // their own: those are linked, not made again.
    let accounts =
        ids_by_email::<users::Entity, _>(tx, users::Column::Id, users::Column::Email, &emails)
            .await?;
    let new_accounts = slice
        .iter()
        .filter(|m| !accounts.contains_key(m.email.as_str()))
        .map(|m| users::ActiveModel {
            email: Set(m.email.as_str().to_owned()),
            display_name: Set(format!("{} {}", m.first_name, m.last_name)),
            role: Set(Role::Mentor.as_str().to_owned()),
            locale: Set(m.locale.as_str().to_owned()),
            password_hash: Set(None),
            disabled_at: Set(None),
            created_at: Set(w.now),
            last_sign_in_at: Set(None),
            ..Default::default()
        })
        .collect();
    insert_all(tx, new_accounts).await?;
    let accounts =
        ids_by_email::<users::Entity, _>(tx, users::Column::Id, users::Column::Email, &emails)
            .await?;
    let rows = slice
        .iter()
        .map(|m| mentors::ActiveModel {
            user_id: Set(accounts.get(m.email.as_str()).copied()),
            first_name: Set(m.first_name.as_str().to_owned()),
            last_name: Set(m.last_name.as_str().to_owned()),
            email: Set(m.email.as_str().to_owned()),
            phone: Set(m.phone.as_ref().map(|p| p.as_str().to_owned())),
            birth_year: Set(m.birth_year.year()),
            postcode: Set(i32::from(m.postcode.get())),
            city_id: Set(m.city_id),
            locale: Set(m.locale.as_str().to_owned()),
            status: Set(m.status.as_str().to_owned()),
            status_reason: Set(None),
            status_changed_at: Set(noon(m.joined_on)),
            motivation: Set(None),
            heard_from: Set(None),
            completed_duos: Set(i32::try_from(m.completed_duos).unwrap_or(0)),
            created_at: Set(w.now),
            updated_at: Set(w.now),
            anonymised_at: Set(None),
            // Staff vouch for the addresses of their own records.
            email_confirmed_at: Set(Some(w.now)),
            confirm_token_hash: Set(None),
            ..Default::default()
        })
        .collect();
    insert_all(tx, rows).await?;
    let ids = ids_by_email::<mentors::Entity, _>(
        tx,
        mentors::Column::Id,
        mentors::Column::Email,
        &emails,
    )
    .await?;
    let mut sectors = Vec::new();
    let mut languages = Vec::new();
    let mut slots = Vec::new();
    let mut history = Vec::new();
    let mut agreed = Vec::new();
    let mut intakes = Vec::new();
    let mut trained = Vec::new();
    let mut hashes = HashMap::new();
    let mut created = Vec::new();
    for m in slice {
        let Some(&id) = ids.get(m.email.as_str()) else {
            continue;
        };
        created.push(id);
        sectors.extend(m.sectors.iter().map(|s| mentor_sectors::ActiveModel {
            mentor_id: Set(id),
            sector_id: Set(s.sector_id),
            years_experience: Set(i32::try_from(s.years).unwrap_or(0)),
        }));
        languages.extend(m.languages.iter().map(|l| mentor_languages::ActiveModel {
            mentor_id: Set(id),
            language_id: Set(l.language_id),
            level: Set(l.level.as_str().to_owned()),
        }));
        slots.extend(m.slots.iter().map(|slot| availability_slots::ActiveModel {
            mentor_id: Set(Some(id)),
            mentee_id: Set(None),
            weekday: Set(slot.weekday as i32),
            day_part: Set(slot.part.as_str().to_owned()),
            ..Default::default()
        }));
        history.push(mentor_status_changes::ActiveModel {
            mentor_id: Set(id),
            from_status: Set(None),
            to_status: Set(m.status.as_str().to_owned()),
            reason: Set(None),
            note: Set(None),
            changed_by: Set(Some(w.admin_id)),
            changed_at: Set(noon(m.joined_on)),
            ..Default::default()
        });
        agreed.push(consent(
            w,
            Some(id),
            None,
            ConsentPurpose::Programme,
            m.locale,
            &mut hashes,
        ));
        if let (true, Some(&session)) = (m.screened(), sessions.get(&m.city_id)) {
            intakes.push(intake_interviews::ActiveModel {
                mentor_id: Set(Some(id)),
                scheduled_at: Set(noon(m.joined_on)),
                done_at: Set(Some(noon(m.joined_on))),
                recommendation: Set(Some(IntakeRecommendation::Proceed.as_str().to_owned())),
                ..Default::default()
            });
            trained.push(training_attendance::ActiveModel {
                training_session_id: Set(session),
                mentor_id: Set(id),
                attended: Set(Some(true)),
            });
        }
    }
    insert_all(tx, sectors).await?;
    insert_all(tx, languages).await?;
    insert_all(tx, slots).await?;
    insert_all(tx, history).await?;
    insert_all(tx, agreed).await?;
    insert_all(tx, intakes).await?;
    insert_all(tx, trained).await?;
    insert_all(tx, w.audit("mentor", created)).await?;
    Ok(())
}
