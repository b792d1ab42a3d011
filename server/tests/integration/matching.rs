//! Suggestions over HTTP: a city's pool loaded from the database and scored by the engine,
//! with the reasons a candidate is ruled out, and the city scope.

use app::db::entities::{
    availability_slots, mentee_languages, mentee_sectors, mentor_languages, mentor_sectors,
};
use app::domain::role::Role;
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};
use serde_json::Value;

use crate::support::app::TestApp;
use crate::support::db::on_both_backends;
use crate::support::fixtures::{
    care_and_french, city, insert_mentee, insert_mentor, mentee_row, mentor_row,
};

on_both_backends!(
    a_waiting_mentee_gets_explained_suggestions,
    suggestions_keep_to_the_callers_cities,
);

async fn speaks(
    db: &DatabaseConnection,
    mentor: Option<i32>,
    mentee: Option<i32>,
    language: i32,
    level: &str,
) {
    if let Some(id) = mentor {
        mentor_languages::ActiveModel {
            mentor_id: Set(id),
            language_id: Set(language),
            level: Set(level.into()),
        }
        .insert(db)
        .await
        .expect("mentor language");
    }
    if let Some(id) = mentee {
        mentee_languages::ActiveModel {
            mentee_id: Set(id),
            language_id: Set(language),
            level: Set(level.into()),
        }
        .insert(db)
        .await
        .expect("mentee language");
    }
}

async fn free_on_monday_evening(db: &DatabaseConnection, mentor: Option<i32>, mentee: Option<i32>) {
    availability_slots::ActiveModel {
        mentor_id: Set(mentor),
        mentee_id: Set(mentee),
        weekday: Set(0),
        day_part: Set("evening".into()),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("slot");
}

fn ids(list: &Value) -> Vec<i64> {
    list.as_array()
        .map(|l| l.iter().filter_map(|s| s["id"].as_i64()).collect())
        .unwrap_or_default()
}

async fn a_waiting_mentee_gets_explained_suggestions(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let brussels = city(&app.db, "brussels").await;
    let (care, french) = care_and_french(&app.db).await;
    let mentee = insert_mentee(&app.db, mentee_row(brussels, 1))
        .await
        .unwrap();
    mentee_sectors::ActiveModel {
        mentee_id: Set(mentee),
        sector_id: Set(care),
    }
    .insert(&app.db)
    .await
    .unwrap();
    speaks(&app.db, None, Some(mentee), french, "working").await;
    free_on_monday_evening(&app.db, None, Some(mentee)).await;

    // A nurse who speaks French and is free on Monday evening; another who speaks it badly.
    let nurse = insert_mentor(&app.db, mentor_row(brussels, 1))
        .await
        .unwrap();
    mentor_sectors::ActiveModel {
        mentor_id: Set(nurse),
        sector_id: Set(care),
        years_experience: Set(30),
    }
    .insert(&app.db)
    .await
    .unwrap();
    speaks(&app.db, Some(nurse), None, french, "native").await;
    free_on_monday_evening(&app.db, Some(nurse), None).await;
    let beginner = insert_mentor(&app.db, mentor_row(brussels, 2))
        .await
        .unwrap();
    speaks(&app.db, Some(beginner), None, french, "basic").await;

    let token = app.session(Role::Coordinator, &[brussels]).await;
    let (code, body) = app
        .call(
            Some(&token),
            "suggest_matches",
            &format!("kind=mentees&id={mentee}"),
        )
        .await;
    assert_eq!(code, StatusCode::OK, "{body}");
    assert_eq!(body["candidates"], "mentors");
    assert_eq!(ids(&body["allowed"]), [i64::from(nurse)]);
    let score = &body["allowed"][0]["score"];
    let total = score["total"].as_u64().unwrap();
    assert!(total > 50, "{score}");
    let points: u64 = score["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["points"].as_u64().unwrap())
        .sum();
    assert_eq!(points, total, "the parts add up to the total");
    assert_eq!(score["parts"][0]["detail"]["kind"], "same_sector");
    assert_eq!(body["forbidden_count"], 1);
    assert_eq!(body["forbidden"][0]["id"], beginner);
    assert_eq!(body["forbidden"][0]["reasons"][0], "no_working_language");

    // From the mentor's side, the same pair.
    let (_, body) = app
        .call(
            Some(&token),
            "suggest_matches",
            &format!("kind=mentors&id={nurse}"),
        )
        .await;
    assert_eq!(ids(&body["allowed"]), [i64::from(mentee)]);
    assert_eq!(body["allowed"][0]["score"]["total"].as_u64(), Some(total));
}

async fn suggestions_keep_to_the_callers_cities(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let brussels = city(&app.db, "brussels").await;
    let liege = city(&app.db, "liege").await;
    let mut row = mentee_row(brussels, 1);
    row.status = "registered".into();
    row.waiting_since = None;
    let registered = insert_mentee(&app.db, row).await.unwrap();
    let other = app.session(Role::Coordinator, &[liege]).await;
    let (code, _) = app
        .call(
            Some(&other),
            "suggest_matches",
            &format!("kind=mentees&id={registered}"),
        )
        .await;
    assert_eq!(code, StatusCode::FORBIDDEN);
    let own = app.session(Role::Coordinator, &[brussels]).await;
    let (code, body) = app
        .call(
            Some(&own),
            "suggest_matches",
            &format!("kind=mentees&id={registered}"),
        )
        .await;
    assert_eq!(code, StatusCode::OK);
    assert_eq!(body["own_reasons"][0], "mentee_not_waiting");
    assert_eq!(body["allowed"], Value::Array(Vec::new()));
}
