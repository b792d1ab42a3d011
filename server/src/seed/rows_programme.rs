//! Rows around the duos: staff accounts and their cities, the initial training
//! sessions with attendance, and the mentors' peer-exchange sessions every two
//! months with attendance.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate, Weekday};
use sea_orm::{IntoActiveModel, Set};

use app::db::entities::{
    peer_attendance, peer_sessions, training_attendance, training_sessions, user_cities, users,
};

use super::city_profile::{PROFILES, STAFF};
use super::insert::{Ids, Rows};
use super::refs::Refs;
use super::rng::Rng;
use super::text_duo::PEER_TOPICS;
use super::text_people::{Tr, tr};
use super::world::{World, at, days, office_time};

const TRAINING_TITLE: Tr = [
    "Formation de base des mentors",
    "Basisvorming voor mentoren",
    "Mentor induction training",
];
const ONLINE: Tr = ["En ligne (Teams)", "Online (Teams)", "Online (Teams)"];

/// Staff accounts (reusing any that already exist by e-mail); returns the
/// coordinators of each city.
pub fn staff_rows(
    existing: &BTreeMap<String, i32>,
    password_hash: &str,
    today: NaiveDate,
    refs: &Refs,
    ids: &mut Ids,
    rows: &mut Rows,
) -> Vec<Vec<i32>> {
    let mut coordinators = vec![Vec::new(); PROFILES.len()];
    for (k, spec) in STAFF.iter().enumerate() {
        let mut rng = Rng::stream("staff", k as u64);
        let id = match existing.get(spec.email) {
            Some(&id) => id,
            None => {
                let id = ids.user;
                ids.user += 1;
                rows.users.push(users::ActiveModel {
                    id: Set(id),
                    email: Set(spec.email.to_owned()),
                    display_name: Set(spec.name.to_owned()),
                    role: Set(spec.role.as_str().to_owned()),
                    locale: Set(spec.locale.as_str().to_owned()),
                    password_hash: Set(Some(password_hash.to_owned())),
                    disabled_at: Set(None),
                    created_at: Set(at(today - days(900), 9, 0)),
                    last_sign_in_at: Set(Some(office_time(
                        today - days(rng.range(1, 3)),
                        &mut rng,
                    ))),
                });
                for &city in spec.cities {
                    rows.user_cities.push(
                        user_cities::Model {
                            user_id: id,
                            city_id: refs.cities[city],
                        }
                        .into_active_model(),
                    );
                }
                id
            }
        };
        for &city in spec.cities {
            coordinators[city].push(id);
        }
    }
    coordinators
}

pub fn training_rows(world: &World, refs: &Refs, ids: &Ids, rows: &mut Rows) {
    let mut first_id = Vec::new();
    let mut next = ids.training;
    for (city, dates) in world.training.iter().enumerate() {
        first_id.push(next);
        let office = PROFILES[city].office_locale;
        for &day in dates {
            rows.trainings.push(training_sessions::ActiveModel {
                id: Set(next),
                city_id: Set(refs.cities[city]),
                title: Set(tr(&TRAINING_TITLE, office).to_owned()),
                starts_at: Set(at(day, 9, 30)),
                location: Set(PROFILES[city].office.to_owned()),
                capacity: Set(if city == 0 { 16 } else { 12 }),
            });
            next += 1;
        }
    }
    for (m, mentor) in world.mentors.iter().enumerate() {
        let Some((idx, attended)) = mentor.training else {
            continue;
        };
        rows.training_attendance.push(
            training_attendance::Model {
                training_session_id: first_id[mentor.person.city] + idx as i32,
                mentor_id: ids.mentor + m as i32,
                attended,
            }
            .into_active_model(),
        );
    }
}

/// Peer sessions on a Thursday every two months per city, over the two years
/// of duos; mentors in a running duo come about three times out of four.
pub fn peer_rows(world: &World, refs: &Refs, ids: &Ids, rows: &mut Rows) {
    let today = world.today;
    let mut next = ids.peer;
    for city in 0..PROFILES.len() {
        let office = PROFILES[city].office_locale;
        let base = today - days(9 + 7 * city as i64);
        let mut dates: Vec<NaiveDate> = (0..=12)
            .map(|k| {
                let mut d = base - days(61 * k);
                while d.weekday() != Weekday::Thu {
                    d -= days(1);
                }
                d
            })
            .collect();
        dates.sort();
        for (k, held_on) in dates.into_iter().enumerate() {
            let mut rng = Rng::stream("peer", (city * 100 + k) as u64);
            let location = if rng.chance(0.2) {
                tr(&ONLINE, office)
            } else {
                PROFILES[city].office
            };
            rows.peer_sessions.push(peer_sessions::ActiveModel {
                id: Set(next),
                city_id: Set(refs.cities[city]),
                held_on: Set(held_on),
                topic: Set(tr(&PEER_TOPICS[(k + city) % PEER_TOPICS.len()], office).to_owned()),
                location: Set(Some(location.to_owned())),
            });
            let present: BTreeSet<usize> = world
                .duos
                .iter()
                .filter(|d| {
                    d.city == city
                        && d.started_on.is_some_and(|s| s <= held_on)
                        && d.last_day(today) >= held_on
                })
                .map(|d| d.mentor)
                .collect();
            for mentor in present {
                if rng.chance(0.72) {
                    rows.peer_attendance.push(
                        peer_attendance::Model {
                            peer_session_id: next,
                            mentor_id: ids.mentor + mentor as i32,
                        }
                        .into_active_model(),
                    );
                }
            }
            next += 1;
        }
    }
}
