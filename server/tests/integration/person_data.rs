//! A person's data (GDPR Art. 15 and 20): everything about one mentor or mentee, exported for
//! an admin or a coordinator of their city. Canary values in every personal table must all come
//! out, and nothing of anyone else, nor any secret.

use app::db::entities::{audit_log, consents, mentees, mentor_status_changes, mentors};
use app::domain::role::Role;
use app::features::people::types::PersonKind;
use app::features::privacy::export::{TableRows, csv_text, json_text, rows_of};
use app::features::privacy::subject;
use chrono::Utc;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::support::app::TestApp;
use crate::support::canaries::{Canary, Pair, pair, reference};
use crate::support::db::on_both_backends;
use crate::support::fixtures::{city, migrate};

on_both_backends!(
    every_canary_is_exported_and_nothing_else,
    admins_and_city_coordinators_download_it,
    withdrawing_a_consent_stops_what_depended_on_it,
    the_special_category_reaches_only_city_coordinators,
);

/// The audit log's entries of `action`, oldest first.
async fn audited(db: &DatabaseConnection, action: &str) -> Vec<audit_log::Model> {
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(action))
        .all(db)
        .await
        .expect("audit")
}

fn subjects(entries: &[audit_log::Model]) -> Vec<(String, Option<i32>)> {
    entries
        .iter()
        .map(|e| (e.subject_kind.clone(), e.subject_id))
        .collect()
}

/// What the tests do, in their order: the mentee first, then the mentor.
fn mentee_then_mentor(pair: &Pair) -> Vec<(String, Option<i32>)> {
    vec![
        ("mentee".to_owned(), Some(pair.mentee)),
        ("mentor".to_owned(), Some(pair.mentor)),
    ]
}

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
    // The mentor's export holds neither the mentee's answers nor their outcome.
    let mentor_tables = rows_of(&db, PersonKind::Mentors, a.mentor)
        .await
        .expect("export");
    let mentor_csv = csv_text(&mentor_tables);
    for theirs in [
        "canary-a-evaluation",
        "canary-a-closure",
        "canary-a-mentee-",
    ] {
        assert!(
            !mentor_csv.contains(theirs),
            "a mentor's export holds {theirs}"
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
    let exports = audited(&app.db, "export").await;
    assert_eq!(subjects(&exports), mentee_then_mentor(&a));
    assert!(
        exports
            .iter()
            .all(|e| e.from_address.as_deref() == Some("127.0.0.1"))
    );
}

/// The id of the consent to `purpose` of the person named by `column`.
async fn consent_id(
    db: &DatabaseConnection,
    column: consents::Column,
    person: i32,
    purpose: &str,
) -> i32 {
    consents::Entity::find()
        .filter(column.eq(person))
        .filter(consents::Column::Purpose.eq(purpose))
        .one(db)
        .await
        .expect("consent")
        .expect("the fixture's consent")
        .id
}

async fn withdrawing_a_consent_stops_what_depended_on_it(db: DatabaseConnection) {
    migrate(&db).await;
    let their_city = reference(&db).await;
    let a = pair(&db, "a").await;
    let b = pair(&db, "b").await;
    let elsewhere = city(&db, "elsewhere").await;
    let special = consent_id(
        &db,
        consents::Column::MenteeId,
        a.mentee,
        "special_category",
    )
    .await;
    let programme = consent_id(&db, consents::Column::MentorId, a.mentor, "programme").await;
    let app = TestApp::spawn(db).await;
    let form = |id: i32| format!("consent_id={id}");

    // Nobody outside the person's reach withdraws for them.
    let outsider = app.session(Role::Coordinator, &[elsewhere]).await;
    let manager = app.session(Role::Manager, &[]).await;
    let other_mentor = app.mentor_session(b.mentor).await;
    for (who, session, expected) in [
        (
            "a coordinator of another city",
            &outsider,
            StatusCode::FORBIDDEN,
        ),
        ("a manager", &manager, StatusCode::FORBIDDEN),
        ("another mentor", &other_mentor, StatusCode::NOT_FOUND),
    ] {
        let (status, body) = app
            .call(Some(session), "withdraw_consent", &form(special))
            .await;
        assert_eq!(status, expected, "{who}: {body}");
    }
    let (status, _) = app.call(None, "withdraw_consent", &form(special)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // The coordinator records the mentee's withdrawal: the special-category answer goes.
    let coordinator = app.session(Role::Coordinator, &[their_city]).await;
    let (status, body) = app
        .call(Some(&coordinator), "withdraw_consent", &form(special))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let mentee = mentees::Entity::find_by_id(a.mentee)
        .one(&app.db)
        .await
        .expect("read")
        .expect("mentee");
    assert_eq!(mentee.migrant_background, None, "the answer is erased");
    let consent = consents::Entity::find_by_id(special)
        .one(&app.db)
        .await
        .expect("read")
        .expect("consent");
    assert!(consent.withdrawn_at.is_some());
    let (status, body) = app
        .call(Some(&coordinator), "withdraw_consent", &form(special))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "once only: {body}");
    let untouched = mentees::Entity::find_by_id(b.mentee)
        .one(&app.db)
        .await
        .expect("read")
        .expect("mentee b");
    assert_eq!(
        untouched.migrant_background,
        Some(true),
        "only this person's answer"
    );

    // The mentor sees their own consents, and withdraws taking part once their duo has ended.
    let mentor = app.mentor_session(a.mentor).await;
    let (status, mine) = app.call(Some(&mentor), "get_my_consents", "").await;
    assert_eq!(status, StatusCode::OK, "{mine}");
    assert_eq!(mine.as_array().map(Vec::len), Some(1), "{mine}");
    assert_eq!(mine[0]["purpose"], "programme");
    assert_eq!(mine[0]["withdrawn_at"], serde_json::Value::Null);
    let (status, body) = app
        .call(Some(&mentor), "withdraw_consent", &form(programme))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["Conflict"], "in_open_duo");
    let still = consents::Entity::find_by_id(programme)
        .one(&app.db)
        .await
        .expect("read")
        .expect("consent");
    assert_eq!(still.withdrawn_at, None, "a refusal changes nothing");

    a.close_duo(&app.db).await;
    let (status, body) = app
        .call(Some(&mentor), "withdraw_consent", &form(programme))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let left = mentors::Entity::find_by_id(a.mentor)
        .one(&app.db)
        .await
        .expect("read")
        .expect("mentor");
    assert_eq!(left.status, "left", "taking part has ended");
    let history = mentor_status_changes::Entity::find()
        .filter(mentor_status_changes::Column::MentorId.eq(a.mentor))
        .filter(mentor_status_changes::Column::ToStatus.eq("left"))
        .one(&app.db)
        .await
        .expect("read")
        .expect("the change is in the history");
    assert_eq!(history.reason.as_deref(), Some("other"));
    let (_, mine) = app.call(Some(&mentor), "get_my_consents", "").await;
    assert!(mine[0]["withdrawn_at"].is_string(), "{mine}");

    let withdrawals = audited(&app.db, "withdraw_consent").await;
    assert_eq!(subjects(&withdrawals), mentee_then_mentor(&a));
}

async fn the_special_category_reaches_only_city_coordinators(db: DatabaseConnection) {
    migrate(&db).await;
    let their_city = reference(&db).await;
    // The mentee of this mentor's duo answered yes, with its consent.
    let a = pair(&db, "a").await;
    let app = TestApp::spawn(db).await;
    let mentor = app.mentor_session(a.mentor).await;
    let mut seen = Vec::new();
    for function in ["get_session_user", "get_my_duo", "get_my_consents"] {
        let (status, body) = app.call(Some(&mentor), function, "").await;
        assert_eq!(status, StatusCode::OK, "{function}: {body}");
        seen.push((function.to_owned(), body.to_string()));
    }
    assert!(
        seen[1].1.contains("canary-a-mentee-first"),
        "the duo's answer is about this mentee: {}",
        seen[1].1
    );
    for page in ["/mentor", "/mentor/data", "/mentor/plan"] {
        let (status, _, html) = app.download(Some(&mentor), page).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        seen.push((page.to_owned(), html));
    }
    for (what, text) in seen {
        for word in ["migrant", "special_category"] {
            assert!(!text.contains(word), "{what} holds {word}");
        }
    }

    // Staff other than the coordinators of the mentee's city read the person without the
    // answer, and without the consent that says there was one.
    let coordinator = app.session(Role::Coordinator, &[their_city]).await;
    let form = format!("kind=mentees&id={}", a.mentee);
    let (status, person) = app.call(Some(&coordinator), "get_person", &form).await;
    assert_eq!(status, StatusCode::OK, "{person}");
    assert_eq!(person["migrant_background"], true);
    assert!(person.to_string().contains("special_category"));
    for role in [Role::Manager, Role::Admin] {
        let session = app.session(role, &[]).await;
        let (status, person) = app.call(Some(&session), "get_person", &form).await;
        assert_eq!(status, StatusCode::OK, "{role:?}: {person}");
        assert_eq!(person["migrant_background"], serde_json::Value::Null);
        assert!(
            !person.to_string().contains("special_category"),
            "{role:?}: {person}"
        );
    }
}
