//! Training over HTTP: sessions planned in a coordinator's cities, mentors registered with a
//! calendar invitation and moved into training, seats and attendance guarded, and the whole
//! screening path from application to available.

use app::db::entities::{mentors, outbox, training_attendance};
use app::domain::local_time;
use app::domain::role::Role;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde_json::Value;

use crate::support::app::TestApp;
use crate::support::db::on_both_backends;
use crate::support::fixtures::{city, insert_mentor, mentor_row, training};

on_both_backends!(
    a_session_is_planned_with_every_field_checked,
    the_list_keeps_to_the_callers_cities,
    an_applicant_goes_through_intake_and_training_to_available,
    seats_and_attendance_are_guarded,
);

async fn candidate(db: &DatabaseConnection, city_id: i32, n: u32, status: &str) -> i32 {
    let mut row = mentor_row(city_id, n);
    row.status = status.into();
    row.email = format!("candidate{n}@example.be");
    insert_mentor(db, row).await.expect("candidate")
}

async fn status(db: &DatabaseConnection, mentor_id: i32) -> String {
    let mentor = mentors::Entity::find_by_id(mentor_id).one(db).await;
    mentor.expect("load").expect("mentor").status
}

fn session_form(city: i32, title: &str, starts_at: &str, capacity: &str) -> String {
    format!(
        "training[city_id]={city}&training[title]={title}&training[starts_at]={starts_at}\
         &training[location]=Rue%20Haute%2012&training[capacity]={capacity}"
    )
}

fn seat(session: i64, mentor: i32) -> String {
    format!("seat[session_id]={session}&seat[mentor_id]={mentor}")
}

/// `(field, code)` of each validation error, in order.
fn field_codes(body: &Value) -> Vec<(String, String)> {
    body["Validation"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| {
                    let field = e["field"].as_str().unwrap_or_default().to_owned();
                    let code = e["code"]["code"].as_str().unwrap_or_default().to_owned();
                    (field, code)
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Calls `function` and checks the status; answers the body.
async fn expect(app: &TestApp, token: &str, function: &str, form: &str, want: StatusCode) -> Value {
    let (code, body) = app.call(Some(token), function, form).await;
    assert_eq!(code, want, "{function}: {body}");
    body
}

async fn a_session_is_planned_with_every_field_checked(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let ghent = city(&app.db, "ghent").await;
    let liege = city(&app.db, "liege").await;
    let token = app.session(Role::Coordinator, &[ghent]).await;

    let body = expect(
        &app,
        &token,
        "create_training",
        &session_form(ghent, "", "2020-01-01T10:00", "0"),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    let fields = field_codes(&body);
    assert_eq!(
        fields,
        [
            ("title".to_owned(), "required".to_owned()),
            ("starts_at".to_owned(), "date_before_start".to_owned()),
            ("capacity".to_owned(), "out_of_range".to_owned()),
        ]
    );
    let body = expect(
        &app,
        &token,
        "create_training",
        &session_form(liege, "Intro", "2030-01-07T10:00", "12"),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(
        field_codes(&body),
        [("city_id".to_owned(), "invalid_choice".to_owned())]
    );

    let id = expect(
        &app,
        &token,
        "create_training",
        &session_form(ghent, "Intro%20day", "2030-01-07T10:00", "12"),
        StatusCode::OK,
    )
    .await;
    let detail = expect(
        &app,
        &token,
        "get_training",
        &format!("id={id}"),
        StatusCode::OK,
    )
    .await;
    assert_eq!(detail["session"]["title"], "Intro day");
    assert_eq!(
        detail["session"]["starts_at"], "2030-01-07T09:00:00Z",
        "Brussels time, stored in UTC"
    );
    assert_eq!(detail["session"]["capacity"], 12);
    assert_eq!(detail["started"], false);
}

async fn the_list_keeps_to_the_callers_cities(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let ghent = city(&app.db, "ghent").await;
    let liege = city(&app.db, "liege").await;
    let coming = training(&app.db, ghent, "2030-03-01T09:00:00Z").await;
    let past = training(&app.db, ghent, "2025-03-01T09:00:00Z").await;
    let elsewhere = training(&app.db, liege, "2030-03-01T09:00:00Z").await;
    let token = app.session(Role::Coordinator, &[ghent]).await;
    let list = expect(&app, &token, "list_trainings", "", StatusCode::OK).await;
    let ids = |key: &str| -> Vec<i64> {
        list[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["id"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(ids("upcoming"), [i64::from(coming)]);
    assert_eq!(ids("past"), [i64::from(past)]);
    expect(
        &app,
        &token,
        "get_training",
        &format!("id={elsewhere}"),
        StatusCode::FORBIDDEN,
    )
    .await;
    let admin = app.session(Role::Admin, &[]).await;
    let list = expect(&app, &admin, "list_trainings", "", StatusCode::OK).await;
    assert_eq!(list["upcoming"].as_array().map(Vec::len), Some(2));
}

async fn an_applicant_goes_through_intake_and_training_to_available(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let ghent = city(&app.db, "ghent").await;
    let mentor = candidate(&app.db, ghent, 1, "applied").await;
    let token = app.session(Role::Coordinator, &[ghent]).await;
    let panel = expect(
        &app,
        &token,
        "get_screening",
        &format!("kind=mentors&id={mentor}"),
        StatusCode::OK,
    )
    .await;
    assert_eq!(panel["can_schedule"], true);
    assert_eq!(panel["missing"], serde_json::json!(["intake", "training"]));

    let planned = expect(&app, &token, "schedule_intake", &format!("intake[kind]=mentors&intake[person_id]={mentor}&intake[at]=2030-01-15T10:00&intake[place]=Office"), StatusCode::OK).await;
    let interview = planned["interview_id"].as_i64().unwrap();
    let report = format!(
        "report[interview_id]={interview}&report[motivation]=5&report[communication]=4&report[sector_knowledge]=4&report[availability]=3&report[recommendation]=proceed"
    );
    expect(&app, &token, "record_intake", &report, StatusCode::OK).await;
    let panel = expect(
        &app,
        &token,
        "get_screening",
        &format!("kind=mentors&id={mentor}"),
        StatusCode::OK,
    )
    .await;
    assert_eq!(panel["recorded"]["recommendation"], "proceed");
    assert_eq!(panel["missing"], serde_json::json!(["training"]));

    // The session took place an hour ago; it is entered now to record who came.
    let an_hour_ago = local_time::format_local(chrono::Utc::now() - chrono::Duration::hours(1));
    let session = expect(
        &app,
        &token,
        "create_training",
        &session_form(ghent, "Intro", &an_hour_ago, "10"),
        StatusCode::OK,
    )
    .await;
    let session = session.as_i64().unwrap();
    let detail = expect(
        &app,
        &token,
        "get_training",
        &format!("id={session}"),
        StatusCode::OK,
    )
    .await;
    assert_eq!(detail["registrable"][0]["mentor_id"], mentor);
    expect(
        &app,
        &token,
        "register_for_training",
        &seat(session, mentor),
        StatusCode::OK,
    )
    .await;
    assert_eq!(status(&app.db, mentor).await, "in_training");
    let mail = outbox::Entity::find()
        .filter(outbox::Column::Kind.eq("training_invitation"))
        .one(&app.db)
        .await
        .unwrap()
        .expect("invitation");
    assert_eq!(mail.to_address, "candidate1@example.be");
    assert!(
        mail.calendar
            .expect("calendar")
            .contains(&format!("UID:training-{session}@duo"))
    );

    let available = format!("change[kind]=mentors&change[person_id]={mentor}&change[to]=available");
    let refused = expect(
        &app,
        &token,
        "change_status",
        &available,
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(
        refused["Conflict"]["not_screened"]["missing"],
        serde_json::json!(["training"])
    );
    expect(
        &app,
        &token,
        "record_attendance",
        &format!("{}&attended=true", seat(session, mentor)),
        StatusCode::OK,
    )
    .await;
    let detail = expect(
        &app,
        &token,
        "get_training",
        &format!("id={session}"),
        StatusCode::OK,
    )
    .await;
    assert_eq!(detail["participants"][0]["attended"], true);
    assert_eq!(detail["session"]["attended"], 1);
    expect(&app, &token, "change_status", &available, StatusCode::OK).await;
    assert_eq!(status(&app.db, mentor).await, "available");
}

async fn seats_and_attendance_are_guarded(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let ghent = city(&app.db, "ghent").await;
    let liege = city(&app.db, "liege").await;
    let session = i64::from(training(&app.db, ghent, "2030-03-01T09:00:00Z").await);
    let first = candidate(&app.db, ghent, 1, "intake_done").await;
    let applied = candidate(&app.db, ghent, 2, "applied").await;
    let other_city = candidate(&app.db, liege, 3, "intake_done").await;
    let token = app.session(Role::Coordinator, &[ghent]).await;

    expect(
        &app,
        &token,
        "register_for_training",
        &seat(session, first),
        StatusCode::OK,
    )
    .await;
    let again = expect(
        &app,
        &token,
        "register_for_training",
        &seat(session, first),
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(again["Conflict"], "already_registered");
    let early = expect(
        &app,
        &token,
        "register_for_training",
        &seat(session, applied),
        StatusCode::CONFLICT,
    )
    .await;
    assert!(
        early["Conflict"]["illegal_transition"].is_object(),
        "{early}"
    );
    expect(
        &app,
        &token,
        "register_for_training",
        &seat(session, other_city),
        StatusCode::NOT_FOUND,
    )
    .await;
    let not_yet = expect(
        &app,
        &token,
        "record_attendance",
        &format!("{}&attended=true", seat(session, first)),
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(not_yet["Conflict"], "training_not_started");

    // Fill the remaining nine seats, then one more is refused.
    for n in 10..19 {
        let mentor = candidate(&app.db, ghent, n, "intake_done").await;
        expect(
            &app,
            &token,
            "register_for_training",
            &seat(session, mentor),
            StatusCode::OK,
        )
        .await;
    }
    let late = candidate(&app.db, ghent, 30, "intake_done").await;
    let full = expect(
        &app,
        &token,
        "register_for_training",
        &seat(session, late),
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(full["Conflict"], "training_full");
    assert_eq!(
        status(&app.db, late).await,
        "intake_done",
        "nothing changed for the refused mentor"
    );
    let seats = training_attendance::Entity::find()
        .filter(training_attendance::Column::TrainingSessionId.eq(session as i32))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(seats.len(), 10);

    let outsider = app.session(Role::Coordinator, &[liege]).await;
    expect(
        &app,
        &outsider,
        "record_attendance",
        &format!("{}&attended=true", seat(session, first)),
        StatusCode::FORBIDDEN,
    )
    .await;
}
