//! A person's data (GDPR Art. 15 and 20): everything about one mentor or mentee, exported for
//! an admin or a coordinator of their city. Canary values in every personal table must all come
//! out, and nothing of anyone else, nor any secret.

use app::db::entities::audit_log;
use app::domain::role::Role;
use app::features::people::types::PersonKind;
use app::features::privacy::export::{TableRows, csv_text, json_text, rows_of};
use app::features::privacy::subject;
use chrono::Utc;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::support::app::TestApp;
use crate::support::canaries::{Canary, pair, reference};
use crate::support::db::on_both_backends;
use crate::support::fixtures::{city, migrate};

on_both_backends!(
    every_canary_is_exported_and_nothing_else,
    admins_and_city_coordinators_download_it,
);

fn holds(tables: &[TableRows], canary: &Canary) -> bool {
    tables
        .iter()
        .filter(|t| t.table.name == canary.table)
        .any(|t| {
            let column = t.columns.iter().position(|c| *c == canary.column);
            column.is_some_and(|i| {
                t.rows
                    .iter()
                    .any(|row| row[i].as_deref() == Some(canary.value.as_str()))
            })
        })
}

async fn every_canary_is_exported_and_nothing_else(db: DatabaseConnection) {
    migrate(&db).await;
    reference(&db).await;
    let a = pair(&db, "a").await;
    pair(&db, "b").await;
    let people = [
        (PersonKind::Mentors, a.mentor, &a.mentor_canaries),
        (PersonKind::Mentees, a.mentee, &a.mentee_canaries),
    ];
    for (kind, id, canaries) in people {
        // The fixture reaches every table a person of this kind can have rows in.
        for (table, _) in subject::tables(kind) {
            assert!(
                canaries.iter().any(|c| c.table == table.name),
                "{kind:?}: the fixture has no canary in {}",
                table.name
            );
        }
        let tables = rows_of(&db, kind, id).await.expect("export");
        for canary in canaries.iter() {
            assert!(holds(&tables, canary), "{kind:?}: missing {canary:?}");
        }
        let json = json_text(kind, id, Utc::now(), &tables);
        let csv = csv_text(&tables);
        let parsed: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(parsed["person"]["id"], id);
        for (format, text) in [("json", &json), ("csv", &csv)] {
            for canary in canaries.iter().filter(|c| c.value.starts_with("canary-")) {
                assert!(text.contains(&canary.value), "{format}: {canary:?}");
            }
            assert!(
                !text.contains("canary-b"),
                "{format}: another person's data"
            );
            for secret in ["session-secret", "link-secret", "password-hash"] {
                assert!(!text.contains(secret), "{format}: the secret {secret}");
            }
        }
        assert!(csv.starts_with("\u{feff}table,row,column,value,purpose\r\n"));
        assert!(
            json.contains("\"column_purposes\""),
            "each column says why it is kept"
        );
    }
    // The mentee's export does not hold the mentor's own tables, and the reverse.
    let mentee_tables = rows_of(&db, PersonKind::Mentees, a.mentee)
        .await
        .expect("export");
    let names: Vec<&str> = mentee_tables.iter().map(|t| t.table.name).collect();
    for theirs in [
        "mentors",
        "users",
        "sessions",
        "mentor_languages",
        "mentor_returns",
    ] {
        assert!(!names.contains(&theirs), "a mentee's export holds {theirs}");
    }
}

async fn admins_and_city_coordinators_download_it(db: DatabaseConnection) {
    migrate(&db).await;
    let their_city = reference(&db).await;
    let a = pair(&db, "a").await;
    let elsewhere = city(&db, "elsewhere").await;
    let app = TestApp::spawn(db).await;
    let path = format!("/privacy/export/mentees/{}.json", a.mentee);

    let admin = app.session(Role::Admin, &[]).await;
    let (status, kind, body) = app.download(Some(&admin), &path).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(kind, "application/json; charset=utf-8 attachment");
    assert!(body.contains("canary-a-mentee-first"));

    let coordinator = app.session(Role::Coordinator, &[their_city]).await;
    let csv_path = format!("/privacy/export/mentors/{}.csv", a.mentor);
    let (status, kind, body) = app.download(Some(&coordinator), &csv_path).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(kind, "text/csv; charset=utf-8 attachment");
    assert!(body.contains("canary-a-motivation"));

    let outsider = app.session(Role::Coordinator, &[elsewhere]).await;
    let manager = app.session(Role::Manager, &[]).await;
    let mentor = app.mentor_session(a.mentor).await;
    for (who, session, expected) in [
        (
            "a coordinator of another city",
            Some(&outsider),
            StatusCode::FORBIDDEN,
        ),
        ("a manager", Some(&manager), StatusCode::FORBIDDEN),
        ("a mentor", Some(&mentor), StatusCode::FORBIDDEN),
        ("nobody", None, StatusCode::UNAUTHORIZED),
    ] {
        let (status, _, body) = app.download(session.map(String::as_str), &path).await;
        assert_eq!(status, expected, "{who}: {body}");
        assert!(!body.contains("canary"), "{who} sees nothing");
    }
    for missing in [
        "/privacy/export/mentees/999999.json".to_owned(),
        format!("/privacy/export/mentees/{}.xml", a.mentee),
        format!("/privacy/export/users/{}.json", a.user),
    ] {
        let (status, _, _) = app.download(Some(&admin), &missing).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{missing}");
    }

    // Each download is in the audit log, with where it came from.
    let exports = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("export"))
        .all(&app.db)
        .await
        .expect("audit");
    let subjects: Vec<(String, Option<i32>)> = exports
        .iter()
        .map(|e| (e.subject_kind.clone(), e.subject_id))
        .collect();
    assert_eq!(
        subjects,
        [
            ("mentee".to_owned(), Some(a.mentee)),
            ("mentor".to_owned(), Some(a.mentor)),
        ]
    );
    assert!(
        exports
            .iter()
            .all(|e| e.from_address.as_deref() == Some("127.0.0.1"))
    );
}
