//! The public mentor application over HTTP: what is stored, what is sent, and what a bot, a
//! repeat applicant, a hurried script or a broken form gets back.

use app::db::entities::{
    availability_slots, consents, mentor_languages, mentor_sectors, mentor_status_changes, mentors,
    outbox,
};
use app::domain::consent::PRIVACY_NOTICE_VERSION;
use reqwest::StatusCode;
use reqwest::redirect::Policy;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use crate::support::app::{TestApp, refused_fields};
use crate::support::db::on_both_backends;
use crate::support::fixtures::{care_and_french, city};

on_both_backends!(
    an_application_records_the_mentor_consent_and_mail,
    the_applicant_confirms_their_address_once,
    a_known_address_gets_the_same_answer_and_no_second_record,
    the_honeypot_stores_nothing,
    ineligible_applicants_are_told_why_and_nothing_is_kept,
    every_wrong_answer_is_named,
    applications_are_limited_per_address,
    a_plain_form_post_round_trips_its_errors,
    broken_and_oversized_bodies_get_a_clear_4xx,
);

struct Choices {
    city: i32,
    sector: i32,
    language: i32,
}

async fn choices(db: &DatabaseConnection) -> Choices {
    let (sector, language) = care_and_french(db).await;
    Choices {
        city: city(db, "brussels").await,
        sector,
        language,
    }
}

fn answers(c: &Choices, email: &str) -> Vec<(String, String)> {
    let pairs = [
        ("first_name", "Marie".to_owned()),
        ("last_name", "Dupont".to_owned()),
        ("email", email.to_owned()),
        ("phone", "0470 12 34 56".to_owned()),
        ("birth_year", "1960".to_owned()),
        ("postcode", "1050".to_owned()),
        ("city_id", c.city.to_string()),
        (&*format!("years_{}", c.sector), "30".to_owned()),
        (&*format!("language_{}", c.language), "native".to_owned()),
        ("slot", "tue-evening".to_owned()),
        ("slot", "sat-morning".to_owned()),
        (
            "motivation",
            "Thirty years in care taught me things worth passing on.".to_owned(),
        ),
        ("heard_from", "press".to_owned()),
        ("consent", "yes".to_owned()),
        ("website", String::new()),
        ("locale", "nl".to_owned()),
    ];
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect()
}

fn with(mut pairs: Vec<(String, String)>, name: &str, value: &str) -> Vec<(String, String)> {
    pairs.retain(|(k, _)| k != name);
    pairs.push((name.to_owned(), value.to_owned()));
    pairs
}

async fn apply(app: &TestApp, pairs: &[(String, String)]) -> (StatusCode, Value) {
    app.call(
        None,
        "apply_as_mentor",
        &json!({ "answers": pairs }).to_string(),
    )
    .await
}

async fn count<E: EntityTrait>(db: &DatabaseConnection) -> usize {
    E::find().all(db).await.expect("count").len()
}

async fn an_application_records_the_mentor_consent_and_mail(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let c = choices(&app.db).await;
    let (status, body) = apply(&app, &answers(&c, " Marie.Dupont@Example.be ")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body, json!("Received"));

    let mentor = mentors::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .expect("mentor stored");
    assert_eq!(mentor.email, "marie.dupont@example.be");
    assert_eq!(mentor.phone.as_deref(), Some("+32470123456"));
    assert_eq!(mentor.status, "applied");
    assert_eq!(mentor.locale, "nl");
    assert_eq!(mentor.city_id, c.city);
    assert_eq!(mentor.heard_from.as_deref(), Some("press"));
    assert_eq!(mentor.user_id, None);

    let sectors = mentor_sectors::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(sectors.len(), 1);
    assert_eq!(
        (sectors[0].sector_id, sectors[0].years_experience),
        (c.sector, 30)
    );
    let languages = mentor_languages::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(languages[0].level, "native");
    assert_eq!(count::<availability_slots::Entity>(&app.db).await, 2);
    let history = mentor_status_changes::Entity::find()
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(
        (
            history[0].from_status.as_deref(),
            history[0].to_status.as_str()
        ),
        (None, "applied")
    );

    let consent = consents::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .expect("consent stored");
    assert_eq!(consent.mentor_id, Some(mentor.id));
    assert_eq!(consent.purpose, "programme");
    assert_eq!(consent.channel, "web_form");
    assert_eq!(consent.text_version, PRIVACY_NOTICE_VERSION);
    assert_eq!(consent.text_hash.len(), 64);
    assert!(consent.withdrawn_at.is_none());

    let mails = outbox::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].kind, "application_received");
    assert_eq!(mails[0].to_address, "marie.dupont@example.be");
    assert_eq!(mails[0].locale, "nl");
    assert!(
        mails[0].body_text.contains("Marie"),
        "{}",
        mails[0].body_text
    );
}

async fn the_applicant_confirms_their_address_once(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let c = choices(&app.db).await;
    apply(&app, &answers(&c, "amal@example.be")).await;
    let mentor = mentors::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .expect("mentor stored");
    assert_eq!(mentor.email_confirmed_at, None, "not yet confirmed");
    let mail = outbox::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .expect("mail");
    let link = mail
        .body_text
        .split_whitespace()
        .find(|word| word.contains("/volunteer/confirm?token="))
        .unwrap_or_else(|| panic!("no link in: {}", mail.body_text));
    let token = link.rsplit('=').next().expect("a token");
    assert_eq!(token.len(), 64, "{link}");
    let stored = mentor.confirm_token_hash.expect("a hash is kept");
    assert!(!stored.contains(token), "only the hash is kept");

    let (status, body) = app
        .call(None, "confirm_sign_up", "token=not-the-token")
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let form = format!("token={token}");
    let (status, body) = app.call(None, "confirm_sign_up", &form).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let confirmed = mentors::Entity::find_by_id(mentor.id)
        .one(&app.db)
        .await
        .unwrap()
        .expect("mentor");
    assert!(confirmed.email_confirmed_at.is_some());
    assert_eq!(confirmed.confirm_token_hash, None, "the link is spent");
    let (status, _) = app.call(None, "confirm_sign_up", &form).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "a link works once");
}

async fn a_known_address_gets_the_same_answer_and_no_second_record(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let c = choices(&app.db).await;
    let first = apply(&app, &answers(&c, "marie@example.be")).await;
    let again = with(answers(&c, "MARIE@example.be"), "locale", "fr");
    let second = apply(&app, &again).await;
    assert_eq!(first, second, "the page must not reveal a known address");
    assert_eq!(count::<mentors::Entity>(&app.db).await, 1);
    assert_eq!(count::<consents::Entity>(&app.db).await, 1);
    let mails = outbox::Entity::find()
        .filter(outbox::Column::Kind.eq("application_known"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(mails.len(), 1, "the second e-mail says what happened");
    assert_eq!(mails[0].locale, "fr");
}

async fn the_honeypot_stores_nothing(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let c = choices(&app.db).await;
    let bot = with(
        answers(&c, "bot@example.be"),
        "website",
        "http://spam.example",
    );
    let (status, body) = apply(&app, &bot).await;
    assert_eq!((status, body), (StatusCode::OK, json!("Received")));
    assert_eq!(count::<mentors::Entity>(&app.db).await, 0);
    assert_eq!(count::<outbox::Entity>(&app.db).await, 0);
}

async fn ineligible_applicants_are_told_why_and_nothing_is_kept(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let c = choices(&app.db).await;
    let young = with(answers(&c, "young@example.be"), "birth_year", "1990");
    let young = with(young, &format!("years_{}", c.sector), "0");
    let (status, body) = apply(&app, &young).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        body,
        json!({"Ineligible": [
            {"reason": "too_young", "min_age": 50},
            {"reason": "no_sector_experience"}
        ]})
    );
    assert_eq!(count::<mentors::Entity>(&app.db).await, 0);
    assert_eq!(count::<outbox::Entity>(&app.db).await, 0);
}

async fn every_wrong_answer_is_named(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let c = choices(&app.db).await;
    let wrong = with(answers(&c, "marie@"), "city_id", "999999");
    let wrong = with(wrong, "slot", "mon-night");
    let wrong = with(wrong, "consent", "");
    let (status, body) = apply(&app, &wrong).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        refused_fields(&body),
        ["email", "slots", "consent"],
        "{body}"
    );

    // A city that does not exist is found once the answers are well formed.
    let (status, body) = apply(
        &app,
        &with(answers(&c, "m@example.be"), "city_id", "999999"),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["Validation"][0]["field"], "city_id");
    assert_eq!(body["Validation"][0]["code"]["code"], "invalid_choice");
    assert_eq!(count::<mentors::Entity>(&app.db).await, 0);
}

async fn applications_are_limited_per_address(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let c = choices(&app.db).await;
    let limit = app.settings.applications_per_hour;
    for n in 0..limit {
        let (status, body) = apply(&app, &answers(&c, &format!("m{n}@example.be"))).await;
        assert_eq!(status, StatusCode::OK, "application {n}: {body}");
    }
    let (status, body) = apply(&app, &answers(&c, "one-more@example.be")).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(body, json!("RateLimited"));
    assert_eq!(count::<mentors::Entity>(&app.db).await, limit as usize);

    // The plain form gets a page a person can read, in their language.
    let response = form_post(&app, &answers(&c, "form@example.be"), "fr-BE,fr;q=0.9").await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(response.headers().contains_key("retry-after"));
    let page = response.text().await.unwrap();
    assert!(
        page.contains("<html lang=\"nl\""),
        "the form's own language wins: {page}"
    );
    assert!(page.contains("te veel aanmeldingen"), "{page}");
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(Policy::none())
        .build()
        .unwrap()
}

async fn form_post(app: &TestApp, pairs: &[(String, String)], language: &str) -> reqwest::Response {
    client()
        .post(format!("{}/volunteer/apply", app.base))
        .header("accept", "text/html")
        .header("accept-language", language)
        .form(pairs)
        .send()
        .await
        .expect("form post")
}

async fn a_plain_form_post_round_trips_its_errors(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let c = choices(&app.db).await;
    let response = form_post(&app, &answers(&c, "plain@example.be"), "en").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()["location"], "/volunteer/sent");
    assert_eq!(count::<mentors::Entity>(&app.db).await, 1);

    let wrong = with(answers(&c, "other@example.be"), "postcode", "10");
    let wrong = with(wrong, "website", "");
    let response = form_post(&app, &wrong, "en").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let token = location
        .strip_prefix("/volunteer?draft=")
        .and_then(|rest| rest.strip_suffix("#application"))
        .unwrap_or_else(|| panic!("back to the form with a draft: {location}"));
    assert!(
        !location.contains("other%40example"),
        "no answers in the address"
    );

    let (status, page) = app
        .call(None, "get_application_page", &format!("draft={token}"))
        .await;
    assert_eq!(status, StatusCode::OK);
    let draft = &page["draft"];
    assert_eq!(
        draft["outcome"],
        json!({"Refused": [{"field": "postcode", "code": {"code": "invalid_postcode"}}]})
    );
    let kept: Vec<(String, String)> = serde_json::from_value(draft["answers"].clone()).unwrap();
    assert!(kept.contains(&("email".into(), "other@example.be".into())));
    assert!(kept.contains(&("postcode".into(), "10".into())));
    assert!(kept.iter().all(|(k, _)| k != "website"));
    assert_eq!(count::<mentors::Entity>(&app.db).await, 1);

    let (_, page) = app
        .call(None, "get_application_page", "draft=not-a-token")
        .await;
    assert_eq!(page["draft"], Value::Null);
}

async fn broken_and_oversized_bodies_get_a_clear_4xx(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    choices(&app.db).await;
    let cases: Vec<(&str, &str, Vec<u8>)> = vec![
        (
            "/volunteer/apply",
            "application/x-www-form-urlencoded",
            b"first_name=%FF%FE&email=x".to_vec(),
        ),
        ("/volunteer/apply", "application/json", b"{}".to_vec()),
        (
            "/api/apply_as_mentor",
            "application/json",
            b"{not json".to_vec(),
        ),
        (
            "/api/apply_as_mentor",
            "application/json",
            br#"{"answers": [["first_name", 12]]}"#.to_vec(),
        ),
        (
            "/api/apply_as_mentor",
            "application/json",
            format!(r#"{{"answers": [["motivation", "{}"]]}}"#, "x".repeat(5000)).into_bytes(),
        ),
        (
            "/volunteer/apply",
            "application/x-www-form-urlencoded",
            format!("motivation={}", "x".repeat(300 * 1024)).into_bytes(),
        ),
    ];
    for (path, content_type, body) in cases {
        // A browser posts the plain form; the page's script calls the server function.
        let accept = if path.starts_with("/api/") {
            "application/json"
        } else {
            "text/html"
        };
        let response = client()
            .post(format!("{}{path}", app.base))
            .header("content-type", content_type)
            .header("accept", accept)
            .body(body.clone())
            .send()
            .await
            .expect("request");
        let status = response.status();
        let text = response.text().await.unwrap_or_default();
        assert!(
            status.is_client_error(),
            "{path} with {} bytes of {content_type}: got {status}: {text}",
            body.len()
        );
        assert!(!text.contains("<script>"), "{text}");
    }
    assert_eq!(count::<mentors::Entity>(&app.db).await, 0);
}
