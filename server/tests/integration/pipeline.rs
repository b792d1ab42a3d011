//! Screening over HTTP: an intake interview planned with a calendar invitation, then
//! recorded; a mentor made available only after intake and training, by the service and by
//! the database itself; and coordinators kept to their cities.

use app::db::entities::{
    intake_interviews, mentor_status_changes, mentors, outbox, training_attendance,
    training_sessions,
};
use app::domain::role::Role;
use reqwest::StatusCode;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set, Statement,
};
use serde_json::json;

use crate::support::app::{TestApp, refused_fields};
use crate::support::db::on_both_backends;
use crate::support::fixtures::{at, city, insert_mentor, mentor_row, migrate};

on_both_backends!(
    an_intake_is_planned_with_a_calendar_invitation,
    a_past_or_unreadable_time_is_refused_at_its_field,
    recording_the_intake_moves_the_candidate_on,
    available_needs_intake_and_training,
    the_database_refuses_the_shortcut_too,
    refusing_a_candidate_needs_a_reason,
    coordinators_of_another_city_reach_nothing,
    the_board_shows_each_stage_of_one_city,
    a_full_column_is_cut_on_its_own_and_says_so,
);

async fn applicant(db: &DatabaseConnection, city_id: i32, n: u32) -> i32 {
    let mut row = mentor_row(city_id, n);
    row.status = "applied".into();
    row.email = format!("applicant{n}@example.be");
    insert_mentor(db, row).await.expect("applicant")
}

async fn status(db: &DatabaseConnection, mentor_id: i32) -> String {
    mentors::Entity::find_by_id(mentor_id)
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .status
}

fn schedule_form(mentor_id: i32, at: &str) -> String {
    format!(
        "intake[kind]=mentors&intake[person_id]={mentor_id}&intake[at]={at}&intake[place]=Rue%20Haute%2012%2C%20Bruxelles"
    )
}

fn report_form(interview_id: i64) -> String {
    format!(
        "report[interview_id]={interview_id}&report[motivation]=5&report[communication]=4\
         &report[sector_knowledge]=4&report[availability]=3&report[recommendation]=proceed\
         &report[notes]=Warm%20and%20clear"
    )
}

fn change_form(mentor_id: i32, to: &str, reason: &str) -> String {
    format!(
        "change[kind]=mentors&change[person_id]={mentor_id}&change[to]={to}&change[reason]={reason}"
    )
}

async fn an_intake_is_planned_with_a_calendar_invitation(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let ghent = city(&app.db, "ghent").await;
    let mentor = applicant(&app.db, ghent, 1).await;
    let token = app.session(Role::Coordinator, &[ghent]).await;
    let (code, body) = app
        .call(
            Some(&token),
            "schedule_intake",
            &schedule_form(mentor, "2027-01-15T10:00"),
        )
        .await;
    assert_eq!(code, StatusCode::OK, "{body}");
    assert_eq!(status(&app.db, mentor).await, "intake_scheduled");

    let interview = intake_interviews::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .expect("interview");
    assert_eq!(interview.mentor_id, Some(mentor));
    assert_eq!(
        interview.scheduled_at.to_rfc3339(),
        "2027-01-15T09:00:00+00:00"
    );
    assert_eq!(interview.place.as_deref(), Some("Rue Haute 12, Bruxelles"));

    let mail = outbox::Entity::find()
        .filter(outbox::Column::Kind.eq("intake_invitation"))
        .one(&app.db)
        .await
        .unwrap()
        .expect("invitation");
    assert_eq!(mail.to_address, "applicant1@example.be");
    assert_eq!(mail.locale, "fr", "in the candidate's language");
    assert!(
        mail.body_text.contains("15/01/2027 10:00"),
        "{}",
        mail.body_text
    );
    let ics = mail.calendar.expect("calendar attached");
    assert!(ics.contains("DTSTART:20270115T090000Z"), "{ics}");
    assert!(ics.contains(&format!("UID:intake-{}@duo", interview.id)));

    // Moving the appointment updates the same interview and sends a new invitation.
    let (code, _) = app
        .call(
            Some(&token),
            "schedule_intake",
            &schedule_form(mentor, "2027-01-16T14:30"),
        )
        .await;
    assert_eq!(code, StatusCode::OK);
    let interviews = intake_interviews::Entity::find()
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(interviews.len(), 1);
    assert_eq!(
        interviews[0].scheduled_at.to_rfc3339(),
        "2027-01-16T13:30:00+00:00"
    );
    let history = mentor_status_changes::Entity::find()
        .filter(mentor_status_changes::Column::MentorId.eq(mentor))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(history.len(), 1, "one step in the history, not two");
}

async fn a_past_or_unreadable_time_is_refused_at_its_field(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let ghent = city(&app.db, "ghent").await;
    let mentor = applicant(&app.db, ghent, 1).await;
    let token = app.session(Role::Coordinator, &[ghent]).await;
    for (at, code) in [
        ("2020-01-15T10:00", "date_in_past"),
        ("tomorrow", "invalid_date"),
        ("", "required"),
    ] {
        let (status_code, body) = app
            .call(Some(&token), "schedule_intake", &schedule_form(mentor, at))
            .await;
        assert_eq!(
            status_code,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{at}: {body}"
        );
        assert_eq!(body["Validation"][0]["field"], "at");
        assert_eq!(body["Validation"][0]["code"]["code"], code);
    }
    assert_eq!(status(&app.db, mentor).await, "applied");
}

async fn schedule(app: &TestApp, token: &str, mentor: i32) -> i64 {
    let (code, body) = app
        .call(
            Some(token),
            "schedule_intake",
            &schedule_form(mentor, "2027-01-15T10:00"),
        )
        .await;
    assert_eq!(code, StatusCode::OK, "{body}");
    body["interview_id"].as_i64().expect("interview id")
}

async fn recording_the_intake_moves_the_candidate_on(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let ghent = city(&app.db, "ghent").await;
    let mentor = applicant(&app.db, ghent, 1).await;
    let token = app.session(Role::Coordinator, &[ghent]).await;
    let interview = schedule(&app, &token, mentor).await;

    let (code, body) = app
        .call(
            Some(&token),
            "record_intake",
            &format!("report[interview_id]={interview}&report[motivation]=9&report[communication]=&report[sector_knowledge]=4&report[availability]=3&report[recommendation]=maybe"),
        )
        .await;
    assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = refused_fields(&body);
    assert_eq!(fields, ["motivation", "communication", "recommendation"]);

    let (code, body) = app
        .call(Some(&token), "record_intake", &report_form(interview))
        .await;
    assert_eq!(code, StatusCode::OK, "{body}");
    assert_eq!(status(&app.db, mentor).await, "intake_done");
    let row = intake_interviews::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(row.done_at.is_some());
    assert_eq!(
        (
            row.motivation_score,
            row.communication_score,
            row.sector_knowledge_score,
            row.availability_score
        ),
        (Some(5), Some(4), Some(4), Some(3))
    );
    assert_eq!(row.recommendation.as_deref(), Some("proceed"));

    // Recorded once: a second report is a conflict, not an overwrite.
    let (code, _) = app
        .call(Some(&token), "record_intake", &report_form(interview))
        .await;
    assert_eq!(code, StatusCode::CONFLICT);
}

async fn attend_training(db: &DatabaseConnection, city_id: i32, mentor: i32, attended: bool) {
    let session = training_sessions::ActiveModel {
        city_id: Set(city_id),
        title: Set("Mentoring basics".into()),
        starts_at: Set(at(20, 9)),
        location: Set("City hall".into()),
        capacity: Set(12),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("training session");
    training_attendance::ActiveModel {
        training_session_id: Set(session.id),
        mentor_id: Set(mentor),
        attended: Set(Some(attended)),
    }
    .insert(db)
    .await
    .expect("attendance");
}

async fn available_needs_intake_and_training(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let ghent = city(&app.db, "ghent").await;
    let mentor = applicant(&app.db, ghent, 1).await;
    let token = app.session(Role::Coordinator, &[ghent]).await;

    // No jumping the queue from "applied".
    let (code, body) = app
        .call(
            Some(&token),
            "change_status",
            &change_form(mentor, "available", ""),
        )
        .await;
    assert_eq!(code, StatusCode::CONFLICT, "{body}");

    let interview = schedule(&app, &token, mentor).await;
    app.call(Some(&token), "record_intake", &report_form(interview))
        .await;
    let (code, body) = app
        .call(
            Some(&token),
            "change_status",
            &change_form(mentor, "in_training", ""),
        )
        .await;
    assert_eq!(code, StatusCode::OK, "{body}");

    // Registered but absent: not trained.
    attend_training(&app.db, ghent, mentor, false).await;
    let (code, body) = app
        .call(
            Some(&token),
            "change_status",
            &change_form(mentor, "available", ""),
        )
        .await;
    assert_eq!(code, StatusCode::CONFLICT);
    assert_eq!(
        body,
        json!({"Conflict": {"not_screened": {"missing": ["training"]}}})
    );
    assert_eq!(status(&app.db, mentor).await, "in_training");

    attend_training(&app.db, ghent, mentor, true).await;
    let (code, body) = app
        .call(
            Some(&token),
            "change_status",
            &change_form(mentor, "available", ""),
        )
        .await;
    assert_eq!(code, StatusCode::OK, "{body}");
    assert_eq!(status(&app.db, mentor).await, "available");

    let history: Vec<String> = mentor_status_changes::Entity::find()
        .filter(mentor_status_changes::Column::MentorId.eq(mentor))
        .order_by_asc(mentor_status_changes::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|c| format!("{}>{}", c.from_status.unwrap_or_default(), c.to_status))
        .collect();
    assert_eq!(
        history,
        [
            "applied>intake_scheduled",
            "intake_scheduled>intake_done",
            "intake_done>in_training",
            "in_training>available"
        ]
    );
}

async fn the_database_refuses_the_shortcut_too(db: DatabaseConnection) {
    migrate(&db).await;
    let ghent = city(&db, "ghent").await;
    let mut row = mentor_row(ghent, 1);
    row.status = "in_training".into();
    let mentor = insert_mentor(&db, row).await.unwrap();
    let shortcut = Statement::from_string(
        db.get_database_backend(),
        format!("UPDATE mentors SET status = 'available' WHERE id = {mentor}"),
    );
    let refused = db.execute_raw(shortcut.clone()).await;
    let message = refused.expect_err("the trigger refuses").to_string();
    assert!(message.contains("ck_mentors_screened"), "{message}");

    intake_interviews::ActiveModel {
        mentor_id: Set(Some(mentor)),
        scheduled_at: Set(at(2, 9)),
        done_at: Set(Some(at(2, 10))),
        ..Default::default()
    }
    .insert(&db)
    .await
    .unwrap();
    attend_training(&db, ghent, mentor, true).await;
    db.execute_raw(shortcut)
        .await
        .expect("screened: the update goes through");
}

async fn refusing_a_candidate_needs_a_reason(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let ghent = city(&app.db, "ghent").await;
    let mentor = applicant(&app.db, ghent, 1).await;
    let token = app.session(Role::Coordinator, &[ghent]).await;
    for (reason, code) in [("", "required"), ("bored", "invalid_choice")] {
        let (status_code, body) = app
            .call(
                Some(&token),
                "change_status",
                &change_form(mentor, "left", reason),
            )
            .await;
        assert_eq!(status_code, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["Validation"][0]["field"], "reason");
        assert_eq!(body["Validation"][0]["code"]["code"], code);
    }
    let (status_code, _) = app
        .call(
            Some(&token),
            "change_status",
            &change_form(mentor, "left", "not_suitable"),
        )
        .await;
    assert_eq!(status_code, StatusCode::OK);
    let last = mentor_status_changes::Entity::find()
        .filter(mentor_status_changes::Column::MentorId.eq(mentor))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (last.to_status.as_str(), last.reason.as_deref()),
        ("left", Some("not_suitable"))
    );
    // Matching moves are not the pipeline's.
    let other = applicant(&app.db, ghent, 2).await;
    let (status_code, _) = app
        .call(
            Some(&token),
            "change_status",
            &change_form(other, "in_duo", ""),
        )
        .await;
    assert_eq!(status_code, StatusCode::UNPROCESSABLE_ENTITY);
}

async fn coordinators_of_another_city_reach_nothing(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let ghent = city(&app.db, "ghent").await;
    let liege = city(&app.db, "liege").await;
    let mentor = applicant(&app.db, ghent, 1).await;
    let own = app.session(Role::Coordinator, &[ghent]).await;
    let interview = schedule(&app, &own, mentor).await;
    let other = app.session(Role::Coordinator, &[liege]).await;
    let calls = [
        ("schedule_intake", schedule_form(mentor, "2027-02-01T10:00")),
        ("record_intake", report_form(interview)),
        ("change_status", change_form(mentor, "left", "moved")),
    ];
    for (function, form) in calls {
        let (code, body) = app.call(Some(&other), function, &form).await;
        assert_eq!(code, StatusCode::FORBIDDEN, "{function}: {body}");
        assert_eq!(body, json!("Forbidden"));
    }
    assert_eq!(status(&app.db, mentor).await, "intake_scheduled");
}

async fn the_board_shows_each_stage_of_one_city(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let ghent = city(&app.db, "ghent").await;
    let liege = city(&app.db, "liege").await;
    let token = app.session(Role::Coordinator, &[ghent]).await;
    let waiting = applicant(&app.db, ghent, 1).await;
    let planned = applicant(&app.db, ghent, 2).await;
    schedule(&app, &token, planned).await;
    let mut gone = mentor_row(ghent, 3);
    gone.status = "left".into();
    gone.status_changed_at = at(1, 9) - chrono::Duration::days(200);
    insert_mentor(&app.db, gone).await.unwrap();
    applicant(&app.db, liege, 4).await;

    let (code, board) = app
        .call(Some(&token), "get_pipeline", "query[search]=")
        .await;
    assert_eq!(code, StatusCode::OK, "{board}");
    assert_eq!(board["city_id"], ghent);
    assert_eq!(board["cities"].as_array().map(Vec::len), Some(1));
    let cards: Vec<(i64, String, bool)> = board["mentors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["id"].as_i64().unwrap(),
                c["status"].as_str().unwrap().to_owned(),
                !c["intake_at"].is_null(),
            )
        })
        .collect();
    assert_eq!(
        cards,
        [
            (i64::from(waiting), "applied".to_owned(), false),
            (i64::from(planned), "intake_scheduled".to_owned(), true)
        ],
        "people who left long ago and other cities stay off the board"
    );

    let (_, found) = app
        .call(Some(&token), "get_pipeline", "query[search]=mentor%202")
        .await;
    assert_eq!(found["mentors"].as_array().map(Vec::len), Some(1));
    assert_eq!(found["mentors"][0]["id"], planned);

    let (code, _) = app
        .call(
            Some(&token),
            "get_pipeline",
            &format!("query[city_id]={liege}"),
        )
        .await;
    assert_eq!(code, StatusCode::FORBIDDEN);
}

async fn a_full_column_is_cut_on_its_own_and_says_so(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let ghent = city(&app.db, "ghent").await;
    let token = app.session(Role::Coordinator, &[ghent]).await;
    for n in 0..201 {
        insert_mentor(&app.db, mentor_row(ghent, 100 + n))
            .await
            .expect("available mentor");
    }
    let newcomer = applicant(&app.db, ghent, 1).await;

    let (code, board) = app
        .call(Some(&token), "get_pipeline", "query[search]=")
        .await;
    assert_eq!(code, StatusCode::OK, "{board}");
    let cards = board["mentors"].as_array().unwrap();
    let available = cards.iter().filter(|c| c["status"] == "available").count();
    assert_eq!(available, 200, "the column shows its longest-waiting 200");
    assert!(
        cards.iter().any(|c| c["id"] == newcomer),
        "a full column does not hide the newest applicant"
    );
    assert_eq!(board["cut_columns"], json!(["mentors-available"]));
}
