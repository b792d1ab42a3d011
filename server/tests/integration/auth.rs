//! Sign-in, sessions and magic links over HTTP.

use app::db::entities::{magic_links, outbox, sessions};
use app::domain::role::Role;
use app::features::auth::service::token_hash;
use chrono::{Duration, Utc};
use reqwest::StatusCode;
use reqwest::header::SET_COOKIE;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;

use crate::support::app::{PASSWORD, TestApp, session_cookie};
use crate::support::db::on_both_backends;
use crate::support::fixtures::{city, mentor};

on_both_backends!(
    staff_sign_in_starts_a_fresh_http_only_session,
    a_wrong_password_and_an_unknown_email_get_the_same_answer,
    sign_out_ends_the_session_on_the_server,
    a_magic_link_signs_a_mentor_in_once,
    a_magic_link_expires_after_fifteen_minutes,
    an_unknown_address_gets_the_same_answer_and_no_mail,
    an_idle_session_ends,
    disabling_a_user_ends_their_sessions,
);

fn credentials(email: &str, password: &str) -> String {
    format!("email={}&password={}", email.replace('@', "%40"), password)
}

async fn staff_sign_in_starts_a_fresh_http_only_session(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let liege = city(&app.db, "liege").await;
    let (_, email) = app.user(Role::Coordinator, &[liege]).await;
    let planted = app.session(Role::Coordinator, &[liege]).await;

    let (status, headers, body) = app
        .call_with_headers(Some(&planted), "sign_in", &credentials(&email, PASSWORD))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["email"], json!(email));
    assert_eq!(body["city_ids"], json!([liege]));
    let cookie = headers
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("duo_session="))
        .expect("session cookie")
        .to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(
        !cookie.contains("Secure"),
        "plain http must not set Secure: {cookie}"
    );
    let token = session_cookie(&headers).expect("token");
    assert_ne!(token, planted, "the session id is renewed at sign-in");
    // The session that was in the browser before sign-in is gone.
    assert!(
        sessions::Entity::find_by_id(token_hash(&planted))
            .one(&app.db)
            .await
            .expect("query")
            .is_none()
    );

    let (_, me) = app.call(Some(&token), "get_session_user", "").await;
    assert_eq!(me["email"], json!(email));
    assert_eq!(me["role"], json!("coordinator"));
}

async fn a_wrong_password_and_an_unknown_email_get_the_same_answer(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let (_, email) = app.user(Role::Admin, &[]).await;
    let refused =
        json!({"Validation": [{"field": "password", "code": {"code": "invalid_credentials"}}]});

    let (status, body) = app
        .call(None, "sign_in", &credentials(&email, "not-the-password"))
        .await;
    assert_eq!(
        (status, &body),
        (StatusCode::UNPROCESSABLE_ENTITY, &refused)
    );
    let (status, body) = app
        .call(None, "sign_in", &credentials("nobody@example.be", PASSWORD))
        .await;
    assert_eq!(
        (status, &body),
        (StatusCode::UNPROCESSABLE_ENTITY, &refused)
    );

    // Mentors have no password: the password form never lets them in.
    let (_, mentor_email) = app.user(Role::Mentor, &[]).await;
    let (status, _) = app
        .call(None, "sign_in", &credentials(&mentor_email, PASSWORD))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    let (status, body) = app
        .call(None, "sign_in", "email=not-an-email&password=x")
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["Validation"][0]["field"], json!("email"));
}

async fn sign_out_ends_the_session_on_the_server(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let token = app.session(Role::Admin, &[]).await;
    let (status, _) = app.call(Some(&token), "list_users", "").await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = app.call(Some(&token), "sign_out", "").await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = app.call(Some(&token), "list_users", "").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

/// Requests a link for `email` and returns the token from the e-mail.
async fn link_token(app: &TestApp, email: &str) -> String {
    let (status, _) = app
        .call(
            None,
            "request_magic_link",
            &format!("email={}", email.replace('@', "%40")),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let mail = outbox::Entity::find()
        .filter(outbox::Column::ToAddress.eq(email))
        .one(&app.db)
        .await
        .expect("query")
        .expect("a sign-in e-mail in the outbox");
    assert_eq!(mail.kind, "magic_link");
    let start = mail.body_text.find("token=").expect("link in body") + "token=".len();
    mail.body_text[start..start + 64].to_owned()
}

async fn a_magic_link_signs_a_mentor_in_once(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let ghent = city(&app.db, "ghent").await;
    let mentor_id = mentor(&app.db, ghent, 1).await;
    app.mentor_session(mentor_id).await;
    let email = app::db::entities::users::Entity::find()
        .filter(app::db::entities::users::Column::Role.eq("mentor"))
        .one(&app.db)
        .await
        .expect("query")
        .expect("mentor user")
        .email;
    let token = link_token(&app, &email).await;

    let (status, headers, body) = app
        .call_with_headers(None, "redeem_magic_link", &format!("token={token}"))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["mentor_id"], json!(mentor_id));
    let session = session_cookie(&headers).expect("session cookie");
    let (status, duo) = app.call(Some(&session), "get_my_duo", "").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(duo["duo"], json!(null));

    let (status, body) = app
        .call(None, "redeem_magic_link", &format!("token={token}"))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["Validation"][0]["code"]["code"], json!("link_expired"));
}

async fn a_magic_link_expires_after_fifteen_minutes(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let (_, email) = app.user(Role::Mentor, &[]).await;
    let token = link_token(&app, &email).await;
    let link = magic_links::Entity::find_by_id(token_hash(&token))
        .one(&app.db)
        .await
        .expect("q")
        .expect("link");
    assert_eq!(link.expires_at - link.created_at, Duration::minutes(15));

    magic_links::Entity::update_many()
        .col_expr(
            magic_links::Column::ExpiresAt,
            Expr::value(Utc::now() - Duration::seconds(1)),
        )
        .exec(&app.db)
        .await
        .expect("expire");
    let (status, body) = app
        .call(None, "redeem_magic_link", &format!("token={token}"))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["Validation"][0]["field"], json!("token"));
}

async fn an_unknown_address_gets_the_same_answer_and_no_mail(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let (_, staff_email) = app.user(Role::Coordinator, &[]).await;
    for email in ["nobody@example.be", staff_email.as_str()] {
        let (status, body) = app
            .call(
                None,
                "request_magic_link",
                &format!("email={}", email.replace('@', "%40")),
            )
            .await;
        assert_eq!((status, body), (StatusCode::OK, json!(null)));
    }
    assert_eq!(
        outbox::Entity::find().count(&app.db).await.expect("count"),
        0
    );
}

async fn an_idle_session_ends(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let token = app.session(Role::Manager, &[]).await;
    sessions::Entity::update_many()
        .col_expr(
            sessions::Column::LastSeenAt,
            Expr::value(Utc::now() - Duration::days(4)),
        )
        .exec(&app.db)
        .await
        .expect("age session");
    let (status, _) = app
        .call(
            Some(&token),
            "list_people",
            "query[kind]=mentors&query[page]=1",
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        sessions::Entity::find()
            .count(&app.db)
            .await
            .expect("count"),
        0
    );
}

async fn disabling_a_user_ends_their_sessions(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let admin = app.session(Role::Admin, &[]).await;
    let (coordinator_id, _) = app.user(Role::Coordinator, &[]).await;
    let coordinator =
        app::features::auth::service::start_session(&app.db, coordinator_id, &app.settings, None)
            .await
            .expect("session");
    let (status, _) = app
        .call(
            Some(&admin),
            "set_user_disabled",
            &format!("user_id={coordinator_id}&disabled=true"),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, me) = app.call(Some(&coordinator), "get_session_user", "").await;
    assert_eq!(me, json!(null));
}
