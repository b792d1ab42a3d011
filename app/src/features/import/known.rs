//! What the database already holds for the good rows of a file: a person with the same
//! e-mail address, a duo of the same mentor and mentee starting the same day, the people a duo
//! names, and accounts that already use a mentor's address.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

use super::service::PlannedDuo;
use crate::db::entities::{duos, mentees, mentors, users};
use crate::domain::import::{Checked, DuoRecord, Issue, MenteeRecord, MentorRecord, Problem};
use crate::domain::role::Role;
use crate::error::AppError;
use crate::platform::errors::db_internal;

/// Values per `IN (…)` list, well under either database's limit on bound parameters.
const IN_LIST: usize = 500;

fn emails<'a>(list: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut all: Vec<String> = list.map(str::to_owned).collect();
    all.sort_unstable();
    all.dedup();
    all
}

/// Of the good rows, the mentors to create and how many are there already. An address that
/// belongs to another account is refused at its row.
pub(super) async fn new_mentors(
    conn: &impl ConnectionTrait,
    checked: &mut Checked<MentorRecord>,
) -> Result<(Vec<MentorRecord>, usize), AppError> {
    let all = emails(checked.records.iter().map(|(_, m)| m.email.as_str()));
    let mut known: HashSet<String> = HashSet::new();
    let mut accounts: HashMap<String, (i32, String)> = HashMap::new();
    for chunk in all.chunks(IN_LIST) {
        let found: Vec<String> = mentors::Entity::find()
            .select_only()
            .column(mentors::Column::Email)
            .filter(mentors::Column::Email.is_in(chunk.iter().cloned()))
            .into_tuple()
            .all(conn)
            .await
            .map_err(db_internal("import known mentors"))?;
        known.extend(found);
        for user in users::Entity::find()
            .filter(users::Column::Email.is_in(chunk.iter().cloned()))
            .all(conn)
            .await
            .map_err(db_internal("import known accounts"))?
        {
            accounts.insert(user.email, (user.id, user.role));
        }
    }
    // A mentor account without a mentor record is the one this mentor will sign in with.
    let mentor_accounts: Vec<i32> = accounts
        .values()
        .filter(|(_, role)| role == Role::Mentor.as_str())
        .map(|(id, _)| *id)
        .collect();
    let mut linked: HashSet<i32> = HashSet::new();
    for chunk in mentor_accounts.chunks(IN_LIST) {
        let ids: Vec<Option<i32>> = mentors::Entity::find()
            .select_only()
            .column(mentors::Column::UserId)
            .filter(mentors::Column::UserId.is_in(chunk.iter().copied()))
            .into_tuple()
            .all(conn)
            .await
            .map_err(db_internal("import linked accounts"))?;
        linked.extend(ids.into_iter().flatten());
    }
    let mut new = Vec::new();
    let mut already = 0;
    for (line, mentor) in std::mem::take(&mut checked.records) {
        let email = mentor.email.as_str();
        let taken = accounts
            .get(email)
            .is_some_and(|(id, role)| role != Role::Mentor.as_str() || linked.contains(id));
        if known.contains(email) {
            already += 1;
        } else if taken {
            checked
                .problems
                .push(Problem::at(line, "email", Issue::EmailTaken));
        } else {
            new.push(mentor);
        }
    }
    Ok((new, already))
}

pub(super) async fn new_mentees(
    conn: &impl ConnectionTrait,
    checked: &mut Checked<MenteeRecord>,
) -> Result<(Vec<MenteeRecord>, usize), AppError> {
    let all = emails(checked.records.iter().map(|(_, m)| m.email.as_str()));
    let mut known: HashSet<String> = HashSet::new();
    for chunk in all.chunks(IN_LIST) {
        let found: Vec<Option<String>> = mentees::Entity::find()
            .select_only()
            .column(mentees::Column::Email)
            .filter(mentees::Column::Email.is_in(chunk.iter().cloned()))
            .into_tuple()
            .all(conn)
            .await
            .map_err(db_internal("import known mentees"))?;
        known.extend(found.into_iter().flatten());
    }
    let (already, new): (Vec<_>, Vec<_>) = std::mem::take(&mut checked.records)
        .into_iter()
        .map(|(_, mentee)| mentee)
        .partition(|m| known.contains(m.email.as_str()));
    Ok((new, already.len()))
}

/// Of the good rows, the duos to create: both people must be in the database, and a duo of
/// the same mentor and mentee starting the same day is there already.
pub(super) async fn new_duos(
    conn: &impl ConnectionTrait,
    checked: &mut Checked<DuoRecord>,
) -> Result<(Vec<PlannedDuo>, usize), AppError> {
    let mentor_emails = emails(checked.records.iter().map(|(_, d)| d.mentor_email.as_str()));
    let mentee_emails = emails(checked.records.iter().map(|(_, d)| d.mentee_email.as_str()));
    let mut mentor_ids: HashMap<String, i32> = HashMap::new();
    for chunk in mentor_emails.chunks(IN_LIST) {
        let found: Vec<(i32, String)> = mentors::Entity::find()
            .select_only()
            .columns([mentors::Column::Id, mentors::Column::Email])
            .filter(mentors::Column::Email.is_in(chunk.iter().cloned()))
            .into_tuple()
            .all(conn)
            .await
            .map_err(db_internal("import duo mentors"))?;
        mentor_ids.extend(found.into_iter().map(|(id, email)| (email, id)));
    }
    let mut mentee_ids: HashMap<String, (i32, i32)> = HashMap::new();
    for chunk in mentee_emails.chunks(IN_LIST) {
        let found: Vec<(i32, i32, Option<String>)> = mentees::Entity::find()
            .select_only()
            .columns([
                mentees::Column::Id,
                mentees::Column::CityId,
                mentees::Column::Email,
            ])
            .filter(mentees::Column::Email.is_in(chunk.iter().cloned()))
            .into_tuple()
            .all(conn)
            .await
            .map_err(db_internal("import duo mentees"))?;
        for (id, city_id, email) in found {
            // With two records of one address, the earlier registration names the mentee.
            if let Some(email) = email {
                mentee_ids.entry(email).or_insert((id, city_id));
            }
        }
    }
    let ids: Vec<i32> = mentor_ids.values().copied().collect();
    let mut existing: HashSet<(i32, i32, NaiveDate)> = HashSet::new();
    for chunk in ids.chunks(IN_LIST) {
        let found: Vec<(i32, i32, Option<NaiveDate>)> = duos::Entity::find()
            .select_only()
            .columns([
                duos::Column::MentorId,
                duos::Column::MenteeId,
                duos::Column::StartedOn,
            ])
            .filter(duos::Column::MentorId.is_in(chunk.iter().copied()))
            .into_tuple()
            .all(conn)
            .await
            .map_err(db_internal("import existing duos"))?;
        existing.extend(
            found
                .into_iter()
                .filter_map(|(mentor, mentee, start)| Some((mentor, mentee, start?))),
        );
    }
    let mut new = Vec::new();
    let mut already = 0;
    for (line, record) in std::mem::take(&mut checked.records) {
        let mentor = mentor_ids.get(record.mentor_email.as_str()).copied();
        let mentee = mentee_ids.get(record.mentee_email.as_str()).copied();
        if mentor.is_none() {
            let problem = Problem::at(line, "mentor_email", Issue::UnknownMentor);
            checked.problems.push(problem);
        }
        if mentee.is_none() {
            let problem = Problem::at(line, "mentee_email", Issue::UnknownMentee);
            checked.problems.push(problem);
        }
        let (Some(mentor_id), Some((mentee_id, city_id))) = (mentor, mentee) else {
            continue;
        };
        if existing.contains(&(mentor_id, mentee_id, record.started_on)) {
            already += 1;
        } else {
            new.push(PlannedDuo {
                record,
                mentor_id,
                mentee_id,
                city_id,
            });
        }
    }
    Ok((new, already))
}
