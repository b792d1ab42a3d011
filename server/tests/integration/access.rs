//! Who may call what. Every registered server function appears in the table
//! below with the status each kind of caller gets; a new function missing
//! from the table fails `every_server_function_is_in_the_access_table`.

use app::domain::role::Role;
use reqwest::StatusCode;
use sea_orm::DatabaseConnection;
use serde_json::Value;

use crate::support::app::TestApp;
use crate::support::db::on_both_backends;
use crate::support::fixtures::{
    city, duo, matchable_mentee, matchable_mentor, mentor, referral_link, training,
};

on_both_backends!(
    each_caller_gets_exactly_what_the_table_says,
    coordinators_see_only_their_cities
);

/// The callers of the table, in its column order.
const CALLERS: [&str; 6] = [
    "anonymous",
    "mentor",
    "coordinator",
    "other city",
    "manager",
    "admin",
];

/// Server functions open to anonymous callers: the short, explicit allow-list.
const PUBLIC: &[&str] = &[
    "get_session_user",
    "set_locale",
    "sign_in",
    "sign_out",
    "request_magic_link",
    "redeem_magic_link",
    "get_application_page",
    "apply_as_mentor",
    "confirm_sign_up",
    "get_referral_page",
    "register_by_referral",
];

#[test]
fn every_server_function_is_in_the_access_table() {
    let mut registered: Vec<String> = server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.trim_start_matches("/api/").to_owned())
        .collect();
    registered.sort();
    let mut listed: Vec<String> = table(&Ids::default())
        .iter()
        .map(|row| row.0.to_owned())
        .collect();
    listed.sort();
    listed.dedup();
    assert_eq!(
        registered, listed,
        "add new server functions to the access table"
    );

    let mut open_to_anonymous: Vec<&str> = table(&Ids::default())
        .iter()
        .filter(|row| row.2[0] != 401)
        .map(|row| row.0)
        .collect();
    open_to_anonymous.sort_unstable();
    let mut public = PUBLIC.to_vec();
    public.sort_unstable();
    assert_eq!(
        open_to_anonymous, public,
        "only the allow-list is open to anonymous callers"
    );
}

#[derive(Default)]
pub(crate) struct Ids {
    city: i32,
    mentor: i32,
    mentee: i32,
    staff_user: i32,
    training: i32,
    referral: i32,
    /// An active duo of two other people of the table's city.
    duo: i32,
}

pub(crate) type Row = (&'static str, String, [u16; 6]);

/// (function, form body, status for each caller in `CALLERS` order).
pub(crate) fn table(ids: &Ids) -> Vec<Row> {
    let Ids {
        city,
        mentor,
        mentee,
        staff_user,
        training,
        referral,
        duo,
    } = ids;
    let meeting = |duo: &i32| {
        format!(
            r#"{{"duo_id": {duo}, "held_on": "2030-01-07", "minutes": "120", "idempotency_key": "{}"}}"#,
            "k".repeat(20)
        )
    };
    vec![
        ("get_session_user", String::new(), [200, 200, 200, 200, 200, 200]),
        ("set_locale", "locale=nl".into(), [200, 200, 200, 200, 200, 200]),
        ("sign_in", "email=nobody%40example.be&password=wrong-password".into(), [422; 6]),
        ("request_magic_link", "email=nobody%40example.be".into(), [200; 6]),
        ("redeem_magic_link", format!("token={}", "0".repeat(64)), [422; 6]),
        ("get_application_page", String::new(), [200; 6]),
        // Refused for its answers, whoever asks: a blank application.
        ("apply_as_mentor", r#"{"answers": []}"#.into(), [422; 6]),
        ("list_people", "query[kind]=mentors&query[page]=1".into(), [401, 403, 200, 200, 200, 200]),
        ("get_person", format!("kind=mentors&id={mentor}"), [401, 403, 200, 403, 200, 200]),
        ("get_pipeline", String::new(), [401, 403, 200, 200, 200, 200]),
        (
            "schedule_intake",
            format!("intake[kind]=mentors&intake[person_id]={mentor}&intake[at]=2030-01-07T10:00&intake[place]=Office"),
            // The table's mentor is available: too late for an intake.
            [401, 403, 409, 403, 409, 409],
        ),
        ("record_intake", "report[interview_id]=999999&report[motivation]=4&report[communication]=4&report[sector_knowledge]=4&report[availability]=4&report[recommendation]=proceed".into(), [401, 403, 404, 404, 404, 404]),
        (
            "change_status",
            format!("change[kind]=mentors&change[person_id]={mentor}&change[to]=nowhere"),
            [401, 403, 422, 403, 422, 422],
        ),
        ("get_screening", format!("kind=mentors&id={mentor}"), [401, 403, 200, 403, 200, 200]),
        ("list_trainings", String::new(), [401, 403, 200, 200, 200, 200]),
        (
            "create_training",
            format!("training[city_id]={city}&training[title]=Intro&training[starts_at]=2030-01-07T10:00&training[location]=Office&training[capacity]=10"),
            // The other city's coordinator is told the city is not one to choose.
            [401, 403, 200, 422, 200, 200],
        ),
        ("get_training", format!("id={training}"), [401, 403, 200, 403, 200, 200]),
        (
            "register_for_training",
            format!("seat[session_id]={training}&seat[mentor_id]={mentor}"),
            // The table's mentor is available: training is behind them.
            [401, 403, 409, 403, 409, 409],
        ),
        (
            "record_attendance",
            format!("seat[session_id]={training}&seat[mentor_id]={mentor}&attended=true"),
            // The session is still to come.
            [401, 403, 409, 403, 409, 409],
        ),
        ("get_registration_page", String::new(), [401, 403, 200, 200, 200, 200]),
        // A blank registration: refused for its answers once the caller may register at all.
        ("register_mentee", r#"{"answers": []}"#.into(), [401, 403, 422, 422, 422, 422]),
        ("list_referral_links", String::new(), [401, 403, 200, 200, 200, 200]),
        (
            "create_referral_link",
            format!("link[city_id]={city}&link[partner_name]=Actiris&link[days]=30"),
            [401, 403, 200, 422, 200, 200],
        ),
        ("revoke_referral_link", format!("id={referral}"), [401, 403, 200, 403, 200, 200]),
        // A link nobody was given: the same answer for everyone.
        ("get_referral_page", format!("token={}", "0".repeat(64)), [404; 6]),
        (
            "register_by_referral",
            format!(r#"{{"token": "{}", "answers": []}}"#, "0".repeat(64)),
            [404; 6],
        ),
        ("suggest_matches", format!("kind=mentees&id={mentee}"), [401, 403, 200, 403, 200, 200]),
        ("get_matching_board", String::new(), [401, 403, 200, 200, 200, 200]),
        ("preview_pair", format!("pair[mentor_id]={mentor}&pair[mentee_id]={mentee}"), [401, 403, 200, 403, 200, 200]),
        // Running the solver is recorded in the board's history: the board's deciders only.
        ("propose_city_matches", format!("city_id={city}"), [401, 403, 200, 403, 403, 200]),
        (
            "set_pair_rule",
            format!(r#"{{"pair": {{"mentor_id": {mentor}, "mentee_id": {mentee}}}, "rule": "reject"}}"#),
            [401, 403, 200, 403, 403, 200],
        ),
        // Refused for its empty list once the caller may decide at all.
        ("accept_proposals", r#"{"pairs": []}"#.into(), [401, 403, 422, 422, 403, 422]),
        ("cancel_proposal", "duo_id=999999".into(), [401, 403, 404, 404, 403, 404]),
        ("get_matching_weights", String::new(), [401, 403, 403, 403, 403, 200]),
        ("get_mentee_musts", format!("mentee_id={mentee}"), [401, 403, 200, 403, 200, 200]),
        // Refused for its distance once the caller may record conditions for this mentee.
        ("save_mentee_musts", format!("form[mentee_id]={mentee}&form[within_km]=900"), [401, 403, 422, 422, 403, 422]),
        // Refused for a value out of range once the caller is an admin.
        (
            "save_matching_weights",
            format!(r#"{{"form": {{"city_id": {city}, "values": [["sector", "101"]]}}}}"#),
            [401, 403, 403, 403, 403, 422],
        ),
        ("get_my_duo", String::new(), [401, 200, 403, 403, 403, 403]),
        ("get_my_consents", String::new(), [401, 200, 403, 403, 403, 403]),
        ("search_audit", String::new(), [401, 403, 403, 403, 403, 200]),
        // No such consent, once the caller may withdraw any.
        ("withdraw_consent", "consent_id=999999".into(), [401, 404, 404, 404, 403, 404]),
        // Erasure cannot be undone: admins only, and refused here for an unknown person.
        ("erase_person", "kind=mentors&id=999999".into(), [401, 403, 403, 403, 403, 404]),
        // Anyone with the link confirms a sign-up; an unknown link is not found, whoever asks.
        ("confirm_sign_up", "token=unknown".into(), [404; 6]),
        ("get_retention", String::new(), [401, 403, 403, 403, 403, 200]),
        ("save_retention_months", "months=0".into(), [401, 403, 403, 403, 403, 422]),
        ("list_duos", String::new(), [401, 403, 200, 200, 200, 200]),
        ("get_duo", format!("id={duo}"), [401, 403, 200, 403, 200, 200]),
        // The table's duo is active: past its introduction and its start, once the caller may
        // change it at all.
        (
            "schedule_introduction",
            format!("plan[duo_id]={duo}&plan[at]=2030-01-07T10:00&plan[place]=Office"),
            [401, 403, 409, 403, 403, 409],
        ),
        (
            "record_introduction",
            format!("report[duo_id]={duo}&report[mentor]=accepted&report[mentee]=accepted"),
            [401, 403, 409, 403, 403, 409],
        ),
        // The calling mentor is not in this duo.
        ("sign_agreement", format!("duo_id={duo}&side=mentor"), [401, 403, 409, 403, 403, 409]),
        (
            "start_duo",
            format!("start[duo_id]={duo}&start[started_on]=2030-01-07"),
            [401, 403, 409, 403, 403, 409],
        ),
        // The calling mentor is not in this duo; staff of its city record it for the mentee.
        (
            "save_self_assessment",
            format!("assessment[duo_id]={duo}&assessment[kind]=start&assessment[self_confidence]=3&assessment[career_plan]=3&assessment[job_search_tools]=3&assessment[language]=3&assessment[network]=3"),
            [401, 403, 200, 403, 403, 200],
        ),
        // The table's duo has no start date yet, so no check-in can be dated in it.
        (
            "log_contact",
            format!("contact[duo_id]={duo}&contact[contacted_on]=2030-01-07&contact[kind]=phone&contact[person]=mentor"),
            [401, 403, 409, 403, 403, 409],
        ),
        ("remind_mentor", format!("duo_id={duo}"), [401, 403, 200, 403, 403, 200]),
        // The table's duo has no planned end, and is active rather than closing.
        ("begin_closing", format!("closing[duo_id]={duo}&closing[reason]=other"), [401, 403, 409, 403, 403, 409]),
        ("close_duo", format!("outcome[target]={duo}&outcome[outcome]=none"), [401, 403, 409, 403, 403, 409]),
        (
            "save_mentor_evaluation",
            format!("evaluation[duo_id]={duo}&evaluation[self_confidence]=3&evaluation[career_plan]=3&evaluation[job_search_tools]=3&evaluation[language]=3&evaluation[network]=3&evaluation[satisfaction]=4"),
            [401, 403, 409, 403, 403, 409],
        ),
        ("record_follow_up", "outcome[target]=999999&outcome[outcome]=none".into(), [401, 403, 404, 404, 403, 404]),
        // The calling mentor has no invitation to answer.
        ("answer_return", "answer=accepted".into(), [401, 404, 403, 403, 403, 403]),
        // The table's duo has no start date: its plan cannot change yet.
        ("add_plan_item", format!("item[duo_id]={duo}&item[title]=Update%20the%20CV"), [401, 403, 409, 403, 403, 409]),
        ("tick_step", "step_id=999999&done=true".into(), [401, 404, 404, 404, 403, 404]),
        ("get_return_pause", String::new(), [401, 403, 403, 403, 403, 200]),
        ("list_peer_sessions", String::new(), [401, 403, 200, 200, 200, 200]),
        // Coordinators see the figures of their own cities; another city's are refused.
        ("get_impact", String::new(), [401, 403, 200, 200, 200, 200]),
        ("get_impact", format!("query[city]={city}"), [401, 403, 200, 403, 200, 200]),
        // Refused for its blank fields once the caller may plan sessions at all.
        ("create_peer_session", "session[city_id]=&session[held_on]=&session[topic]=".into(), [401, 403, 422, 422, 403, 422]),
        ("get_peer_session", "id=999999".into(), [401, 403, 404, 404, 404, 404]),
        ("set_peer_attendance", "session_id=999999&mentor_id=1&attended=true".into(), [401, 403, 404, 404, 403, 404]),
        ("save_return_pause", "weeks=99".into(), [401, 403, 403, 403, 403, 422]),
        // Mentors log meetings, in their own duo only.
        ("log_meeting", format!(r#"{{"log": {}}}"#, meeting(duo)), [401, 403, 403, 403, 403, 403]),
        (
            "edit_meeting",
            format!(r#"{{"meeting_id": 999999, "log": {}}}"#, meeting(duo)),
            [401, 404, 403, 403, 403, 403],
        ),
        ("list_users", String::new(), [401, 403, 403, 403, 403, 200]),
        (
            "create_user",
            "user[display_name]=New%20Person&user[email]=bad&user[role]=coordinator&user[password]=x&user[city_ids][0]=1".into(),
            [401, 403, 403, 403, 403, 422],
        ),
        ("set_user_cities", format!("user_id={staff_user}&city_ids[0]={city}"), [401, 403, 403, 403, 403, 200]),
        ("list_outbox", String::new(), [401, 403, 403, 403, 403, 200]),
        // An empty file: refused for its content in the report once the caller may import.
        ("check_import", r#"{"kind": "mentors", "csv": ""}"#.into(), [401, 403, 403, 403, 403, 200]),
        ("run_import", r#"{"kind": "mentors", "csv": ""}"#.into(), [401, 403, 403, 403, 403, 200]),
        // Refused before anything changes: an unknown user id for the admin.
        ("set_user_disabled", "user_id=999999&disabled=true".into(), [401, 403, 403, 403, 403, 404]),
        // Last, because the coordinator's call creates the duo.
        ("propose_duo", format!("mentor_id={mentor}&mentee_id={mentee}"), [401, 403, 200, 403, 403, 409]),
        ("sign_out", String::new(), [200, 200, 200, 200, 200, 200]),
    ]
}

/// The records the table's rows name, in Antwerp.
pub(crate) async fn table_ids(app: &TestApp) -> Ids {
    let antwerp = city(&app.db, "antwerp").await;
    Ids {
        city: antwerp,
        mentor: matchable_mentor(&app.db, antwerp, 1).await,
        mentee: matchable_mentee(&app.db, antwerp, 1).await,
        staff_user: app.user(Role::Coordinator, &[antwerp]).await.0,
        training: training(&app.db, antwerp, "2030-01-08T09:00:00Z").await,
        referral: referral_link(&app.db, antwerp).await,
        duo: {
            let mentor = matchable_mentor(&app.db, antwerp, 3).await;
            let mentee = matchable_mentee(&app.db, antwerp, 3).await;
            duo(&app.db, mentor, mentee, antwerp, "active")
                .await
                .expect("active duo")
                .id
        },
    }
}

async fn each_caller_gets_exactly_what_the_table_says(db: DatabaseConnection) {
    // Every caller tries the same unknown account from the same address: more than the
    // sign-in throttle lets through, which `security` tests on its own.
    let app = TestApp::spawn_with(db, |s| s.tries_per_account = 100).await;
    let ids = table_ids(&app).await;
    let antwerp = ids.city;
    let mechelen = city(&app.db, "mechelen").await;
    let own_mentor = mentor(&app.db, antwerp, 2).await;
    let sessions = [
        None,
        Some(app.mentor_session(own_mentor).await),
        Some(app.session(Role::Coordinator, &[antwerp]).await),
        Some(app.session(Role::Coordinator, &[mechelen]).await),
        Some(app.session(Role::Manager, &[]).await),
        Some(app.session(Role::Admin, &[]).await),
    ];
    let mut mismatches = Vec::new();
    for (function, form, expected) in table(&ids) {
        // sign_out ends the session; run it on throwaway copies of the callers.
        for (caller, (session, want)) in CALLERS.iter().zip(sessions.iter().zip(expected)) {
            let session = if function == "sign_out" {
                None
            } else {
                session.as_deref()
            };
            let (status, body) = app.call(session, function, &form).await;
            if status.as_u16() != want {
                mismatches.push(format!(
                    "{function} as {caller}: got {status}, want {want}: {body}"
                ));
            }
            assert_no_internals(&body);
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

/// Errors carry codes, never database text.
fn assert_no_internals(body: &Value) {
    let text = body.to_string().to_lowercase();
    for leak in [
        "sqlx",
        "sqlite",
        "postgres",
        "constraint",
        "select ",
        "insert ",
    ] {
        assert!(!text.contains(leak), "internal detail in response: {text}");
    }
}

async fn coordinators_see_only_their_cities(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let brussels = city(&app.db, "brussels").await;
    let liege = city(&app.db, "liege").await;
    mentor(&app.db, brussels, 1).await;
    mentor(&app.db, liege, 2).await;
    let token = app.session(Role::Coordinator, &[liege]).await;
    let (status, list) = app
        .call(
            Some(&token),
            "list_people",
            "query[kind]=mentors&query[page]=1",
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["total"], 1);
    assert_eq!(list["rows"][0]["city_id"], liege);
    assert_eq!(list["cities"].as_array().map(Vec::len), Some(1));
    let (status, _) = app
        .call(
            Some(&token),
            "list_people",
            &format!("query[kind]=mentors&query[page]=1&query[city_id]={brussels}"),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}
