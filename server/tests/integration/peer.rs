//! Peer-exchange sessions over HTTP: planned in a coordinator's own city, attendance recorded
//! from the session's day, and counted on a duo page for the sessions held while it ran.

use app::domain::role::Role;
use chrono::TimeDelta;
use reqwest::StatusCode;
use sea_orm::DatabaseConnection;

use crate::duo_life::{active, call_ok, today};
use crate::support::app::{TestApp, refused_fields};
use crate::support::db::on_both_backends;
use crate::support::fixtures::city;

on_both_backends!(peer_sessions_count_on_the_duo_of_a_mentor_who_came);

fn session(city_id: i32, held_on: &str, topic: &str) -> String {
    format!(
        "session[city_id]={city_id}&session[held_on]={held_on}&session[topic]={topic}&session[location]=Hub"
    )
}

async fn peer_sessions_count_on_the_duo_of_a_mentor_who_came(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let ghent = city(&app.db, "ghent").await;
    let arlon = city(&app.db, "arlon").await;
    let token = app.session(Role::Coordinator, &[ghent]).await;
    let manager = app.session(Role::Manager, &[]).await;
    let (duo, mentor, _) = active(&app, &token, ghent, 1).await;

    // Every field is named when refused; another city is not the coordinator's to choose.
    let (status, body) = app
        .call(
            Some(&token),
            "create_peer_session",
            &session(ghent, "2001-01-01", ""),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = refused_fields(&body);
    assert_eq!(fields, ["held_on", "topic"]);
    let (status, body) = app
        .call(
            Some(&token),
            "create_peer_session",
            &session(arlon, &today().to_string(), "Listening"),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["Validation"][0]["field"], "city_id");
    let (status, _) = app
        .call(
            Some(&manager),
            "create_peer_session",
            &session(ghent, &today().to_string(), "Listening"),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let now = call_ok(
        &app,
        &token,
        "create_peer_session",
        &session(ghent, &today().to_string(), "Listening"),
    )
    .await
    .as_i64()
    .expect("id");
    let later = today() + TimeDelta::days(10);
    let soon = call_ok(
        &app,
        &token,
        "create_peer_session",
        &session(ghent, &later.to_string(), "CVs"),
    )
    .await
    .as_i64()
    .expect("id");

    // The mentor in a duo is on the session's list.
    let detail = call_ok(&app, &token, "get_peer_session", &format!("id={now}")).await;
    assert_eq!(detail["mentors"][0]["mentor_id"], mentor);
    assert_eq!(detail["mentors"][0]["attended"], false);
    // Attendance waits for the day.
    let (status, _) = app
        .call(
            Some(&token),
            "set_peer_attendance",
            &format!("session_id={soon}&mentor_id={mentor}&attended=true"),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    call_ok(
        &app,
        &token,
        "set_peer_attendance",
        &format!("session_id={now}&mentor_id={mentor}&attended=true"),
    )
    .await;
    // Recording it twice counts once.
    call_ok(
        &app,
        &token,
        "set_peer_attendance",
        &format!("session_id={now}&mentor_id={mentor}&attended=true"),
    )
    .await;
    let duo_page = call_ok(&app, &token, "get_duo", &format!("id={duo}")).await;
    assert_eq!(duo_page["peer_sessions"], 1);

    app.clock.set_offset(TimeDelta::days(11));
    call_ok(
        &app,
        &token,
        "set_peer_attendance",
        &format!("session_id={soon}&mentor_id={mentor}&attended=true"),
    )
    .await;
    let list = call_ok(&app, &token, "list_peer_sessions", "").await;
    assert_eq!(list["sessions"][0]["attended"], 1);
    let duo_page = call_ok(&app, &token, "get_duo", &format!("id={duo}")).await;
    assert_eq!(duo_page["peer_sessions"], 2);
    call_ok(
        &app,
        &token,
        "set_peer_attendance",
        &format!("session_id={soon}&mentor_id={mentor}&attended=false"),
    )
    .await;
    let duo_page = call_ok(&app, &token, "get_duo", &format!("id={duo}")).await;
    assert_eq!(duo_page["peer_sessions"], 1);

    // Another city's coordinator reaches neither the session nor its attendance.
    let other = app.session(Role::Coordinator, &[arlon]).await;
    let (status, _) = app
        .call(Some(&other), "get_peer_session", &format!("id={now}"))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app
        .call(
            Some(&other),
            "set_peer_attendance",
            &format!("session_id={now}&mentor_id={mentor}&attended=false"),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
