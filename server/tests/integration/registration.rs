//! Mentee registration over HTTP: what is stored, the special-category answer kept only with
//! its consent, every wrong answer named, a known address caught, and the city scope.

use app::db::entities::{
    availability_slots, consents, mentee_languages, mentee_referrals, mentee_sectors,
    mentee_status_changes, mentees,
};
use app::domain::role::Role;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use crate::support::app::{TestApp, refused_fields};
use crate::support::db::on_both_backends;
use crate::support::fixtures::{care_and_french, city};

on_both_backends!(
    a_registration_stores_the_mentee_and_the_consents_given,
    the_migrant_background_needs_its_own_consent,
    every_wrong_answer_is_named_at_its_field,
    a_known_address_points_to_the_existing_record,
    coordinators_register_only_in_their_cities,
    a_partner_link_registers_a_mentee_for_its_city,
    a_revoked_or_unknown_link_registers_nobody,
);

struct Choices {
    brussels: i32,
    liege: i32,
    sector: i32,
    language: i32,
}

async fn choices(db: &DatabaseConnection) -> Choices {
    let (sector, language) = care_and_french(db).await;
    Choices {
        brussels: city(db, "brussels").await,
        liege: city(db, "liege").await,
        sector,
        language,
    }
}

fn answers(c: &Choices, changes: &[(&str, &str)]) -> Value {
    let mut pairs: Vec<(String, String)> = [
        ("first_name", "Amina".to_owned()),
        ("last_name", "El Idrissi".to_owned()),
        ("email", "amina@example.be".to_owned()),
        ("phone", String::new()),
        ("birth_year", "2001".to_owned()),
        ("postcode", "1080".to_owned()),
        ("city_id", c.brussels.to_string()),
        ("goal_sector", c.sector.to_string()),
        ("education", "upper_secondary".to_owned()),
        (&*format!("language_{}", c.language), "working".to_owned()),
        ("slot", "mon-evening".to_owned()),
        ("slot", "sat-morning".to_owned()),
        ("goal", "Nursing assistant".to_owned()),
        ("referred_by", "Actiris".to_owned()),
        ("migrant_background", String::new()),
        ("consent", "yes".to_owned()),
        ("locale", "fr".to_owned()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    for (key, value) in changes {
        pairs.retain(|(k, _)| k != key);
        pairs.push(((*key).to_owned(), (*value).to_owned()));
    }
    json!({ "answers": pairs })
}

async fn register(app: &TestApp, token: &str, body: &Value) -> (StatusCode, Value) {
    app.call(Some(token), "register_mentee", &body.to_string())
        .await
}

async fn a_registration_stores_the_mentee_and_the_consents_given(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let c = choices(&app.db).await;
    let token = app.session(Role::Coordinator, &[c.brussels]).await;
    let (code, body) = register(&app, &token, &answers(&c, &[])).await;
    assert_eq!(code, StatusCode::OK, "{body}");
    let id = body["mentee_id"].as_i64().expect("id") as i32;

    let mentee = mentees::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .expect("mentee");
    assert_eq!(mentee.first_name, "Amina");
    assert_eq!(mentee.email.as_deref(), Some("amina@example.be"));
    assert_eq!(mentee.phone, None);
    assert_eq!(mentee.status, "registered");
    assert_eq!(mentee.education_level, "upper_secondary");
    assert_eq!(mentee.referred_by.as_deref(), Some("Actiris"));
    assert_eq!(mentee.migrant_background, None, "not asked, nothing stored");
    let user = mentee.created_by.expect("registered by the coordinator");
    let of = |_: ()| mentee_sectors::Column::MenteeId.eq(id);
    assert_eq!(
        mentee_sectors::Entity::find()
            .filter(of(()))
            .all(&app.db)
            .await
            .unwrap()
            .len(),
        1
    );
    let languages = mentee_languages::Entity::find()
        .filter(mentee_languages::Column::MenteeId.eq(id))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(languages[0].level, "working");
    let slots = availability_slots::Entity::find()
        .filter(availability_slots::Column::MenteeId.eq(id))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(slots.len(), 2);
    let history = mentee_status_changes::Entity::find()
        .filter(mentee_status_changes::Column::MenteeId.eq(id))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(history.len(), 1);
    let given = consents::Entity::find()
        .filter(consents::Column::MenteeId.eq(id))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(given.len(), 1);
    assert_eq!(given[0].purpose, "programme");
    assert_eq!(given[0].channel, "coordinator");
    assert_eq!(given[0].recorded_by, Some(user), "the same coordinator");
    assert_eq!(given[0].text_hash.len(), 64);
}

async fn the_migrant_background_needs_its_own_consent(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let c = choices(&app.db).await;
    let token = app.session(Role::Coordinator, &[c.brussels]).await;
    let (code, body) = register(&app, &token, &answers(&c, &[("migrant_background", "yes")])).await;
    assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["Validation"][0]["field"], "special_category_consent");
    assert_eq!(
        mentees::Entity::find().all(&app.db).await.unwrap().len(),
        0,
        "nothing stored"
    );

    let with_consent = answers(
        &c,
        &[
            ("migrant_background", "yes"),
            ("special_category_consent", "yes"),
        ],
    );
    let (code, body) = register(&app, &token, &with_consent).await;
    assert_eq!(code, StatusCode::OK, "{body}");
    let id = body["mentee_id"].as_i64().unwrap() as i32;
    let mentee = mentees::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(mentee.migrant_background, Some(true));
    let purposes: Vec<String> = consents::Entity::find()
        .filter(consents::Column::MenteeId.eq(id))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.purpose)
        .collect();
    assert_eq!(purposes, ["programme", "special_category"]);

    // Only the coordinators of the city see it; an admin or manager does not.
    let person = format!("kind=mentees&id={id}");
    let (_, seen) = app.call(Some(&token), "get_person", &person).await;
    assert_eq!(seen["migrant_background"], true);
    for role in [Role::Admin, Role::Manager] {
        let other = app.session(role, &[]).await;
        let (code, hidden) = app.call(Some(&other), "get_person", &person).await;
        assert_eq!(code, StatusCode::OK);
        assert_eq!(hidden["migrant_background"], Value::Null, "{role:?}");
    }
}

async fn every_wrong_answer_is_named_at_its_field(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let c = choices(&app.db).await;
    let token = app.session(Role::Coordinator, &[c.brussels]).await;
    let wrong = answers(
        &c,
        &[
            ("email", ""),
            ("birth_year", "1970"),
            ("goal_sector", "999999"),
            ("slot", ""),
            ("consent", ""),
        ],
    );
    let (code, body) = register(&app, &token, &wrong).await;
    assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = refused_fields(&body);
    assert_eq!(fields, ["email", "birth_year", "slots", "consent"]);
    // The unknown sector is caught once the form itself is right.
    let (code, body) = register(&app, &token, &answers(&c, &[("goal_sector", "999999")])).await;
    assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["Validation"][0]["field"], "goal_sectors");
    assert_eq!(body["Validation"][0]["code"]["code"], "invalid_choice");
}

async fn a_known_address_points_to_the_existing_record(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let c = choices(&app.db).await;
    let token = app.session(Role::Coordinator, &[c.brussels]).await;
    let (_, first) = register(&app, &token, &answers(&c, &[])).await;
    let (code, body) = register(&app, &token, &answers(&c, &[("first_name", "Other")])).await;
    assert_eq!(code, StatusCode::CONFLICT);
    assert_eq!(
        body["Conflict"]["mentee_known"]["mentee_id"],
        first["mentee_id"]
    );
    assert_eq!(mentees::Entity::find().all(&app.db).await.unwrap().len(), 1);
}

async fn coordinators_register_only_in_their_cities(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let c = choices(&app.db).await;
    let token = app.session(Role::Coordinator, &[c.liege]).await;
    let (code, body) = register(&app, &token, &answers(&c, &[])).await;
    assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["Validation"][0]["field"], "city_id");
    let (code, page) = app.call(Some(&token), "get_registration_page", "").await;
    assert_eq!(code, StatusCode::OK);
    assert_eq!(page["cities"].as_array().map(Vec::len), Some(1));
    assert_eq!(page["cities"][0]["id"], c.liege);
}

/// A link made through the API, and the token at the end of its address.
async fn link_for(app: &TestApp, token: &str, city: i32) -> (i64, String) {
    let (code, link) = app
        .call(
            Some(token),
            "create_referral_link",
            &format!("link[city_id]={city}&link[partner_name]=Actiris%20Molenbeek&link[days]=30"),
        )
        .await;
    assert_eq!(code, StatusCode::OK, "{link}");
    let url = link["url"].as_str().expect("url");
    let secret = url.rsplit('/').next().expect("token").to_owned();
    assert!(url.contains("/refer/"), "{url}");
    (link["id"].as_i64().expect("id"), secret)
}

fn referral(secret: &str, answers: &Value) -> String {
    json!({ "token": secret, "answers": answers["answers"] }).to_string()
}

async fn a_partner_link_registers_a_mentee_for_its_city(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let c = choices(&app.db).await;
    let coordinator = app.session(Role::Coordinator, &[c.liege]).await;
    let (_, secret) = link_for(&app, &coordinator, c.liege).await;

    let (code, page) = app
        .call(None, "get_referral_page", &format!("token={secret}"))
        .await;
    assert_eq!(code, StatusCode::OK, "{page}");
    assert_eq!(page["partner_name"], "Actiris Molenbeek");
    assert_eq!(page["city"]["id"], c.liege);

    // The partner cannot choose another city, nor record the special-category answer.
    let answers = answers(
        &c,
        &[
            ("migrant_background", "yes"),
            ("special_category_consent", "yes"),
            ("referred_by", ""),
        ],
    );
    let (code, body) = app
        .call(None, "register_by_referral", &referral(&secret, &answers))
        .await;
    assert_eq!(code, StatusCode::OK, "{body}");
    let mentee = mentees::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .expect("mentee");
    assert_eq!(mentee.city_id, c.liege);
    assert_eq!(mentee.status, "registered");
    assert_eq!(mentee.migrant_background, None);
    assert_eq!(mentee.created_by, None);
    assert_eq!(mentee.referred_by.as_deref(), Some("Actiris Molenbeek"));
    let given = consents::Entity::find()
        .filter(consents::Column::MenteeId.eq(mentee.id))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(given.len(), 1);
    assert_eq!(given[0].channel, "referral");
    assert_eq!(
        mentee_referrals::Entity::find()
            .all(&app.db)
            .await
            .unwrap()
            .len(),
        1
    );

    let (_, links) = app
        .call(Some(&coordinator), "list_referral_links", "")
        .await;
    assert_eq!(links["links"][0]["registered"], 1);
    assert_eq!(links["to_review"][0]["mentee_id"], mentee.id);
    assert_eq!(links["to_review"][0]["partner_name"], "Actiris Molenbeek");

    // The same address again: the same answer, and no second record.
    let (code, _) = app
        .call(None, "register_by_referral", &referral(&secret, &answers))
        .await;
    assert_eq!(code, StatusCode::OK);
    assert_eq!(mentees::Entity::find().all(&app.db).await.unwrap().len(), 1);

    // Wrong answers are named at their fields, as for a coordinator.
    let wrong = self::answers(&c, &[("email", "nobody@"), ("goal_sector", "")]);
    let (code, body) = app
        .call(None, "register_by_referral", &referral(&secret, &wrong))
        .await;
    assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["Validation"][0]["field"], "email");
    assert_eq!(body["Validation"][1]["field"], "goal_sectors");
}

async fn a_revoked_or_unknown_link_registers_nobody(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let c = choices(&app.db).await;
    let coordinator = app.session(Role::Coordinator, &[c.brussels]).await;
    let (id, secret) = link_for(&app, &coordinator, c.brussels).await;
    let (code, _) = app
        .call(
            Some(&coordinator),
            "revoke_referral_link",
            &format!("id={id}"),
        )
        .await;
    assert_eq!(code, StatusCode::OK);
    for token in [secret.as_str(), "not-a-token"] {
        let (code, _) = app
            .call(None, "get_referral_page", &format!("token={token}"))
            .await;
        assert_eq!(code, StatusCode::NOT_FOUND);
        let (code, _) = app
            .call(
                None,
                "register_by_referral",
                &referral(token, &answers(&c, &[])),
            )
            .await;
        assert_eq!(code, StatusCode::NOT_FOUND);
    }
    assert!(
        mentees::Entity::find()
            .all(&app.db)
            .await
            .unwrap()
            .is_empty()
    );
    let (_, links) = app
        .call(Some(&coordinator), "list_referral_links", "")
        .await;
    assert_eq!(links["links"][0]["revoked"], true);
}
