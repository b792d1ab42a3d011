//! Rows for mentors (with the sign-in account of those who can be matched or
//! are in a duo) and mentees, with their consents.

use chrono::Duration;
use sea_orm::{DbErr, Set};

use app::db::entities::{mentees, mentors, users};
use app::domain::consent::{ConsentChannel, ConsentPurpose};
use app::domain::duo::DuoStatus;
use app::domain::mentor::MentorStatus;
use app::domain::role::Role;

use super::insert::{Ids, Rows};
use super::refs::Refs;
use super::rng::Rng;
use super::rows_person::{Owner, common, consent};
use super::text_people::{HEARD_FROM, MOTIVATIONS, tr};
use super::world::{World, days, office_time};

/// Mentor rows; returns each mentor's sign-in account id, if they have one.
pub fn mentor_rows(
    world: &World,
    refs: &Refs,
    ids: &mut Ids,
    rows: &mut Rows,
) -> Result<Vec<Option<i32>>, DbErr> {
    let today = world.today;
    let mut accounts = Vec::new();
    for (i, mentor) in world.mentors.iter().enumerate() {
        let mut rng = Rng::stream("mentor-rows", i as u64);
        let id = ids.mentor + i as i32;
        let p = &mentor.person;
        let (Some(created), Some(changed)) = (p.created_at(), p.changed_at()) else {
            accounts.push(None);
            continue;
        };
        let status = p.status();
        let email = p.email.clone().unwrap_or_default();
        let signs_in = [
            MentorStatus::Available,
            MentorStatus::InDuo,
            MentorStatus::Paused,
        ]
        .iter()
        .any(|s| s.as_str() == status);
        let account = match (signs_in, mentor.available_at) {
            (true, Some(since)) => {
                let user_id = ids.user;
                ids.user += 1;
                let last_sign_in = match status {
                    "in_duo" => Some(office_time(today - days(rng.range(1, 6)), &mut rng)),
                    "available" if rng.chance(0.5) => {
                        Some(office_time(today - days(rng.range(3, 60)), &mut rng))
                    }
                    _ => None,
                };
                rows.users.push(users::ActiveModel {
                    id: Set(user_id),
                    email: Set(email.clone()),
                    display_name: Set(format!("{} {}", p.first, p.last)),
                    role: Set(Role::Mentor.as_str().to_owned()),
                    locale: Set(p.locale.as_str().to_owned()),
                    password_hash: Set(None),
                    disabled_at: Set(None),
                    created_at: Set(since),
                    last_sign_in_at: Set(last_sign_in.map(|t| t.max(since + Duration::hours(1)))),
                });
                Some(user_id)
            }
            _ => None,
        };
        accounts.push(account);
        let completed = mentor
            .duos
            .iter()
            .filter(|&&d| world.duos[d].status == DuoStatus::Closed)
            .count();
        rows.mentors.push(mentors::ActiveModel {
            id: Set(id),
            user_id: Set(account),
            first_name: Set(p.first.clone()),
            last_name: Set(p.last.clone()),
            email: Set(email),
            phone: Set(p.phone.clone()),
            birth_year: Set(p.birth_year),
            postcode: Set(p.postcode),
            city_id: Set(refs.cities[p.city]),
            locale: Set(p.locale.as_str().to_owned()),
            status: Set(status.to_owned()),
            status_reason: Set(p.history.last().and_then(|e| e.reason).map(str::to_owned)),
            status_changed_at: Set(changed),
            motivation: Set(Some(
                tr(&MOTIVATIONS[mentor.motivation], p.locale).to_owned(),
            )),
            heard_from: Set(Some(
                tr(&HEARD_FROM[mentor.heard_from], p.locale).to_owned(),
            )),
            completed_duos: Set(completed as i32),
            created_at: Set(created),
            updated_at: Set(changed),
            anonymised_at: Set(None),
            email_confirmed_at: Set(Some(created)),
            confirm_token_hash: Set(None),
        });
        common(p, Owner::Mentor(id), refs, rows, &mut rng)?;
        let owner = Owner::Mentor(id);
        rows.consents.push(consent(
            owner,
            ConsentPurpose::Programme,
            ConsentChannel::WebForm,
            p.locale,
            None,
            created,
        ));
        if mentor.news_consent {
            rows.consents.push(consent(
                owner,
                ConsentPurpose::Communication,
                ConsentChannel::WebForm,
                p.locale,
                None,
                created,
            ));
        }
    }
    Ok(accounts)
}

pub fn mentee_rows(world: &World, refs: &Refs, ids: &Ids, rows: &mut Rows) -> Result<(), DbErr> {
    for (i, mentee) in world.mentees.iter().enumerate() {
        let mut rng = Rng::stream("mentee-rows", i as u64);
        let id = ids.mentee + i as i32;
        let p = &mentee.person;
        let (Some(created), Some(changed)) = (p.created_at(), p.changed_at()) else {
            continue;
        };
        rows.mentees.push(mentees::ActiveModel {
            id: Set(id),
            first_name: Set(p.first.clone()),
            last_name: Set(p.last.clone()),
            email: Set(p.email.clone()),
            phone: Set(p.phone.clone()),
            birth_year: Set(p.birth_year),
            postcode: Set(p.postcode),
            city_id: Set(refs.cities[p.city]),
            locale: Set(p.locale.as_str().to_owned()),
            status: Set(p.status().to_owned()),
            status_reason: Set(p.history.last().and_then(|e| e.reason).map(str::to_owned)),
            status_changed_at: Set(changed),
            waiting_since: Set(mentee.waiting_since),
            education_level: Set(mentee.education.to_owned()),
            goal: Set(Some(mentee.goal.clone())),
            referred_by: Set(Some(mentee.referred_by.to_owned())),
            migrant_background: Set(Some(mentee.migrant_background)),
            created_by: Set(Some(p.coordinator)),
            created_at: Set(created),
            updated_at: Set(changed),
            anonymised_at: Set(None),
        });
        common(p, Owner::Mentee(id), refs, rows, &mut rng)?;
        let channel = *rng.weighted(&[
            (ConsentChannel::Coordinator, 5),
            (ConsentChannel::Paper, 3),
            (ConsentChannel::Referral, 2),
        ]);
        for purpose in [ConsentPurpose::Programme, ConsentPurpose::SpecialCategory] {
            rows.consents.push(consent(
                Owner::Mentee(id),
                purpose,
                channel,
                p.locale,
                Some(p.coordinator),
                created,
            ));
        }
    }
    Ok(())
}
