//! The matching board over HTTP: hard constraints re-checked on every proposal, the city-wide
//! solver with locks and bans, accepting and undoing, the history, and the city scope.

use app::db::entities::{duos, mentees, mentors};
use app::domain::role::Role;
use reqwest::StatusCode;
use sea_orm::{DatabaseConnection, EntityTrait};
use serde_json::{Value, json};

use crate::support::app::TestApp;
use crate::support::db::on_both_backends;
use crate::support::fixtures::{
    city, matchable_mentee, matchable_mentor, mentee, mentor, proposed_duos as open_duos,
};

on_both_backends!(
    a_pair_without_a_working_language_is_refused_server_side,
    a_banned_pair_is_refused_and_left_out_of_the_proposals,
    the_city_proposals_keep_locks_and_become_duos_when_accepted,
    an_undone_proposal_returns_both_to_the_pool,
    the_board_pages_and_filters_its_columns,
    the_board_keeps_to_the_callers_cities,
    a_mentees_conditions_are_hard_constraints,
);

fn pair(mentor_id: i32, mentee_id: i32) -> String {
    format!("mentor_id={mentor_id}&mentee_id={mentee_id}")
}

fn rule(mentor_id: i32, mentee_id: i32, rule: &str) -> String {
    json!({"pair": {"mentor_id": mentor_id, "mentee_id": mentee_id}, "rule": rule}).to_string()
}

fn history_actions(board: &Value) -> Vec<String> {
    board["history"]
        .as_array()
        .expect("history")
        .iter()
        .filter_map(|e| e["action"].as_str().map(str::to_owned))
        .collect()
}

async fn a_pair_without_a_working_language_is_refused_server_side(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let brussels = city(&app.db, "brussels").await;
    let token = app.session(Role::Coordinator, &[brussels]).await;
    let the_mentor = matchable_mentor(&app.db, brussels, 1).await;
    // Speaks nothing the mentor speaks: the UI would never offer this pair.
    let silent = mentee(&app.db, brussels, 1).await;

    let (status, body) = app
        .call(Some(&token), "propose_duo", &pair(the_mentor, silent))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(
        body["Conflict"]["pair_forbidden"]["reasons"],
        json!(["no_working_language"])
    );
    assert_eq!(open_duos(&app.db).await, 0);

    let (status, preview) = app
        .call(
            Some(&token),
            "preview_pair",
            &format!("pair[mentor_id]={the_mentor}&pair[mentee_id]={silent}"),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(preview["score"], Value::Null);
    assert_eq!(preview["reasons"], json!(["no_working_language"]));
}

async fn a_banned_pair_is_refused_and_left_out_of_the_proposals(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let ghent = city(&app.db, "ghent").await;
    let token = app.session(Role::Coordinator, &[ghent]).await;
    let the_mentor = matchable_mentor(&app.db, ghent, 1).await;
    let the_mentee = matchable_mentee(&app.db, ghent, 1).await;

    let (status, body) = app
        .call(
            Some(&token),
            "set_pair_rule",
            &rule(the_mentor, the_mentee, "ban"),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = app
        .call(Some(&token), "propose_duo", &pair(the_mentor, the_mentee))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        body["Conflict"]["pair_forbidden"]["reasons"],
        json!(["banned"])
    );

    let (status, proposals) = app
        .call(
            Some(&token),
            "propose_city_matches",
            &format!("city_id={ghent}"),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(proposals["proposals"], json!([]));
    assert_eq!(proposals["unmatched_mentees"], 1);

    // Allowed again, the pair comes back.
    app.call(
        Some(&token),
        "set_pair_rule",
        &rule(the_mentor, the_mentee, "unban"),
    )
    .await;
    let (_, proposals) = app
        .call(
            Some(&token),
            "propose_city_matches",
            &format!("city_id={ghent}"),
        )
        .await;
    assert_eq!(proposals["proposals"].as_array().map(Vec::len), Some(1));
}

async fn the_city_proposals_keep_locks_and_become_duos_when_accepted(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let liege = city(&app.db, "liege").await;
    let token = app.session(Role::Coordinator, &[liege]).await;
    let mut mentor_ids = Vec::new();
    let mut mentee_ids = Vec::new();
    for n in 0..3 {
        mentor_ids.push(matchable_mentor(&app.db, liege, n).await);
        mentee_ids.push(matchable_mentee(&app.db, liege, n).await);
    }
    let (status, first) = app
        .call(
            Some(&token),
            "propose_city_matches",
            &format!("city_id={liege}"),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{first}");
    assert_eq!(first["proposals"].as_array().map(Vec::len), Some(3));

    let (locked_mentor, locked_mentee) = (mentor_ids[2], mentee_ids[0]);
    let (status, _) = app
        .call(
            Some(&token),
            "set_pair_rule",
            &rule(locked_mentor, locked_mentee, "lock"),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, second) = app
        .call(
            Some(&token),
            "propose_city_matches",
            &format!("city_id={liege}"),
        )
        .await;
    let proposals = second["proposals"].as_array().expect("proposals").clone();
    assert_eq!(proposals.len(), 3);
    let locked: Vec<&Value> = proposals.iter().filter(|p| p["locked"] == true).collect();
    assert_eq!(locked.len(), 1);
    assert_eq!(locked[0]["mentor_id"], locked_mentor);
    assert_eq!(locked[0]["mentee_id"], locked_mentee);

    let pairs: Vec<Value> = proposals
        .iter()
        .map(|p| json!({"mentor_id": p["mentor_id"], "mentee_id": p["mentee_id"]}))
        .collect();
    let (status, outcomes) = app
        .call(
            Some(&token),
            "accept_proposals",
            &json!({ "pairs": pairs }).to_string(),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{outcomes}");
    let accepted = outcomes.as_array().expect("outcomes");
    assert!(
        accepted.iter().all(|o| o["result"]["Ok"].is_i64()),
        "{outcomes}"
    );
    assert_eq!(open_duos(&app.db).await, 3);

    // Accepting the same pairs again: each is reported as taken, nothing more is created.
    let (_, again) = app
        .call(
            Some(&token),
            "accept_proposals",
            &json!({ "pairs": pairs }).to_string(),
        )
        .await;
    assert!(
        (again.as_array().expect("outcomes").iter())
            .all(|o| o["result"]["Err"]["Conflict"] == "mentor_busy"),
        "{again}"
    );
    assert_eq!(open_duos(&app.db).await, 3);

    let (_, board) = app.call(Some(&token), "get_matching_board", "").await;
    assert_eq!(board["mentees"]["total"], 0);
    assert_eq!(board["proposed"].as_array().map(Vec::len), Some(3));
    assert_eq!(board["locks"], json!([]), "a lock ends with its duo");
    let actions = history_actions(&board);
    for expected in ["ran", "locked", "accepted"] {
        assert!(actions.iter().any(|a| a == expected), "{actions:?}");
    }
    assert!(board["history"][0]["by"].is_string());
}

async fn an_undone_proposal_returns_both_to_the_pool(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let namur = city(&app.db, "namur").await;
    let token = app.session(Role::Coordinator, &[namur]).await;
    let the_mentor = matchable_mentor(&app.db, namur, 1).await;
    let the_mentee = matchable_mentee(&app.db, namur, 1).await;
    let waiting_since = mentees::Entity::find_by_id(the_mentee)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .waiting_since;

    let (status, duo) = app
        .call(Some(&token), "propose_duo", &pair(the_mentor, the_mentee))
        .await;
    assert_eq!(status, StatusCode::OK, "{duo}");
    let duo_id = duo["id"].as_i64().expect("duo id");
    assert!(duo["score"].as_u64().is_some_and(|s| s <= 100));

    let (status, body) = app
        .call(Some(&token), "cancel_proposal", &format!("duo_id={duo_id}"))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let mentor_row = mentors::Entity::find_by_id(the_mentor)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mentee_row = mentees::Entity::find_by_id(the_mentee)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(mentor_row.status, "available");
    assert_eq!(mentee_row.status, "waiting");
    assert_eq!(mentee_row.waiting_since, waiting_since, "keeps their place");
    let duo_row = duos::Entity::find_by_id(duo_id as i32)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(duo_row.status, "declined");
    assert_eq!(duo_row.reason_code.as_deref(), Some("coordinator_withdrew"));

    // Undone once: a second undo finds nothing to undo.
    let (status, _) = app
        .call(Some(&token), "cancel_proposal", &format!("duo_id={duo_id}"))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    // And the pair can be proposed again.
    let (status, _) = app
        .call(Some(&token), "propose_duo", &pair(the_mentor, the_mentee))
        .await;
    assert_eq!(status, StatusCode::OK);
}

async fn the_board_pages_and_filters_its_columns(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let mons = city(&app.db, "mons").await;
    let token = app.session(Role::Coordinator, &[mons]).await;
    for n in 0..35 {
        mentee(&app.db, mons, n).await;
    }
    mentor(&app.db, mons, 1).await;

    let (status, board) = app.call(Some(&token), "get_matching_board", "").await;
    assert_eq!(status, StatusCode::OK, "{board}");
    assert_eq!(board["city_id"], mons);
    assert_eq!(board["mentees"]["total"], 35);
    assert_eq!(board["mentees"]["pages"], 2);
    assert_eq!(board["mentees"]["cards"].as_array().map(Vec::len), Some(30));
    assert_eq!(board["mentors"]["total"], 1);

    let (_, second) = app
        .call(Some(&token), "get_matching_board", "query[mentee_page]=2")
        .await;
    assert_eq!(second["mentees"]["page"], 2);
    assert_eq!(second["mentees"]["cards"].as_array().map(Vec::len), Some(5));

    // "Mentee 12" only: every word must match.
    let (_, found) = app
        .call(
            Some(&token),
            "get_matching_board",
            "query[search]=mentee%2012",
        )
        .await;
    assert_eq!(found["mentees"]["total"], 1);
    assert_eq!(found["mentors"]["total"], 0);

    let (status, refused) = app
        .call(
            Some(&token),
            "get_matching_board",
            &format!("query[search]={}", "x".repeat(81)),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
}

async fn the_board_keeps_to_the_callers_cities(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let brussels = city(&app.db, "brussels").await;
    let antwerp = city(&app.db, "antwerp").await;
    let the_mentor = matchable_mentor(&app.db, brussels, 1).await;
    let the_mentee = matchable_mentee(&app.db, brussels, 1).await;
    let outsider = app.session(Role::Coordinator, &[antwerp]).await;

    let (status, _) = app
        .call(
            Some(&outsider),
            "get_matching_board",
            &format!("query[city_id]={brussels}"),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app
        .call(
            Some(&outsider),
            "propose_city_matches",
            &format!("city_id={brussels}"),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app
        .call(
            Some(&outsider),
            "preview_pair",
            &format!("pair[mentor_id]={the_mentor}&pair[mentee_id]={the_mentee}"),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    for action in ["lock", "ban"] {
        let (status, _) = app
            .call(
                Some(&outsider),
                "set_pair_rule",
                &rule(the_mentor, the_mentee, action),
            )
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    let (status, outcomes) = app
        .call(
            Some(&outsider),
            "accept_proposals",
            &json!({"pairs": [{"mentor_id": the_mentor, "mentee_id": the_mentee}]}).to_string(),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(outcomes[0]["result"]["Err"], "Forbidden");
    assert_eq!(open_duos(&app.db).await, 0);

    // Their own board shows only their city, empty.
    let (_, own) = app.call(Some(&outsider), "get_matching_board", "").await;
    assert_eq!(own["city_id"], antwerp);
    assert_eq!(own["mentors"]["total"], 0);
}

async fn a_mentees_conditions_are_hard_constraints(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let leuven = city(&app.db, "leuven").await;
    let token = app.session(Role::Coordinator, &[leuven]).await;
    let the_mentor = matchable_mentor(&app.db, leuven, 1).await;
    let the_mentee = matchable_mentee(&app.db, leuven, 1).await;

    let (status, refused) = app
        .call(
            Some(&token),
            "save_mentee_musts",
            &format!("form[mentee_id]={the_mentee}&form[within_km]=0"),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused["Validation"][0]["field"], "within_km");

    let (status, _) = app
        .call(
            Some(&token),
            "save_mentee_musts",
            &format!("form[mentee_id]={the_mentee}&form[same_sector]=true&form[within_km]=15"),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, musts) = app
        .call(
            Some(&token),
            "get_mentee_musts",
            &format!("mentee_id={the_mentee}"),
        )
        .await;
    assert_eq!(musts["same_sector"], true);
    assert_eq!(musts["shared_slot"], false);
    assert_eq!(musts["within_km"], 15);

    // The mentor has no sector at all, and without postcode coordinates (no reference data
    // here) the distance is unknown, which a distance condition does not accept.
    let (status, body) = app
        .call(Some(&token), "propose_duo", &pair(the_mentor, the_mentee))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        body["Conflict"]["pair_forbidden"]["reasons"],
        json!([{"must": "same_sector"}, {"must": {"within_km": 15}}])
    );

    // Lifted, the pair is allowed again.
    app.call(
        Some(&token),
        "save_mentee_musts",
        &format!("form[mentee_id]={the_mentee}"),
    )
    .await;
    let (status, _) = app
        .call(Some(&token), "propose_duo", &pair(the_mentor, the_mentee))
        .await;
    assert_eq!(status, StatusCode::OK);
}
