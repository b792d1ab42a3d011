//! A duo's later life over HTTP: its action plan, shared by mentor and coordinator; closing
//! early needs a reason, the two end evaluations come before the outcome, the closure
//! schedules the follow-ups and rests the mentor, the follow-ups are recorded when due, and
//! the mentor's invitation back comes after the rest.

use app::db::entities::{follow_ups, mentees, mentor_returns, mentors, outbox};
use app::domain::role::Role;
use app::features::duos::returning;
use chrono::{Months, TimeDelta};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;

use crate::duo_life::{active, alerts, call_ok, today};
use crate::support::app::{TestApp, refused_fields};
use crate::support::db::on_both_backends;
use crate::support::fixtures::{city, screened};

on_both_backends!(
    a_duo_closes_with_its_evaluations_and_outcome,
    follow_ups_are_due_by_the_clock_and_recorded,
    a_rested_mentor_is_invited_back_once_and_accepts,
    the_test_clock_exists_only_for_tests,
    the_action_plan_is_shared_and_its_steps_ticked_off,
);

fn closing(duo: i64, reason: &str) -> String {
    format!("closing[duo_id]={duo}&closing[reason]={reason}&closing[note]=Found%20a%20job")
}

fn scores(prefix: &str, duo: i64, value: u8) -> String {
    let dims = [
        "self_confidence",
        "career_plan",
        "job_search_tools",
        "language",
        "network",
    ];
    let mut body = format!("{prefix}[duo_id]={duo}");
    for dim in dims {
        body.push_str(&format!("&{prefix}[{dim}]={value}"));
    }
    body
}

fn outcome(target: i64, outcome: &str, contract: &str, lasts: &str) -> String {
    format!(
        "outcome[target]={target}&outcome[outcome]={outcome}&outcome[contract_type]={contract}&outcome[lasts_three_months]={lasts}"
    )
}

/// Takes an active duo through closing to `closed`: (duo, mentor, mentee).
async fn closed(app: &TestApp, token: &str, city_id: i32, n: u32) -> (i64, i32, i32) {
    let (duo, mentor, mentee) = active(app, token, city_id, n).await;
    call_ok(
        app,
        token,
        "begin_closing",
        &closing(duo, "mentee_found_work"),
    )
    .await;
    let assessment = format!("{}&assessment[kind]=end", scores("assessment", duo, 4));
    call_ok(app, token, "save_self_assessment", &assessment).await;
    let evaluation = format!(
        "{}&evaluation[satisfaction]=5",
        scores("evaluation", duo, 4)
    );
    call_ok(app, token, "save_mentor_evaluation", &evaluation).await;
    call_ok(
        app,
        token,
        "close_duo",
        &outcome(duo, "job", "permanent", "yes"),
    )
    .await;
    (duo, mentor, mentee)
}

async fn a_duo_closes_with_its_evaluations_and_outcome(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let liege = city(&app.db, "liege").await;
    let token = app.session(Role::Coordinator, &[liege]).await;
    let (duo, mentor, mentee) = active(&app, &token, liege, 1).await;
    let mentor_token = app.mentor_session(mentor).await;

    // Before the planned end, closing needs its reason, named at its field.
    let (status, body) = app
        .call(Some(&token), "begin_closing", &closing(duo, ""))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["Validation"][0]["field"], "reason");
    let (status, _) = app
        .call(Some(&token), "begin_closing", &closing(duo, "found_a_job"))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    // Mentors do not close duos, even their own.
    let (status, _) = app
        .call(
            Some(&mentor_token),
            "begin_closing",
            &closing(duo, "mentee_found_work"),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // The mentor's evaluation belongs to the closing, not before.
    let evaluation = format!(
        "{}&evaluation[satisfaction]=5",
        scores("evaluation", duo, 4)
    );
    let (status, _) = app
        .call(Some(&mentor_token), "save_mentor_evaluation", &evaluation)
        .await;
    assert_eq!(status, StatusCode::CONFLICT);

    call_ok(
        &app,
        &token,
        "begin_closing",
        &closing(duo, "mentee_found_work"),
    )
    .await;
    let detail = call_ok(&app, &token, "get_duo", &format!("id={duo}")).await;
    assert_eq!(detail["status"], "closing");
    assert_eq!(detail["ended_on"], today().to_string());
    // Closing keeps its reason on the timeline.
    assert_eq!(
        detail["history"]
            .as_array()
            .and_then(|h| h.last())
            .map(|l| l["reason"].clone()),
        Some(json!("mentee_found_work"))
    );
    // Nothing to close again.
    let (status, _) = app
        .call(Some(&token), "begin_closing", &closing(duo, "other"))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);

    // The outcome waits for both end evaluations.
    let (status, body) = app
        .call(
            Some(&token),
            "close_duo",
            &outcome(duo, "job", "permanent", "yes"),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["Conflict"], "evaluations_missing");
    let home = call_ok(&app, &mentor_token, "get_my_duo", "").await;
    assert_eq!(home["duo"]["status"], "closing");
    assert_eq!(home["duo"]["end_assessed"], false);
    let assessment = format!("{}&assessment[kind]=end", scores("assessment", duo, 4));
    call_ok(&app, &mentor_token, "save_self_assessment", &assessment).await;
    // A satisfaction out of the scale and a missing answer are each named.
    let refused = format!(
        "{}&evaluation[satisfaction]=9",
        scores("evaluation", duo, 4).replace("&evaluation[network]=4", "")
    );
    let (status, body) = app
        .call(Some(&mentor_token), "save_mentor_evaluation", &refused)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = refused_fields(&body);
    assert_eq!(fields, ["network", "satisfaction"]);
    call_ok(&app, &mentor_token, "save_mentor_evaluation", &evaluation).await;
    let home = call_ok(&app, &mentor_token, "get_my_duo", "").await;
    assert_eq!(
        (
            &home["duo"]["end_assessed"],
            &home["duo"]["mentor_evaluated"]
        ),
        (&json!(true), &json!(true))
    );

    // A job needs its contract and its length.
    let (status, body) = app
        .call(Some(&token), "close_duo", &outcome(duo, "job", "", ""))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = refused_fields(&body);
    assert_eq!(fields, ["contract_type", "lasts_three_months"]);
    call_ok(
        &app,
        &token,
        "close_duo",
        &outcome(duo, "job", "fixed_term", "yes"),
    )
    .await;

    let detail = call_ok(&app, &token, "get_duo", &format!("id={duo}")).await;
    assert_eq!(detail["status"], "closed");
    assert_eq!(
        detail["closure"]["reported"],
        json!({"outcome": "job", "job": {"contract": "fixed_term", "lasts_three_months": true}})
    );
    assert_eq!(detail["mentor_evaluation"]["satisfaction"], 5);
    let months: Vec<i64> = detail["follow_ups"]
        .as_array()
        .expect("follow-ups")
        .iter()
        .filter_map(|f| f["month"].as_i64())
        .collect();
    assert_eq!(months, [3, 6, 12]);
    let ended = today();
    let due = ended.checked_add_months(Months::new(3)).expect("date");
    assert_eq!(detail["follow_ups"][0]["due_on"], due.to_string());
    // The closing reason stays on the closed duo.
    assert_eq!(
        detail["history"]
            .as_array()
            .and_then(|h| h.last())
            .map(|l| l["reason"].clone()),
        Some(json!("mentee_found_work"))
    );

    let mentee = mentees::Entity::find_by_id(mentee)
        .one(&app.db)
        .await
        .expect("load")
        .expect("mentee");
    assert_eq!(mentee.status, "followed_up");
    let mentor_row = mentors::Entity::find_by_id(mentor)
        .one(&app.db)
        .await
        .expect("load")
        .expect("mentor");
    assert_eq!(
        (mentor_row.status.as_str(), mentor_row.status_reason),
        ("paused", None)
    );
    // The mentor's home has no duo now, and no invitation before the rest is over.
    let home = call_ok(&app, &mentor_token, "get_my_duo", "").await;
    assert_eq!(
        (&home["duo"], &home["return_invitation"]),
        (&json!(null), &json!(null))
    );
}

async fn follow_ups_are_due_by_the_clock_and_recorded(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let namur = city(&app.db, "namur").await;
    let token = app.session(Role::Coordinator, &[namur]).await;
    let other = city(&app.db, "arlon").await;
    let other_token = app.session(Role::Coordinator, &[other]).await;
    let (duo, _, _) = closed(&app, &token, namur, 1).await;
    let detail = call_ok(&app, &token, "get_duo", &format!("id={duo}")).await;
    let first = detail["follow_ups"][0]["id"].as_i64().expect("id");
    let list = call_ok(&app, &token, "list_duos", "").await;
    assert_eq!(alerts(&list, duo), json!([]));

    // Before its date, a follow-up waits.
    let (status, body) = app
        .call(
            Some(&token),
            "record_follow_up",
            &outcome(first, "none", "", ""),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        body["Conflict"]["follow_up_not_due"]["due_on"].is_string(),
        "{body}"
    );

    // Three months on, it is on the coordinator's list.
    let due = today().checked_add_months(Months::new(3)).expect("date");
    app.clock
        .set_offset(TimeDelta::days((due - today()).num_days() + 1));
    let list = call_ok(&app, &token, "list_duos", "").await;
    assert_eq!(
        alerts(&list, duo),
        json!([{"follow_up_due": {"since": due.to_string()}}])
    );
    // Only coordinators of the duo's city record it.
    let (status, _) = app
        .call(
            Some(&other_token),
            "record_follow_up",
            &outcome(first, "job", "permanent", "yes"),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    call_ok(
        &app,
        &token,
        "record_follow_up",
        &outcome(first, "job", "temporary_agency", "no"),
    )
    .await;
    let list = call_ok(&app, &token, "list_duos", "").await;
    assert_eq!(alerts(&list, duo), json!([]));
    let row = follow_ups::Entity::find_by_id(first as i32)
        .one(&app.db)
        .await
        .expect("load")
        .expect("follow-up");
    assert_eq!(
        (
            row.outcome.as_deref(),
            row.contract_type.as_deref(),
            row.lasts_three_months
        ),
        (Some("job"), Some("temporary_agency"), Some(false))
    );
    assert!(row.done_on.is_some() && row.self_reported);
}

async fn a_rested_mentor_is_invited_back_once_and_accepts(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let mons = city(&app.db, "mons").await;
    let token = app.session(Role::Coordinator, &[mons]).await;
    let admin = app.session(Role::Admin, &[]).await;
    // The rest is the admin's to set: one week here.
    let (status, body) = app
        .call(Some(&admin), "save_return_pause", "weeks=53")
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["Validation"][0]["field"], "return_pause_weeks");
    call_ok(&app, &admin, "save_return_pause", "weeks=1").await;
    assert_eq!(
        call_ok(&app, &admin, "get_return_pause", "").await,
        json!(1)
    );

    let (_, mentor, _) = closed(&app, &token, mons, 1).await;
    let mentor_token = app.mentor_session(mentor).await;
    let url = "http://127.0.0.1";
    let now = app.clock.now();
    let queued = returning::send_due(&app.db, url, now, today())
        .await
        .expect("send");
    assert_eq!(queued, 0, "nothing before the rest is over");
    let (status, _) = app
        .call(Some(&mentor_token), "answer_return", "answer=accepted")
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    app.clock.set_offset(TimeDelta::days(7));
    let later = app.clock.now();
    let day = today() + TimeDelta::days(7);
    assert_eq!(
        returning::send_due(&app.db, url, later, day)
            .await
            .expect("send"),
        1
    );
    assert_eq!(
        returning::send_due(&app.db, url, later, day)
            .await
            .expect("send"),
        0
    );
    let mails = outbox::Entity::find()
        .filter(outbox::Column::Kind.eq("return_invitation"))
        .count(&app.db)
        .await
        .expect("count");
    assert_eq!(mails, 1);

    let home = call_ok(&app, &mentor_token, "get_my_duo", "").await;
    assert!(home["return_invitation"]["id"].is_i64(), "{home}");
    // A mentor with no screening on record cannot be matched: said plainly, nothing changes.
    let (status, body) = app
        .call(Some(&mentor_token), "answer_return", "answer=accepted")
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        body["Conflict"]["not_screened"]["missing"],
        json!(["intake", "training"])
    );
    screened(&app.db, mons, mentor).await;
    call_ok(&app, &mentor_token, "answer_return", "answer=accepted").await;
    let mentor_row = mentors::Entity::find_by_id(mentor)
        .one(&app.db)
        .await
        .expect("load")
        .expect("mentor");
    assert_eq!(mentor_row.status, "available");
    let answered = mentor_returns::Entity::find()
        .filter(mentor_returns::Column::MentorId.eq(mentor))
        .one(&app.db)
        .await
        .expect("load")
        .expect("invitation");
    assert_eq!(answered.answer.as_deref(), Some("accepted"));
    // Answered once: there is nothing left to answer.
    let (status, _) = app
        .call(Some(&mentor_token), "answer_return", "answer=declined")
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let home = call_ok(&app, &mentor_token, "get_my_duo", "").await;
    assert_eq!(home["return_invitation"], json!(null));
}

async fn the_test_clock_exists_only_for_tests(db: DatabaseConnection) {
    let app = TestApp::spawn(db.clone()).await;
    let client = reqwest::Client::new();
    let moved = client
        .post(format!("{}/test/clock", app.base))
        .form(&[("days", "30")])
        .send()
        .await
        .expect("post");
    assert!(!moved.status().is_success(), "{}", moved.status());
    assert!((app.clock.now() - chrono::Utc::now()).num_days() < 1);

    let testing = TestApp::spawn_with(db, |settings| settings.test_clock = true).await;
    let moved = client
        .post(format!("{}/test/clock", testing.base))
        .form(&[("days", "30")])
        .send()
        .await
        .expect("post");
    assert_eq!(moved.status(), StatusCode::NO_CONTENT);
    let ahead = (testing.clock.now() - chrono::Utc::now()).num_hours();
    assert!((29 * 24..=30 * 24).contains(&ahead), "{ahead} hours ahead");
}

fn plan_item(duo: i64, goal: Option<i64>, title: &str, target: &str) -> String {
    let goal = goal
        .map(|g| format!("&item[goal_id]={g}"))
        .unwrap_or_default();
    format!("item[duo_id]={duo}{goal}&item[title]={title}&item[target_on]={target}")
}

async fn the_action_plan_is_shared_and_its_steps_ticked_off(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let leuven = city(&app.db, "leuven").await;
    let token = app.session(Role::Coordinator, &[leuven]).await;
    let (duo, mentor, _) = active(&app, &token, leuven, 1).await;
    let (other_duo, other_mentor, _) = active(&app, &token, leuven, 2).await;
    let mentor_token = app.mentor_session(mentor).await;
    let other_token = app.mentor_session(other_mentor).await;

    // A title is needed, and a target is not before the start.
    let (status, body) = app
        .call(
            Some(&mentor_token),
            "add_plan_item",
            &plan_item(duo, None, "", "2020-01-01"),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = refused_fields(&body);
    assert_eq!(fields, ["title", "target_on"]);

    let soon = today() + TimeDelta::days(14);
    let goal = call_ok(
        &app,
        &token,
        "add_plan_item",
        &plan_item(duo, None, "A%20job%20in%20care", ""),
    )
    .await
    .as_i64()
    .expect("goal id");
    let cv = call_ok(
        &app,
        &mentor_token,
        "add_plan_item",
        &plan_item(duo, Some(goal), "Update%20the%20CV", &soon.to_string()),
    )
    .await
    .as_i64()
    .expect("step id");
    call_ok(
        &app,
        &mentor_token,
        "add_plan_item",
        &plan_item(duo, Some(goal), "Visit%20two%20care%20homes", ""),
    )
    .await;
    // Another mentor reaches neither the plan nor its steps.
    let (status, _) = app
        .call(
            Some(&other_token),
            "add_plan_item",
            &plan_item(duo, Some(goal), "Sneak%20in", ""),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app
        .call(
            Some(&other_token),
            "tick_step",
            &format!("step_id={cv}&done=true"),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Nor can a goal of one duo take a step through another.
    let (status, _) = app
        .call(
            Some(&other_token),
            "add_plan_item",
            &plan_item(other_duo, Some(goal), "Sneak%20in", ""),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let home = call_ok(&app, &mentor_token, "get_my_duo", "").await;
    let plan = &home["duo"]["plan"];
    assert_eq!(plan[0]["title"], "A job in care");
    assert_eq!(plan[0]["steps"][0]["target_on"], soon.to_string());
    assert_eq!(plan[0]["steps"][1]["title"], "Visit two care homes");

    call_ok(
        &app,
        &mentor_token,
        "tick_step",
        &format!("step_id={cv}&done=true"),
    )
    .await;
    let detail = call_ok(&app, &token, "get_duo", &format!("id={duo}")).await;
    assert_eq!(detail["plan"][0]["steps"][0]["done"], true);
    assert_eq!(detail["plan"][0]["steps"][1]["done"], false);
    call_ok(
        &app,
        &mentor_token,
        "tick_step",
        &format!("step_id={cv}&done=false"),
    )
    .await;
    let detail = call_ok(&app, &token, "get_duo", &format!("id={duo}")).await;
    assert_eq!(detail["plan"][0]["steps"][0]["done"], false);
}
