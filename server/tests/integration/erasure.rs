//! Erasure (GDPR Art. 17), as anonymisation: once an admin erased both people of a pair, a dump
//! of every table holds none of their values, the other pair is untouched, their sessions are
//! over, and the impact figures have not moved.

use app::db::entities::{audit_log, mentees, mentors, users};
use app::db::purposes::REGISTER;
use app::domain::role::Role;
use app::features::auth::service::start_session;
use reqwest::StatusCode;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Statement,
};
use serde_json::Value;

use crate::support::app::TestApp;
use crate::support::canaries::{pair, reference};
use crate::support::db::on_both_backends;
use crate::support::fixtures::{city, migrate};

on_both_backends!(
    erasure_leaves_no_value_and_the_figures_unchanged,
    only_admins_erase_and_only_once_the_duo_ended,
);

/// Every value of every table, as text, with where it is: what a dump of the database holds.
/// The register lists every table and column of the live schema (`privacy` checks it).
async fn dump(db: &DatabaseConnection) -> Vec<(String, String)> {
    let mut cells = Vec::new();
    for table in REGISTER {
        for (column, _) in table.columns {
            let sql = format!(
                "SELECT CAST({column} AS TEXT) AS v FROM {} WHERE {column} IS NOT NULL",
                table.name
            );
            let statement = Statement::from_string(db.get_database_backend(), sql);
            for row in db.query_all_raw(statement).await.expect("dump") {
                let value: String = row.try_get("", "v").expect("text");
                cells.push((format!("{}.{column}", table.name), value));
            }
        }
    }
    cells
}

/// The cells of `dump` that hold `needle`.
fn holding<'a>(dump: &'a [(String, String)], needle: &str) -> Vec<&'a (String, String)> {
    dump.iter().filter(|(_, v)| v.contains(needle)).collect()
}

fn erase(kind: &str, id: i32) -> String {
    format!("kind={kind}&id={id}")
}

const THE_YEAR: &str = "query[from]=2026-01-01&query[to]=2026-12-31";

async fn erasure_leaves_no_value_and_the_figures_unchanged(db: DatabaseConnection) {
    migrate(&db).await;
    let their_city = reference(&db).await;
    let a = pair(&db, "a").await;
    pair(&db, "b").await;
    a.close_duo(&db).await;
    let app = TestApp::spawn(db).await;
    let admin = app.session(Role::Admin, &[]).await;
    let manager = app.session(Role::Manager, &[]).await;
    let coordinator = app.session(Role::Coordinator, &[their_city]).await;
    let mentor = start_session(&app.db, a.user, &app.settings, None)
        .await
        .expect("the mentor's session");
    let (status, me) = app.call(Some(&mentor), "get_session_user", "").await;
    assert_eq!(status, StatusCode::OK);
    assert!(me.is_object(), "signed in before: {me}");

    let (status, before) = app.call(Some(&manager), "get_impact", THE_YEAR).await;
    assert_eq!(status, StatusCode::OK, "{before}");
    assert_eq!(
        before["total"]["positive_outcomes"]["part"], 2,
        "both pairs' outcomes count: {}",
        before["total"]
    );
    let full = dump(&app.db).await;
    assert!(!holding(&full, "canary-a").is_empty());
    let other_pair = holding(&full, "canary-b").len();

    for (kind, id) in [("mentees", a.mentee), ("mentors", a.mentor)] {
        let (status, body) = app
            .call(Some(&admin), "erase_person", &erase(kind, id))
            .await;
        assert_eq!(status, StatusCode::OK, "{kind}: {body}");
    }

    let after = dump(&app.db).await;
    let left: Vec<_> = holding(&after, "canary-a");
    assert!(
        left.is_empty(),
        "values of the erased pair remain: {left:?}"
    );
    assert_eq!(
        holding(&after, "canary-b").len(),
        other_pair,
        "the other pair keeps all of theirs"
    );
    let (_, figures) = app.call(Some(&manager), "get_impact", THE_YEAR).await;
    assert_eq!(
        without_today(figures),
        without_today(before),
        "the figures stay"
    );

    // Their sessions are over and their account cannot be used again.
    let (_, me) = app.call(Some(&mentor), "get_session_user", "").await;
    assert_eq!(me, Value::Null, "signed out: {me}");
    let account = users::Entity::find_by_id(a.user)
        .one(&app.db)
        .await
        .expect("read")
        .expect("the account row stays");
    assert!(account.disabled_at.is_some());
    assert_eq!(account.password_hash, None);

    // Both left the programme, and say since when they are anonymous.
    let mentor_row = mentors::Entity::find_by_id(a.mentor)
        .one(&app.db)
        .await
        .expect("read")
        .expect("the mentor row stays");
    assert_eq!(mentor_row.status, "left");
    assert!(mentor_row.anonymised_at.is_some());
    assert_eq!(mentor_row.birth_year, 1960, "an age band only");
    let mentee_row = mentees::Entity::find_by_id(a.mentee)
        .one(&app.db)
        .await
        .expect("read")
        .expect("the mentee row stays");
    assert_eq!(mentee_row.status, "withdrawn");
    assert_eq!(mentee_row.migrant_background, None);
    assert!(mentee_row.anonymised_at.is_some());

    // A person is erased once; the page still opens, and shows nothing of them.
    let (status, body) = app
        .call(Some(&admin), "erase_person", &erase("mentors", a.mentor))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["Conflict"], "anonymised");
    let (status, person) = app
        .call(
            Some(&coordinator),
            "get_person",
            &erase("mentees", a.mentee),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{person}");
    assert!(person["anonymised_at"].is_string());
    assert!(!person.to_string().contains("canary-a"));

    let erasures = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("erase"))
        .all(&app.db)
        .await
        .expect("audit");
    let subjects: Vec<_> = erasures
        .iter()
        .map(|e| (e.subject_kind.as_str(), e.subject_id))
        .collect();
    assert_eq!(
        subjects,
        [("mentee", Some(a.mentee)), ("mentor", Some(a.mentor))]
    );
}

/// The report with the day it was made left out: the two reads may straddle midnight.
fn without_today(mut report: Value) -> Value {
    report["today"] = Value::Null;
    report
}

async fn only_admins_erase_and_only_once_the_duo_ended(db: DatabaseConnection) {
    migrate(&db).await;
    let their_city = reference(&db).await;
    let a = pair(&db, "a").await;
    let elsewhere = city(&db, "elsewhere").await;
    let app = TestApp::spawn(db).await;
    let form = erase("mentees", a.mentee);

    let coordinator = app.session(Role::Coordinator, &[their_city]).await;
    let outsider = app.session(Role::Coordinator, &[elsewhere]).await;
    let manager = app.session(Role::Manager, &[]).await;
    let mentor = app.mentor_session(a.mentor).await;
    for (who, session) in [
        ("the coordinator of their city", &coordinator),
        ("a coordinator of another city", &outsider),
        ("a manager", &manager),
        ("their mentor", &mentor),
    ] {
        let (status, body) = app.call(Some(session), "erase_person", &form).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{who}: {body}");
    }
    let (status, _) = app.call(None, "erase_person", &form).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // The duo runs: the admin is told to wait, and nothing changes.
    let admin = app.session(Role::Admin, &[]).await;
    let before = dump(&app.db).await;
    let (status, body) = app.call(Some(&admin), "erase_person", &form).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["Conflict"], "in_open_duo");
    let after = dump(&app.db).await;
    assert_eq!(
        holding(&after, "canary-a"),
        holding(&before, "canary-a"),
        "a refusal changes nothing"
    );

    let (status, _) = app
        .call(Some(&admin), "erase_person", &erase("mentees", 999_999))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
