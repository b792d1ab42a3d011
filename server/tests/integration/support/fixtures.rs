//! Minimal rows for the schema tests: a city, people, duos.

#![allow(dead_code)] // each test crate uses a subset of the fixtures

use app::db::entities::{
    cities, duos, intake_interviews, languages, mentee_languages, mentees, mentor_languages,
    mentors, referral_links, sectors, training_attendance, training_sessions,
};
use app::db::migration::Migrator;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    IntoActiveModel, NotSet, PaginatorTrait, QueryFilter, Set,
};
use sea_orm_migration::MigratorTrait;

pub async fn migrate(db: &DatabaseConnection) {
    Migrator::up(db, None).await.expect("migrations apply");
}

/// A whole-second instant: PostgreSQL keeps microseconds, so `now()` would not
/// compare equal after a round trip.
pub fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
}

pub fn day(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, day).unwrap()
}

pub async fn city(db: &DatabaseConnection, slug: &str) -> i32 {
    cities::ActiveModel {
        slug: Set(slug.to_owned()),
        name_fr: Set(slug.to_owned()),
        name_nl: Set(slug.to_owned()),
        name_en: Set(slug.to_owned()),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("insert city")
    .id
}

pub fn mentor_row(city_id: i32, n: u32) -> mentors::Model {
    mentors::Model {
        id: 0,
        user_id: None,
        first_name: "Marc".to_owned(),
        last_name: format!("Mentor {n}"),
        email: format!("mentor{n}@example.org"),
        phone: None,
        birth_year: 1960,
        postcode: 1000,
        city_id,
        locale: "fr".to_owned(),
        status: "available".to_owned(),
        status_reason: None,
        status_changed_at: at(1, 9),
        motivation: None,
        heard_from: None,
        completed_duos: 0,
        created_at: at(1, 9),
        updated_at: at(1, 9),
        anonymised_at: None,
        email_confirmed_at: Some(at(1, 9)),
        confirm_token_hash: None,
    }
}

pub fn mentee_row(city_id: i32, n: u32) -> mentees::Model {
    mentees::Model {
        id: 0,
        first_name: "Amina".to_owned(),
        last_name: format!("Mentee {n}"),
        email: None,
        phone: None,
        birth_year: 2000,
        postcode: 1000,
        city_id,
        locale: "nl".to_owned(),
        status: "waiting".to_owned(),
        status_reason: None,
        status_changed_at: at(1, 9),
        waiting_since: Some(day(11, 1)),
        education_level: "upper_secondary".to_owned(),
        goal: None,
        referred_by: None,
        migrant_background: None,
        created_by: None,
        created_at: at(1, 9),
        updated_at: at(1, 9),
        anonymised_at: None,
    }
}

pub async fn insert_mentor(db: &DatabaseConnection, row: mentors::Model) -> Result<i32, DbErr> {
    let mut am = row.into_active_model();
    am.id = NotSet;
    Ok(am.insert(db).await?.id)
}

pub async fn insert_mentee(db: &DatabaseConnection, row: mentees::Model) -> Result<i32, DbErr> {
    let mut am = row.into_active_model();
    am.id = NotSet;
    Ok(am.insert(db).await?.id)
}

pub async fn mentor(db: &DatabaseConnection, city_id: i32, n: u32) -> i32 {
    insert_mentor(db, mentor_row(city_id, n))
        .await
        .expect("insert mentor")
}

pub async fn mentee(db: &DatabaseConnection, city_id: i32, n: u32) -> i32 {
    insert_mentee(db, mentee_row(city_id, n))
        .await
        .expect("insert mentee")
}

/// A training session with ten seats, starting at `starts_at` (RFC 3339).
pub async fn training(db: &DatabaseConnection, city_id: i32, starts_at: &str) -> i32 {
    training_sessions::ActiveModel {
        city_id: Set(city_id),
        title: Set("Mentor training".to_owned()),
        starts_at: Set(DateTime::parse_from_rfc3339(starts_at)
            .expect("RFC 3339 start")
            .with_timezone(&Utc)),
        location: Set("Office".to_owned()),
        capacity: Set(10),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("insert training")
    .id
}

/// A sector ("care") and a language (French) to choose in forms; returns their ids.
pub async fn care_and_french(db: &DatabaseConnection) -> (i32, i32) {
    let sector = sectors::ActiveModel {
        slug: Set("care".into()),
        name_fr: Set("Soins".into()),
        name_nl: Set("Zorg".into()),
        name_en: Set("Care".into()),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("sector");
    (sector.id, french(db).await)
}

/// French, the language every matchable fixture speaks: found or added.
pub async fn french(db: &DatabaseConnection) -> i32 {
    let known = languages::Entity::find()
        .filter(languages::Column::Code.eq("fr"))
        .one(db)
        .await
        .expect("find French");
    if let Some(language) = known {
        return language.id;
    }
    languages::ActiveModel {
        code: Set("fr".into()),
        name_fr: Set("Français".into()),
        name_nl: Set("Frans".into()),
        name_en: Set("French".into()),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("language")
    .id
}

/// An available mentor who speaks French fluently: a duo with any waiting, French-speaking
/// mentee of their city passes the matching engine's hard constraints.
pub async fn matchable_mentor(db: &DatabaseConnection, city_id: i32, n: u32) -> i32 {
    let id = mentor(db, city_id, n).await;
    mentor_languages::ActiveModel {
        mentor_id: Set(id),
        language_id: Set(french(db).await),
        level: Set("fluent".into()),
    }
    .insert(db)
    .await
    .expect("mentor language");
    id
}

/// A waiting mentee who speaks French at working level; see [`matchable_mentor`].
pub async fn matchable_mentee(db: &DatabaseConnection, city_id: i32, n: u32) -> i32 {
    let id = mentee(db, city_id, n).await;
    mentee_languages::ActiveModel {
        mentee_id: Set(id),
        language_id: Set(french(db).await),
        level: Set("working".into()),
    }
    .insert(db)
    .await
    .expect("mentee language");
    id
}

/// A referral link for `city_id`, valid for a year; its token is not known to anyone.
pub async fn referral_link(db: &DatabaseConnection, city_id: i32) -> i32 {
    let now = Utc::now();
    referral_links::ActiveModel {
        city_id: Set(city_id),
        partner_name: Set("Partner".to_owned()),
        token_hash: Set(format!("{:064}", city_id)),
        created_by: Set(None),
        created_at: Set(now),
        expires_at: Set(now + chrono::Duration::days(365)),
        revoked_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("insert referral link")
    .id
}

pub fn duo_row(mentor_id: i32, mentee_id: i32, city_id: i32, status: &str) -> duos::Model {
    duos::Model {
        id: 0,
        mentor_id,
        mentee_id,
        city_id,
        status: status.to_owned(),
        reason_code: None,
        reason_note: None,
        match_score: Some(80),
        proposed_by: None,
        proposed_at: at(2, 10),
        introduced_at: None,
        started_on: None,
        planned_end_on: None,
        ended_on: None,
        status_changed_at: at(2, 10),
        created_at: at(2, 10),
    }
}

pub async fn insert_duo<C: ConnectionTrait>(
    db: &C,
    row: duos::Model,
) -> Result<duos::Model, DbErr> {
    let mut am = row.into_active_model();
    am.id = NotSet;
    am.insert(db).await
}

pub async fn duo(
    db: &DatabaseConnection,
    mentor_id: i32,
    mentee_id: i32,
    city_id: i32,
    status: &str,
) -> Result<duos::Model, DbErr> {
    insert_duo(db, duo_row(mentor_id, mentee_id, city_id, status)).await
}

pub async fn set_duo_status(
    db: &DatabaseConnection,
    duo: duos::Model,
    status: &str,
) -> duos::Model {
    let mut am = duo.into_active_model();
    am.status = Set(status.to_owned());
    am.update(db).await.expect("update duo status")
}

/// Asserts that the database refused the row through the named constraint.
/// Both backends put the constraint name in the message.
pub fn assert_refused_by<T: std::fmt::Debug>(result: Result<T, DbErr>, constraint: &str) {
    let err = result.expect_err(&format!("{constraint} should refuse the row"));
    let message = err.to_string();
    let named = message.match_indices(constraint).any(|(i, _)| {
        let next = message[i + constraint.len()..].chars().next();
        !matches!(next, Some(c) if c.is_alphanumeric() || c == '_')
    });
    assert!(named, "expected {constraint}, got: {message}");
}

/// How many duos are at `proposed`, in every city.
pub async fn proposed_duos(db: &DatabaseConnection) -> u64 {
    duos::Entity::find()
        .filter(duos::Column::Status.eq("proposed"))
        .count(db)
        .await
        .expect("count duos")
}

/// Records the intake and the attended training of `mentor_id`, so the database lets them
/// become available again (after a pause) as the screening trigger requires.
pub async fn screened(db: &DatabaseConnection, city_id: i32, mentor_id: i32) {
    intake_interviews::ActiveModel {
        mentor_id: Set(Some(mentor_id)),
        scheduled_at: Set(Utc::now()),
        done_at: Set(Some(Utc::now())),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("intake");
    let session = training(db, city_id, "2026-01-05T09:00:00Z").await;
    training_attendance::ActiveModel {
        training_session_id: Set(session),
        mentor_id: Set(mentor_id),
        attended: Set(Some(true)),
    }
    .insert(db)
    .await
    .expect("attendance");
}

/// A signed-in coordinator of `cities`, for calling services directly.
pub fn coordinator(cities: Vec<i32>) -> app::features::auth::SessionUser {
    app::features::auth::SessionUser {
        user_id: 1,
        email: "c@example.be".into(),
        display_name: "C".into(),
        role: app::domain::role::Role::Coordinator,
        locale: app::domain::locale::Locale::En,
        city_ids: cities,
        mentor_id: None,
    }
}
