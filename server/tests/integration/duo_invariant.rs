//! The one-open-duo rule under concurrency: fifty (or twenty) coordinators' requests for the
//! same person at once, through the real server function.

use app::domain::role::Role;
use reqwest::StatusCode;
use sea_orm::DatabaseConnection;
use tokio::task::JoinSet;

use crate::support::app::TestApp;
use crate::support::db::on_both_backends;
use crate::support::fixtures::{
    city, matchable_mentee, matchable_mentor, proposed_duos as open_duos,
};

on_both_backends!(
    fifty_proposals_for_one_mentor_have_exactly_one_winner,
    twenty_proposals_for_one_mentee_have_exactly_one_winner,
);

async fn race(app: &TestApp, token: &str, pairs: Vec<(i32, i32)>) -> (usize, usize) {
    let mut calls = JoinSet::new();
    for (mentor_id, mentee_id) in pairs {
        let (base, token) = (app.base.clone(), token.to_owned());
        calls.spawn(async move {
            reqwest::Client::new()
                .post(format!("{base}/api/propose_duo"))
                .header("content-type", "application/x-www-form-urlencoded")
                .header("cookie", format!("duo_session={token}"))
                .body(format!("mentor_id={mentor_id}&mentee_id={mentee_id}"))
                .send()
                .await
                .expect("request")
                .status()
        });
    }
    let (mut won, mut conflicts) = (0, 0);
    while let Some(status) = calls.join_next().await {
        match status.expect("task") {
            StatusCode::OK => won += 1,
            StatusCode::CONFLICT => conflicts += 1,
            other => panic!("unexpected status {other}"),
        }
    }
    (won, conflicts)
}

async fn fifty_proposals_for_one_mentor_have_exactly_one_winner(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let brussels = city(&app.db, "brussels").await;
    let token = app.session(Role::Coordinator, &[brussels]).await;
    let the_mentor = matchable_mentor(&app.db, brussels, 1).await;
    let mut pairs = Vec::new();
    for n in 0..50 {
        pairs.push((the_mentor, matchable_mentee(&app.db, brussels, n).await));
    }
    assert_eq!(race(&app, &token, pairs).await, (1, 49));
    assert_eq!(open_duos(&app.db).await, 1);
}

async fn twenty_proposals_for_one_mentee_have_exactly_one_winner(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let ghent = city(&app.db, "ghent").await;
    let token = app.session(Role::Coordinator, &[ghent]).await;
    let the_mentee = matchable_mentee(&app.db, ghent, 1).await;
    let mut pairs = Vec::new();
    for n in 0..20 {
        pairs.push((matchable_mentor(&app.db, ghent, n).await, the_mentee));
    }
    assert_eq!(race(&app, &token, pairs).await, (1, 19));
    assert_eq!(open_duos(&app.db).await, 1);
}
