//! `load_demo`: plans the whole demo world in memory from `today`, turns it
//! into rows and writes them in one transaction, so a failure leaves nothing.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use app::db::entities::{mentors, users};
use app::domain::duo::DuoStatus;
use app::platform::database::begin_write;
use app::platform::passwords::hash_password;

use super::DemoSummary;
use super::city_profile::{DEMO_PASSWORD, PROFILES, STAFF};
use super::insert::{Ids, Rows};
use super::mentee_plan::plan_mentees;
use super::mentor_plan::{SHOWCASE_EMAIL, plan_mentors};
use super::mentor_screening::training_dates;
use super::people::Emails;
use super::refs::Refs;
use super::rng::Rng;
use super::rows_duos::duo_rows;
use super::rows_meetings::meeting_rows;
use super::rows_people::{mentee_rows, mentor_rows};
use super::rows_programme::{peer_rows, staff_rows, training_rows};
use super::world::{World, days};
use crate::startup::BoxError;

/// Active duos that have gone quiet, for the coordinator's no-meeting alert.
const QUIET_DUOS: usize = 5;

/// The demo world for `today`, with `coordinators` (user ids) per city. Copy 0 holds the
/// showcase mentor; further copies (`seed --scale`) repeat the same programme with other
/// e-mail addresses, for load tests.
fn plan(today: NaiveDate, coordinators: Vec<Vec<i32>>, copy: usize, emails: &mut Emails) -> World {
    let training = (0..PROFILES.len())
        .map(|city| training_dates(city, today))
        .collect();
    let mut world = World {
        today,
        mentors: Vec::new(),
        mentees: Vec::new(),
        duos: Vec::new(),
        training,
        coordinators,
        copy,
    };
    plan_mentors(&mut world, emails);
    let candidates: Vec<usize> = (0..world.duos.len())
        .filter(|&d| {
            let duo = &world.duos[d];
            duo.status == DuoStatus::Active
                && duo.mentor != 0
                && duo.started_on.is_some_and(|s| s <= today - days(40))
        })
        .collect();
    let mut rng = Rng::stream("quiet", 0);
    for k in rng.sample(candidates.len(), QUIET_DUOS) {
        world.duos[candidates[k]].quiet = true;
    }
    plan_mentees(&mut world, emails);
    world
}

pub async fn load_demo(db: &DatabaseConnection, today: NaiveDate) -> Result<DemoSummary, BoxError> {
    load_demo_scaled(db, today, 1).await
}

/// The demo programme `scale` times over (same cities and staff, more people and duos), for
/// measuring how the application behaves on a larger programme.
pub async fn load_demo_scaled(
    db: &DatabaseConnection,
    today: NaiveDate,
    scale: usize,
) -> Result<DemoSummary, BoxError> {
    // Hashed once, before the transaction: argon2 is deliberately slow.
    let password_hash = hash_password(DEMO_PASSWORD.to_owned()).await?;
    let tx = begin_write(db).await?;
    let showcase = mentors::Entity::find()
        .filter(mentors::Column::Email.eq(SHOWCASE_EMAIL))
        .one(&tx)
        .await?;
    if showcase.is_some() {
        return Err(
            "the demo data is already loaded; seed a fresh database or use `seed --if-empty`"
                .into(),
        );
    }
    let refs = Refs::load(&tx).await?;
    let existing: BTreeMap<String, i32> = users::Entity::find()
        .filter(users::Column::Email.is_in(STAFF.iter().map(|s| s.email)))
        .all(&tx)
        .await?
        .into_iter()
        .map(|u| (u.email, u.id))
        .collect();
    let mut ids = Ids::next_free(&tx).await?;
    let mut rows = Rows::default();
    let coordinators = staff_rows(&existing, &password_hash, today, &refs, &mut ids, &mut rows);
    if coordinators.iter().any(Vec::is_empty) {
        return Err("every city needs a demo coordinator".into());
    }
    let (first_training, first_peer) = (ids.training, ids.peer);
    let mut emails = Emails::default();
    let mut summary = DemoSummary {
        mentors: 0,
        mentees: 0,
        duos: 0,
        meetings: 0,
    };
    for copy in 0..scale.max(1) {
        let world = plan(today, coordinators.clone(), copy, &mut emails);
        let accounts = mentor_rows(&world, &refs, &mut ids, &mut rows)?;
        mentee_rows(&world, &refs, &ids, &mut rows)?;
        training_rows(&world, &refs, &ids, &mut rows);
        duo_rows(&world, &refs, &ids, &mut rows);
        meeting_rows(&world, &accounts, &mut ids, &mut rows);
        peer_rows(&world, &refs, &ids, &mut rows);
        summary.mentors += world.mentors.len();
        summary.mentees += world.mentees.len();
        summary.duos += world.duos.len();
        // The next copy's people, duos and sessions are numbered after this one's.
        ids.mentor += world.mentors.len() as i32;
        ids.mentee += world.mentees.len() as i32;
        ids.duo += world.duos.len() as i32;
        ids.training = first_training + rows.trainings.len() as i32;
        ids.peer = first_peer + rows.peer_sessions.len() as i32;
    }
    summary.meetings = rows.meetings.len();
    rows.insert(&tx).await?;
    tx.commit().await?;
    Ok(summary)
}
