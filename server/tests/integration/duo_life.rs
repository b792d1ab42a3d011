//! A duo's life over HTTP: the introduction with its invitations, the answers, the agreement,
//! the start with its six-month cap, and the meetings its mentor logs, once per key, in their
//! own duo only.

use app::db::entities::{meetings, mentees, mentors, outbox};
use app::domain::role::Role;
use chrono::{Months, NaiveDate, TimeDelta, Utc};
use reqwest::StatusCode;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use serde_json::{Value, json};
use tokio::task::JoinSet;

use crate::support::app::{TestApp, refused_fields};
use crate::support::db::on_both_backends;
use crate::support::fixtures::{city, matchable_mentee, matchable_mentor};

on_both_backends!(
    a_duo_goes_from_proposal_to_active_through_its_introduction,
    a_decline_needs_a_reason_and_returns_both_to_the_pool,
    steps_out_of_order_are_refused,
    a_replayed_meeting_log_is_stored_once,
    meetings_logged_at_once_by_many_mentors_are_each_stored,
    a_mentor_reaches_only_their_own_duo,
    a_meeting_stays_editable_for_seven_days,
    the_start_self_assessment_is_recorded_with_the_mentor,
    alerts_follow_the_clock_and_clear_when_done,
    a_reminder_goes_to_the_mentor_of_an_active_duo,
);

/// A proposed duo of a fresh matchable pair `n` in `city_id`: (duo, mentor, mentee).
async fn proposed(app: &TestApp, token: &str, city_id: i32, n: u32) -> (i64, i32, i32) {
    let mentor = matchable_mentor(&app.db, city_id, n).await;
    let mentee = matchable_mentee(&app.db, city_id, n).await;
    let (status, body) = app
        .call(
            Some(token),
            "propose_duo",
            &format!("mentor_id={mentor}&mentee_id={mentee}"),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    (body["id"].as_i64().expect("duo id"), mentor, mentee)
}

fn plan(duo: i64, at: &str) -> String {
    format!("plan[duo_id]={duo}&plan[at]={at}&plan[place]=Maison%20de%20l%27emploi")
}

fn answers(duo: i64, mentor: &str, mentee: &str, reason: &str) -> String {
    format!(
        "report[duo_id]={duo}&report[mentor]={mentor}&report[mentee]={mentee}&report[reason]={reason}"
    )
}

fn start(duo: i64, started_on: NaiveDate, end: &str) -> String {
    format!("start[duo_id]={duo}&start[started_on]={started_on}&start[planned_end_on]={end}")
}

pub(crate) fn today() -> NaiveDate {
    app::domain::local_time::to_local(Utc::now()).date()
}

pub(crate) async fn call_ok(app: &TestApp, token: &str, function: &str, body: &str) -> Value {
    let (status, answer) = app.call(Some(token), function, body).await;
    assert_eq!(status, StatusCode::OK, "{function}: {answer}");
    answer
}

/// Takes a proposed duo to `active`, started today: (duo, mentor, mentee).
pub(crate) async fn active(app: &TestApp, token: &str, city_id: i32, n: u32) -> (i64, i32, i32) {
    let (duo, mentor, mentee) = proposed(app, token, city_id, n).await;
    call_ok(
        app,
        token,
        "schedule_introduction",
        &plan(duo, "2030-01-07T10:00"),
    )
    .await;
    call_ok(
        app,
        token,
        "record_introduction",
        &answers(duo, "accepted", "accepted", ""),
    )
    .await;
    for side in ["mentor", "mentee"] {
        call_ok(
            app,
            token,
            "sign_agreement",
            &format!("duo_id={duo}&side={side}"),
        )
        .await;
    }
    call_ok(app, token, "start_duo", &start(duo, today(), "")).await;
    (duo, mentor, mentee)
}

fn meeting(duo: i64, key: &str, held_on: NaiveDate) -> String {
    json!({"log": {
        "duo_id": duo,
        "held_on": held_on.to_string(),
        "minutes": "120",
        "topics": ["cv", "interview_practice"],
        "note": "Worked on the CV",
        "next_steps": "Send two applications",
        "idempotency_key": key,
    }})
    .to_string()
}

async fn a_duo_goes_from_proposal_to_active_through_its_introduction(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let liege = city(&app.db, "liege").await;
    let token = app.session(Role::Coordinator, &[liege]).await;
    let (duo, mentor, mentee) = proposed(&app, &token, liege, 1).await;
    let mut with_email: mentees::ActiveModel = mentees::Entity::find_by_id(mentee)
        .one(&app.db)
        .await
        .expect("load mentee")
        .expect("mentee")
        .into();
    with_email.email = Set(Some("amina@example.be".to_owned()));
    with_email
        .update(&app.db)
        .await
        .expect("give the mentee an e-mail");

    // In the past: refused, named at its field.
    let (status, body) = app
        .call(
            Some(&token),
            "schedule_introduction",
            &plan(duo, "2020-01-07T10:00"),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["Validation"][0]["field"], "at");

    call_ok(
        &app,
        &token,
        "schedule_introduction",
        &plan(duo, "2030-01-07T10:00"),
    )
    .await;
    // Moving it sends the invitations again, under the same calendar entry.
    call_ok(
        &app,
        &token,
        "schedule_introduction",
        &plan(duo, "2030-01-08T14:00"),
    )
    .await;
    let mails = outbox::Entity::find()
        .filter(outbox::Column::Kind.eq("introduction_invitation"))
        .order_by_asc(outbox::Column::Id)
        .all(&app.db)
        .await
        .expect("outbox");
    assert_eq!(mails.len(), 4);
    let mentor_email = mentors::Entity::find_by_id(mentor)
        .one(&app.db)
        .await
        .expect("load mentor")
        .expect("mentor")
        .email;
    let last = &mails[2..];
    let mut to: Vec<&str> = last.iter().map(|m| m.to_address.as_str()).collect();
    to.sort_unstable();
    let mut expected = vec!["amina@example.be", mentor_email.as_str()];
    expected.sort_unstable();
    assert_eq!(to, expected);
    for mail in last {
        let ics = mail.calendar.as_deref().expect("a calendar file");
        assert!(
            ics.contains(&format!("UID:introduction-{duo}@duo")),
            "{ics}"
        );
        assert!(ics.contains("DTSTART:20300108T130000Z"), "{ics}");
    }

    let status = call_ok(
        &app,
        &token,
        "record_introduction",
        &answers(duo, "accepted", "accepted", ""),
    )
    .await;
    assert_eq!(status, "introduced");
    // Not before both signed.
    let (status, body) = app
        .call(Some(&token), "start_duo", &start(duo, today(), ""))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["Conflict"], "agreement_unsigned");
    for side in ["mentor", "mentee"] {
        call_ok(
            &app,
            &token,
            "sign_agreement",
            &format!("duo_id={duo}&side={side}"),
        )
        .await;
    }

    // Six months and a day is refused with the latest allowed date; six months is the default.
    let latest = today()
        .checked_add_months(Months::new(6))
        .expect("six months on");
    let too_late = latest + TimeDelta::days(1);
    let (status, body) = app
        .call(
            Some(&token),
            "start_duo",
            &start(duo, today(), &too_late.to_string()),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["Validation"][0]["field"], "planned_end_on");
    assert_eq!(
        body["Validation"][0]["code"],
        json!({"code": "planned_end_too_late", "latest": latest.to_string()})
    );
    call_ok(&app, &token, "start_duo", &start(duo, today(), "")).await;

    let detail = call_ok(&app, &token, "get_duo", &format!("id={duo}")).await;
    assert_eq!(detail["status"], "active");
    assert_eq!(detail["started_on"], today().to_string());
    assert_eq!(detail["planned_end_on"], latest.to_string());
    assert_eq!(detail["introduction"]["mentor_answer"], "accepted");
    assert_eq!(
        detail["agreement"]["version"],
        app::domain::duo::AGREEMENT_VERSION
    );
    assert!(detail["agreement"]["mentee_signed_at"].is_string());
    let steps: Vec<&str> = detail["history"]
        .as_array()
        .expect("history")
        .iter()
        .filter_map(|l| l["to"].as_str())
        .collect();
    assert_eq!(steps, ["proposed", "introduced", "active"]);

    let list = call_ok(&app, &token, "list_duos", "").await;
    assert_eq!(list[0]["id"], duo);
    assert_eq!(list[0]["status"], "active");
}

async fn a_decline_needs_a_reason_and_returns_both_to_the_pool(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let ghent = city(&app.db, "ghent").await;
    let token = app.session(Role::Coordinator, &[ghent]).await;
    let (duo, mentor, mentee) = proposed(&app, &token, ghent, 1).await;
    call_ok(
        &app,
        &token,
        "schedule_introduction",
        &plan(duo, "2030-01-07T10:00"),
    )
    .await;

    let (status, body) = app
        .call(
            Some(&token),
            "record_introduction",
            &answers(duo, "accepted", "declined", ""),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        body["Validation"],
        json!([{"field": "reason", "code": {"code": "required"}}])
    );
    let (status, body) = app
        .call(
            Some(&token),
            "record_introduction",
            &answers(duo, "maybe", "", ""),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["Validation"][0]["field"], "mentor");
    assert_eq!(body["Validation"][1]["field"], "mentee");

    let status = call_ok(
        &app,
        &token,
        "record_introduction",
        &answers(duo, "accepted", "declined", "mentee_declined"),
    )
    .await;
    assert_eq!(status, "declined");
    let the_mentor = mentors::Entity::find_by_id(mentor)
        .one(&app.db)
        .await
        .expect("load")
        .expect("mentor");
    let the_mentee = mentees::Entity::find_by_id(mentee)
        .one(&app.db)
        .await
        .expect("load")
        .expect("mentee");
    assert_eq!(the_mentor.status, "available");
    assert_eq!(the_mentee.status, "waiting");
    assert_eq!(
        the_mentee.waiting_since,
        Some(crate::support::fixtures::day(11, 1)),
        "the mentee keeps their place in the queue"
    );
    let detail = call_ok(&app, &token, "get_duo", &format!("id={duo}")).await;
    assert_eq!(detail["history"][1]["reason"], "mentee_declined");
}

async fn steps_out_of_order_are_refused(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let namur = city(&app.db, "namur").await;
    let token = app.session(Role::Coordinator, &[namur]).await;
    let (duo, _, _) = proposed(&app, &token, namur, 1).await;

    // Each step refused out of order, with the duo's actual status named.
    let refused = |duo: i64| {
        [
            ("schedule_introduction", plan(duo, "2030-01-07T10:00")),
            (
                "record_introduction",
                answers(duo, "accepted", "accepted", ""),
            ),
            ("sign_agreement", format!("duo_id={duo}&side=mentor")),
            ("start_duo", start(duo, today(), "")),
            ("cancel_proposal", format!("duo_id={duo}")),
        ]
    };
    // A proposed duo: no answers before the meeting is planned, no signature, no start.
    for (function, body) in refused(duo).into_iter().skip(1).take(3) {
        let (status, answer) = app.call(Some(&token), function, &body).await;
        assert_eq!(status, StatusCode::CONFLICT, "{function}: {answer}");
    }
    // An active duo: every step of its beginning is behind it.
    let (active_duo, mentor, _) = active(&app, &token, namur, 2).await;
    for (function, body) in refused(active_duo) {
        let (status, answer) = app.call(Some(&token), function, &body).await;
        assert_eq!(status, StatusCode::CONFLICT, "{function}: {answer}");
        let from = &answer["Conflict"]["illegal_transition"]["from"];
        assert_eq!(from, "active", "{function}");
    }

    // No meetings before the start.
    let mentor_token = app.mentor_session(mentor).await;
    let (other_duo, other_mentor, _) = proposed(&app, &token, namur, 3).await;
    let other_token = app.mentor_session(other_mentor).await;
    let (status, _) = app
        .call(
            Some(&other_token),
            "log_meeting",
            &meeting(other_duo, &"a".repeat(32), today()),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    // A meeting in the future is refused at its field.
    let tomorrow = today() + TimeDelta::days(1);
    let (status, body) = app
        .call(
            Some(&mentor_token),
            "log_meeting",
            &meeting(active_duo, &"b".repeat(32), tomorrow),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        body["Validation"],
        json!([{"field": "held_on", "code": {"code": "date_in_future"}}])
    );
}

async fn a_replayed_meeting_log_is_stored_once(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let mons = city(&app.db, "mons").await;
    let token = app.session(Role::Coordinator, &[mons]).await;
    let (duo, mentor, _) = active(&app, &token, mons, 1).await;
    let mentor_token = app.mentor_session(mentor).await;
    let body = meeting(duo, "0123456789abcdef-replayed", today());

    let mut calls = JoinSet::new();
    for _ in 0..20 {
        let key = "0123456789abcdef-replayed".to_owned();
        calls.spawn(log_at_once(
            app.base.clone(),
            mentor_token.clone(),
            body.clone(),
            key,
        ));
    }
    let mut ids = Vec::new();
    while let Some(answer) = calls.join_next().await {
        let (_, status, answer) = answer.expect("task");
        assert_eq!(status, StatusCode::OK, "{answer}");
        ids.push(answer["meeting_id"].as_i64().expect("meeting id"));
    }
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 1, "every retry answers with the same meeting");
    let stored = meetings::Entity::find()
        .filter(meetings::Column::DuoId.eq(i32::try_from(duo).expect("id")))
        .count(&app.db)
        .await
        .expect("count");
    assert_eq!(stored, 1);

    let home = call_ok(&app, &mentor_token, "get_my_duo", "").await;
    let logged = &home["duo"]["meetings"][0];
    assert_eq!(logged["topics"], json!(["cv", "interview_practice"]));
    assert_eq!(logged["minutes"], 120);
    assert_eq!(logged["editable"], true);
    assert_eq!(home["duo"]["weeks_done"], 0);
    assert_eq!(home["duo"]["weeks_planned"], 26);
}

/// Meetings logged at the same moment share transactions on the server (group commit): each
/// is stored once with its topics, a replay answers with its first copy, and a meeting a
/// mentor may not log is refused without taking the others with it.
async fn meetings_logged_at_once_by_many_mentors_are_each_stored(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let namur = city(&app.db, "namur").await;
    let token = app.session(Role::Coordinator, &[namur]).await;
    let mut duos = Vec::new();
    for n in 1..=4 {
        let (duo, mentor, _) = active(&app, &token, namur, n).await;
        duos.push((duo, app.mentor_session(mentor).await));
    }
    let (other_duo, _) = duos[1].clone();

    let mut calls = JoinSet::new();
    for (d, (duo, mentor_token)) in duos.iter().enumerate() {
        for m in 0..6 {
            // Each meeting is sent twice, and each mentor also tries another mentor's duo.
            let key = format!("0123456789abcdef-d{d}-m{m}");
            for body in [meeting(*duo, &key, today()), meeting(*duo, &key, today())] {
                calls.spawn(log_at_once(
                    app.base.clone(),
                    mentor_token.clone(),
                    body,
                    key.clone(),
                ));
            }
        }
        if *duo != other_duo {
            let key = format!("0123456789abcdef-d{d}-foreign");
            let body = meeting(other_duo, &key, today());
            calls.spawn(log_at_once(
                app.base.clone(),
                mentor_token.clone(),
                body,
                key,
            ));
        }
    }
    let mut ids = std::collections::BTreeMap::<String, Vec<i64>>::new();
    while let Some(answer) = calls.join_next().await {
        let (key, status, answer) = answer.expect("task");
        if key.ends_with("foreign") {
            assert_eq!(status, StatusCode::FORBIDDEN, "{answer}");
            continue;
        }
        assert_eq!(status, StatusCode::OK, "{key}: {answer}");
        ids.entry(key)
            .or_default()
            .push(answer["meeting_id"].as_i64().expect("meeting id"));
    }
    assert_eq!(ids.len(), 24);
    for (key, copies) in &ids {
        assert_eq!(copies.len(), 2, "{key}");
        assert_eq!(
            copies[0], copies[1],
            "{key}: both copies answer with one meeting"
        );
    }
    for (duo, mentor_token) in &duos {
        let stored = meetings::Entity::find()
            .filter(meetings::Column::DuoId.eq(i32::try_from(*duo).expect("id")))
            .count(&app.db)
            .await
            .expect("count");
        assert_eq!(stored, 6, "duo {duo}");
        let home = call_ok(&app, mentor_token, "get_my_duo", "").await;
        for logged in home["duo"]["meetings"].as_array().expect("meetings") {
            assert_eq!(logged["topics"], json!(["cv", "interview_practice"]));
        }
    }
}

/// Posts a meeting log: (its key, the status, the answer).
async fn log_at_once(
    base: String,
    token: String,
    body: String,
    key: String,
) -> (String, StatusCode, Value) {
    let response = reqwest::Client::new()
        .post(format!("{base}/api/log_meeting"))
        .header("content-type", "application/json")
        .header("cookie", format!("duo_session={token}"))
        .body(body)
        .send()
        .await
        .expect("request");
    let status = response.status();
    (key, status, response.json::<Value>().await.expect("json"))
}

async fn a_mentor_reaches_only_their_own_duo(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let leuven = city(&app.db, "leuven").await;
    let token = app.session(Role::Coordinator, &[leuven]).await;
    let (theirs, their_mentor, _) = active(&app, &token, leuven, 1).await;
    let (mine, my_mentor, _) = active(&app, &token, leuven, 2).await;
    let their_token = app.mentor_session(their_mentor).await;
    let my_token = app.mentor_session(my_mentor).await;
    let logged = call_ok(
        &app,
        &their_token,
        "log_meeting",
        &meeting(theirs, &"t".repeat(20), today()),
    )
    .await;
    let their_meeting = logged["meeting_id"].as_i64().expect("id");

    let forbidden = |(status, body): (StatusCode, Value)| {
        assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    };
    forbidden(
        app.call(
            Some(&my_token),
            "log_meeting",
            &meeting(theirs, &"m".repeat(20), today()),
        )
        .await,
    );
    // Replaying someone else's key does not reveal their meeting.
    forbidden(
        app.call(
            Some(&my_token),
            "log_meeting",
            &meeting(mine, &"t".repeat(20), today()),
        )
        .await,
    );
    let edit = json!({"meeting_id": their_meeting, "log": serde_json::from_str::<Value>(&meeting(mine, &"x".repeat(20), today())).expect("json")["log"]});
    forbidden(
        app.call(Some(&my_token), "edit_meeting", &edit.to_string())
            .await,
    );
    // A mentor signs their own side only; staff pages stay closed.
    forbidden(
        app.call(
            Some(&my_token),
            "sign_agreement",
            &format!("duo_id={mine}&side=mentee"),
        )
        .await,
    );
    forbidden(
        app.call(Some(&my_token), "get_duo", &format!("id={theirs}"))
            .await,
    );

    let home = call_ok(&app, &my_token, "get_my_duo", "").await;
    assert_eq!(home["duo"]["id"], mine);
    assert_eq!(home["duo"]["meetings"], json!([]));
    // The other city's coordinator sees neither.
    let other = app
        .session(Role::Coordinator, &[city(&app.db, "brussels").await])
        .await;
    forbidden(
        app.call(Some(&other), "get_duo", &format!("id={mine}"))
            .await,
    );
    let list = call_ok(&app, &other, "list_duos", "").await;
    assert_eq!(list, json!([]));
}

async fn a_meeting_stays_editable_for_seven_days(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let antwerp = city(&app.db, "antwerp").await;
    let token = app.session(Role::Coordinator, &[antwerp]).await;
    let (duo, mentor, _) = active(&app, &token, antwerp, 1).await;
    let mentor_token = app.mentor_session(mentor).await;
    let logged = call_ok(
        &app,
        &mentor_token,
        "log_meeting",
        &meeting(duo, &"e".repeat(24), today()),
    )
    .await;
    let id = logged["meeting_id"].as_i64().expect("id");
    let edit = |minutes: &str, topics: Value| {
        json!({"meeting_id": id, "log": {
            "duo_id": duo, "held_on": today().to_string(), "minutes": minutes,
            "topics": topics, "note": "", "next_steps": "", "idempotency_key": "e".repeat(24),
        }})
        .to_string()
    };
    call_ok(
        &app,
        &mentor_token,
        "edit_meeting",
        &edit("90", json!(["network"])),
    )
    .await;
    let home = call_ok(&app, &mentor_token, "get_my_duo", "").await;
    assert_eq!(home["duo"]["meetings"][0]["minutes"], 90);
    assert_eq!(home["duo"]["meetings"][0]["topics"], json!(["network"]));
    assert_eq!(home["duo"]["meetings"][0]["note"], Value::Null);

    app.clock.set_offset(TimeDelta::days(8));
    let (status, body) = app
        .call(Some(&mentor_token), "edit_meeting", &edit("60", json!([])))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["Conflict"], "edit_window_closed");
    let home = call_ok(&app, &mentor_token, "get_my_duo", "").await;
    assert_eq!(home["duo"]["meetings"][0]["editable"], false);
    assert_eq!(home["duo"]["weeks_done"], 1);
}

fn assessment(duo: i64, answers: [&str; 5]) -> String {
    let names = [
        "self_confidence",
        "career_plan",
        "job_search_tools",
        "language",
        "network",
    ];
    let mut form = format!("assessment[duo_id]={duo}&assessment[kind]=start");
    for (name, answer) in names.iter().zip(answers) {
        form.push_str(&format!("&assessment[{name}]={answer}"));
    }
    form
}

async fn the_start_self_assessment_is_recorded_with_the_mentor(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let namur = city(&app.db, "namur").await;
    let token = app.session(Role::Coordinator, &[namur]).await;
    let (waiting, waiting_mentor, _) = proposed(&app, &token, namur, 1).await;
    let (duo, mentor, _) = active(&app, &token, namur, 2).await;
    let mentor_token = app.mentor_session(mentor).await;

    let home = call_ok(&app, &mentor_token, "get_my_duo", "").await;
    assert_eq!(home["duo"]["start_assessed"], false);
    let (status, body) = app
        .call(
            Some(&mentor_token),
            "save_self_assessment",
            &assessment(duo, ["3", "", "9", "2", "1"]),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = refused_fields(&body);
    assert_eq!(fields, ["career_plan", "job_search_tools"]);

    call_ok(
        &app,
        &mentor_token,
        "save_self_assessment",
        &assessment(duo, ["2", "3", "2", "4", "1"]),
    )
    .await;
    // Filled in again: the answers are replaced, not doubled.
    call_ok(
        &app,
        &mentor_token,
        "save_self_assessment",
        &assessment(duo, ["2", "3", "3", "4", "1"]),
    )
    .await;
    let home = call_ok(&app, &mentor_token, "get_my_duo", "").await;
    assert_eq!(home["duo"]["start_assessed"], true);
    let detail = call_ok(&app, &token, "get_duo", &format!("id={duo}")).await;
    assert_eq!(detail["assessments"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        detail["assessments"][0]["scores"],
        json!({"self_confidence": 2, "career_plan": 3, "job_search_tools": 3, "language": 4, "network": 1})
    );

    // Not before the duo started, and not in someone else's duo.
    let waiting_token = app.mentor_session(waiting_mentor).await;
    let (status, _) = app
        .call(
            Some(&waiting_token),
            "save_self_assessment",
            &assessment(waiting, ["3"; 5]),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, _) = app
        .call(
            Some(&waiting_token),
            "save_self_assessment",
            &assessment(duo, ["3"; 5]),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

pub(crate) fn alerts(list: &Value, duo: i64) -> Value {
    list.as_array()
        .expect("list")
        .iter()
        .find(|row| row["id"] == duo)
        .map(|row| row["alerts"].clone())
        .expect("the duo is listed")
}

fn check_in(duo: i64, on: NaiveDate, kind: &str) -> String {
    format!(
        "contact[duo_id]={duo}&contact[contacted_on]={on}&contact[kind]={kind}&contact[person]=mentee&contact[note]=All%20fine"
    )
}

async fn alerts_follow_the_clock_and_clear_when_done(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let ghent = city(&app.db, "ghent").await;
    let token = app.session(Role::Coordinator, &[ghent]).await;
    let (duo, mentor, _) = active(&app, &token, ghent, 1).await;
    let mentor_token = app.mentor_session(mentor).await;
    let start = today();
    let list = call_ok(&app, &token, "list_duos", "").await;
    assert_eq!(alerts(&list, duo), json!([]));

    // Fifteen days without a meeting.
    app.clock.set_offset(TimeDelta::days(15));
    let list = call_ok(&app, &token, "list_duos", "").await;
    assert_eq!(alerts(&list, duo), json!([{"no_meeting": {"days": 15}}]));
    let day15 = start + TimeDelta::days(15);
    call_ok(
        &app,
        &mentor_token,
        "log_meeting",
        &meeting(duo, &"c".repeat(20), day15),
    )
    .await;
    let list = call_ok(&app, &token, "list_duos", "").await;
    assert_eq!(alerts(&list, duo), json!([]));

    // A month and more: two check-ins are due, and the last meeting is old again.
    app.clock.set_offset(TimeDelta::days(32));
    let detail = call_ok(&app, &token, "get_duo", &format!("id={duo}")).await;
    assert_eq!(
        detail["alerts"],
        json!([{"no_meeting": {"days": 17}}, {"check_in_due": {"done": 0, "expected": 2}}])
    );
    let (status, body) = app
        .call(Some(&token), "log_contact", &check_in(duo, day15, "pigeon"))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["Validation"][0]["field"], "kind");
    call_ok(
        &app,
        &token,
        "log_contact",
        &check_in(duo, start + TimeDelta::days(7), "phone"),
    )
    .await;
    call_ok(
        &app,
        &token,
        "log_contact",
        &check_in(duo, day15, "in_person"),
    )
    .await;
    let detail = call_ok(&app, &token, "get_duo", &format!("id={duo}")).await;
    assert_eq!(detail["alerts"], json!([{"no_meeting": {"days": 17}}]));
    assert_eq!(detail["contacts"][0]["kind"], "in_person");
    assert_eq!(detail["contacts"][0]["person"], "mentee");
    assert_eq!(detail["contacts"].as_array().map(Vec::len), Some(2));

    // Ten days before the planned end.
    let end: NaiveDate = detail["planned_end_on"]
        .as_str()
        .and_then(|d| d.parse().ok())
        .expect("planned end");
    // Noon, Brussels time, on that day: a whole number of days from now would land on the
    // next day late in the evening once summer time began in between.
    let noon =
        app::domain::local_time::parse_local(&format!("{}T12:00", end - TimeDelta::days(10)))
            .expect("a local time");
    app.clock.set_offset(noon - Utc::now());
    let list = call_ok(&app, &token, "list_duos", "").await;
    let found = alerts(&list, duo);
    assert!(
        found
            .as_array()
            .expect("alerts")
            .contains(&json!({"end_near": {"days": 10}})),
        "{found}"
    );
}

async fn a_reminder_goes_to_the_mentor_of_an_active_duo(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let mons = city(&app.db, "mons").await;
    let token = app.session(Role::Coordinator, &[mons]).await;
    let (waiting, _, _) = proposed(&app, &token, mons, 1).await;
    let (duo, mentor, _) = active(&app, &token, mons, 2).await;
    let (status, _) = app
        .call(Some(&token), "remind_mentor", &format!("duo_id={waiting}"))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    call_ok(&app, &token, "remind_mentor", &format!("duo_id={duo}")).await;
    let email = mentors::Entity::find_by_id(mentor)
        .one(&app.db)
        .await
        .expect("load")
        .expect("mentor")
        .email;
    let reminders = outbox::Entity::find()
        .filter(outbox::Column::Kind.eq("meeting_reminder"))
        .all(&app.db)
        .await
        .expect("outbox");
    assert_eq!(reminders.len(), 1);
    assert_eq!(reminders[0].to_address, email);
    assert!(
        reminders[0].body_text.contains("/mentor"),
        "{}",
        reminders[0].body_text
    );
}
