//! Retention: the job anonymises a person the programme's period after their last activity,
//! never someone in an open duo, each once; admins see who goes next and set the period.

use std::time::Duration;

use app::db::entities::{audit_log, mentees, mentor_status_changes, mentors, outbox};
use app::domain::role::Role;
use app::features::privacy::retention::{self, PURGE_ACTION, RETENTION_ACTION, RetentionRun};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};
use server::jobs;
use tokio::sync::watch;

use crate::support::app::TestApp;
use crate::support::canaries::{pair, reference};
use crate::support::db::on_both_backends;
use crate::support::fixtures::{city, insert_mentor, mentor_row, migrate};

on_both_backends!(
    the_job_anonymises_each_person_once_their_period_passed,
    admins_see_who_goes_next_and_set_the_period,
    unconfirmed_sign_ups_are_deleted_after_thirty_days,
);

fn morning(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 9, 0, 0)
        .single()
        .expect("a time")
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a day")
}

async fn mentor_anonymised(db: &DatabaseConnection, id: i32) -> bool {
    let row = mentors::Entity::find_by_id(id).one(db).await.expect("read");
    row.expect("mentor").anonymised_at.is_some()
}

async fn mentee_anonymised(db: &DatabaseConnection, id: i32) -> bool {
    let row = mentees::Entity::find_by_id(id).one(db).await.expect("read");
    row.expect("mentee").anonymised_at.is_some()
}

fn ran(anonymised: u32) -> RetentionRun {
    RetentionRun {
        anonymised,
        ..RetentionRun::default()
    }
}

async fn the_job_anonymises_each_person_once_their_period_passed(db: DatabaseConnection) {
    migrate(&db).await;
    reference(&db).await;
    // Pair a's duo ended on 2026-09-10, the mentee's 6-month follow-up is due on 2027-03-10:
    // the mentor is due 24 months after the end, the mentee 24 months after the follow-up.
    let a = pair(&db, "a").await;
    a.close_duo(&db).await;
    // Pair b's duo runs: neither is ever due while it does.
    let b = pair(&db, "b").await;

    let run = |now| {
        let db = db.clone();
        async move { retention::run(&db, now).await.expect("retention run") }
    };
    assert_eq!(run(morning(2028, 9, 9)).await, ran(0), "a day early");
    assert!(!mentor_anonymised(&db, a.mentor).await);

    assert_eq!(run(morning(2028, 9, 10)).await, ran(1), "the mentor's day");
    assert!(mentor_anonymised(&db, a.mentor).await);
    assert!(!mentee_anonymised(&db, a.mentee).await);
    assert_eq!(run(morning(2028, 9, 11)).await, ran(0), "once only");

    // The job itself, on a clock moved past the mentee's day.
    let app = TestApp::spawn(db.clone()).await;
    app.clock.set_offset(morning(2029, 3, 11) - Utc::now());
    let (stop, stopped) = watch::channel(false);
    let job = tokio::spawn(jobs::retention::run(db.clone(), app.clock.clone(), stopped));
    let mut waited = Duration::ZERO;
    while !mentee_anonymised(&db, a.mentee).await {
        assert!(waited < Duration::from_secs(20), "the job never ran");
        tokio::time::sleep(Duration::from_millis(100)).await;
        waited += Duration::from_millis(100);
    }
    stop.send(true).expect("stop the job");
    job.await.expect("the job stops");

    assert_eq!(
        run(morning(2040, 1, 1)).await,
        ran(0),
        "pair b's duo still runs"
    );
    assert!(!mentor_anonymised(&db, b.mentor).await);
    assert!(!mentee_anonymised(&db, b.mentee).await);

    let entries = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(RETENTION_ACTION))
        .all(&db)
        .await
        .expect("audit");
    let subjects: Vec<_> = entries
        .iter()
        .map(|e| (e.actor_user_id, e.subject_kind.as_str(), e.subject_id))
        .collect();
    assert_eq!(
        subjects,
        [
            (None, "mentor", Some(a.mentor)),
            (None, "mentee", Some(a.mentee))
        ],
        "the job acts as nobody"
    );
}

async fn admins_see_who_goes_next_and_set_the_period(db: DatabaseConnection) {
    migrate(&db).await;
    reference(&db).await;
    let a = pair(&db, "a").await;
    a.close_duo(&db).await;
    pair(&db, "b").await;
    let app = TestApp::spawn(db).await;
    app.clock.set_offset(morning(2028, 1, 1) - Utc::now());
    let admin = app.session(Role::Admin, &[]).await;

    let (status, preview) = app.call(Some(&admin), "get_retention", "").await;
    assert_eq!(status, StatusCode::OK, "{preview}");
    assert_eq!(preview["months"], 24, "the default");
    assert_eq!(preview["overdue"], 0);
    let next: Vec<(String, i64, String, String)> = preview["next"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|d| {
            (
                d["kind"].as_str().unwrap_or_default().to_owned(),
                d["id"].as_i64().unwrap_or_default(),
                d["last_activity"].as_str().unwrap_or_default().to_owned(),
                d["due_on"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    // The staff user of the fixture is no mentor nor mentee; pair b is in a running duo.
    assert_eq!(
        next,
        [
            (
                "mentors".to_owned(),
                i64::from(a.mentor),
                day(2026, 9, 10).to_string(),
                day(2028, 9, 10).to_string()
            ),
            (
                "mentees".to_owned(),
                i64::from(a.mentee),
                day(2027, 3, 10).to_string(),
                day(2029, 3, 10).to_string()
            ),
        ]
    );

    // A shorter period: both are overdue, and the job's next run takes them.
    let (status, body) = app
        .call(Some(&admin), "save_retention_months", "months=6")
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, preview) = app.call(Some(&admin), "get_retention", "").await;
    assert_eq!(preview["months"], 6);
    assert_eq!(preview["overdue"], 2);
    assert_eq!(preview["next"][0]["due_on"], day(2027, 3, 10).to_string());

    for refused in ["0", "121", "soon", ""] {
        let (status, body) = app
            .call(
                Some(&admin),
                "save_retention_months",
                &format!("months={refused}"),
            )
            .await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{refused}: {body}"
        );
        assert!(body.to_string().contains("retention_months"), "{body}");
    }
    let (_, preview) = app.call(Some(&admin), "get_retention", "").await;
    assert_eq!(preview["months"], 6, "a refusal keeps the period");
}

/// A public sign-up of 2027-01-01, confirmed or not.
async fn sign_up(db: &DatabaseConnection, city: i32, n: u32, confirmed: bool) -> i32 {
    let mut row = mentor_row(city, n);
    row.status = "applied".to_owned();
    row.created_at = morning(2027, 1, 1);
    row.email_confirmed_at = confirmed.then(|| morning(2027, 1, 2));
    insert_mentor(db, row).await.expect("sign-up")
}

async fn unconfirmed_sign_ups_are_deleted_after_thirty_days(db: DatabaseConnection) {
    migrate(&db).await;
    let city = city(&db, "namur").await;
    let unconfirmed = sign_up(&db, city, 1, false).await;
    let confirmed = sign_up(&db, city, 2, true).await;
    // The sign-up's e-mail and history go with it.
    let ts = "'2027-01-01 09:00:00+00:00'";
    for sql in [
        format!(
            "INSERT INTO outbox (kind, to_address, locale, subject, body_text, status, \
             next_attempt_at, created_at) VALUES ('application_received', \
             'mentor1@example.org', 'fr', 's', 'b', 'sent', {ts}, {ts})"
        ),
        format!(
            "INSERT INTO mentor_status_changes (mentor_id, to_status, changed_at) \
             VALUES ({unconfirmed}, 'applied', {ts})"
        ),
    ] {
        db.execute_unprepared(&sql).await.expect("insert");
    }
    let app = TestApp::spawn(db).await;
    app.clock.set_offset(morning(2027, 1, 20) - Utc::now());
    let admin = app.session(Role::Admin, &[]).await;
    let (status, preview) = app.call(Some(&admin), "get_retention", "").await;
    assert_eq!(status, StatusCode::OK, "{preview}");
    let sign_ups = preview["sign_ups"].as_array().expect("a list");
    assert_eq!(sign_ups.len(), 1, "only the unconfirmed one: {preview}");
    assert_eq!(sign_ups[0]["id"], unconfirmed);
    assert_eq!(sign_ups[0]["removed_on"], day(2027, 1, 31).to_string());

    let db = &app.db;
    let run = |now| async move { retention::run(db, now).await.expect("retention run") };
    assert_eq!(run(morning(2027, 1, 30)).await.purged, 0, "a day early");
    let done = run(morning(2027, 1, 31)).await;
    assert_eq!((done.purged, done.anonymised), (1, 0));
    assert!(
        mentors::Entity::find_by_id(unconfirmed)
            .one(db)
            .await
            .expect("read")
            .is_none()
    );
    assert!(
        mentors::Entity::find_by_id(confirmed)
            .one(db)
            .await
            .expect("read")
            .is_some()
    );
    let history = mentor_status_changes::Entity::find()
        .filter(mentor_status_changes::Column::MentorId.eq(unconfirmed))
        .all(db)
        .await
        .expect("read");
    assert!(history.is_empty(), "{history:?}");
    let mails = outbox::Entity::find()
        .filter(outbox::Column::ToAddress.eq("mentor1@example.org"))
        .all(db)
        .await
        .expect("read");
    assert!(mails.is_empty(), "{mails:?}");
    let purges = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(PURGE_ACTION))
        .all(db)
        .await
        .expect("audit");
    assert_eq!(purges.len(), 1);
    assert_eq!(purges[0].subject_id, Some(unconfirmed));
    assert_eq!(run(morning(2027, 2, 1)).await.purged, 0, "once only");
}
