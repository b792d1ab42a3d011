//! What protects every request: cross-site refusal, and the headers of pages and data.

use app::domain::role::Role;
use reqwest::StatusCode;
use reqwest::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, COOKIE, HeaderMap};
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};

use app::db::entities::outbox;

use crate::support::app::TestApp;
use crate::support::db::on_both_backends;

on_both_backends!(
    a_cross_site_post_is_refused_and_changes_nothing,
    pages_carry_a_policy_with_their_nonce_and_the_usual_headers,
    wrong_passwords_stop_one_address_without_locking_the_account,
    each_address_has_a_count_of_its_own,
    a_common_password_is_refused_for_staff
);

/// A form POST with extra headers.
async fn post(
    app: &TestApp,
    path: &str,
    body: &str,
    headers: &[(&str, &str)],
) -> (StatusCode, String) {
    app.post_raw(path, "application/x-www-form-urlencoded", body, headers)
        .await
}

async fn a_cross_site_post_is_refused_and_changes_nothing(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    // A mentor's address: an allowed request queues a sign-in link.
    let (_, email) = app.user(Role::Mentor, &[]).await;
    let ask = format!("email={}", email.replace('@', "%40"));
    let ask = ask.as_str();
    let own = app.base.clone();
    let refused: [&[(&str, &str)]; 4] = [
        &[("sec-fetch-site", "cross-site")],
        &[("sec-fetch-site", "same-site")],
        &[("origin", "https://evil.example")],
        &[("sec-fetch-site", "cross-site"), ("origin", own.as_str())],
    ];
    for headers in refused {
        let (status, body) = post(&app, "/api/request_magic_link", ask, headers).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{headers:?}");
        assert_eq!(body, r#""Forbidden""#, "{headers:?}");
        // The plain form of the public sign-up too.
        let (status, _) = post(&app, "/volunteer/apply", "first_name=x", headers).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{headers:?}");
    }
    assert_eq!(
        outbox::Entity::find().count(&app.db).await.expect("count"),
        0
    );

    // The site's own pages, and clients that are not browsers, are let through.
    let allowed: [&[(&str, &str)]; 3] = [
        &[("sec-fetch-site", "same-origin")],
        &[("origin", own.as_str())],
        &[],
    ];
    for headers in allowed {
        let (status, body) = post(&app, "/api/request_magic_link", ask, headers).await;
        assert_eq!(status, StatusCode::OK, "{headers:?}: {body}");
    }
    assert!(outbox::Entity::find().count(&app.db).await.expect("count") > 0);
}

#[test]
fn every_server_function_answers_post_only() {
    let not_post: Vec<String> = server_fn::axum::server_fn_paths()
        .filter(|(_, method)| *method != http::Method::POST)
        .map(|(path, method)| format!("{method} {path}"))
        .collect();
    assert!(
        not_post.is_empty(),
        "a GET must not change state: {not_post:?}"
    );
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> &'a str {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

async fn pages_carry_a_policy_with_their_nonce_and_the_usual_headers(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let page = reqwest::get(format!("{}/sign-in", app.base))
        .await
        .expect("page");
    assert_eq!(page.status(), StatusCode::OK);
    let headers = page.headers().clone();
    let html = page.text().await.expect("html");
    let policy = header(&headers, CONTENT_SECURITY_POLICY.as_str()).to_owned();
    let nonce = policy
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce in the policy");
    assert!(nonce.len() >= 16, "{policy}");
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    // Every inline script of the page carries the nonce; none runs without it.
    let scripts: Vec<&str> = html.split("<script").skip(1).collect();
    assert!(!scripts.is_empty());
    for script in scripts {
        let (tag, rest) = script.split_once('>').unwrap_or_default();
        let text = rest.split("</script>").next().unwrap_or_default();
        // The empty script closing a streamed page is allowed by its hash.
        assert!(
            tag.contains(" src=") || tag.contains(&format!("nonce=\"{nonce}\"")) || text.is_empty(),
            "a script without the nonce: <script{tag}>{text}"
        );
    }
    assert_eq!(header(&headers, "x-content-type-options"), "nosniff");
    assert_eq!(header(&headers, "referrer-policy"), "same-origin");
    assert_eq!(header(&headers, "x-frame-options"), "DENY");
    assert_eq!(
        header(&headers, "strict-transport-security"),
        "",
        "HTTP only here"
    );
    assert_eq!(
        header(&headers, CACHE_CONTROL.as_str()),
        "",
        "nobody is signed in"
    );

    // A second page gets a nonce of its own.
    let again = reqwest::get(format!("{}/sign-in", app.base))
        .await
        .expect("page");
    assert!(!header(again.headers(), "content-security-policy").contains(nonce));

    // Data for someone signed in is not kept by caches, and allows no inline script at all.
    let session = app.session(Role::Admin, &[]).await;
    let (_, headers, _) = app
        .call_with_headers(Some(&session), "get_session_user", "")
        .await;
    assert_eq!(header(&headers, CACHE_CONTROL.as_str()), "no-store");
    let policy = header(&headers, CONTENT_SECURITY_POLICY.as_str());
    assert!(
        policy.contains("script-src 'self'") && !policy.contains("nonce"),
        "{policy}"
    );
    let signed_in_page = reqwest::Client::new()
        .get(format!("{}/admin/users", app.base))
        .header(COOKIE, format!("duo_session={session}"))
        .send()
        .await
        .expect("page");
    assert_eq!(
        header(signed_in_page.headers(), "cache-control"),
        "no-store"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn https_adds_hsts() {
    let db = app::platform::database::connect("sqlite::memory:", 1)
        .await
        .expect("open");
    let app = TestApp::spawn_with(db, |settings| settings.secure_cookies = true).await;
    let page = reqwest::get(format!("{}/health", app.base))
        .await
        .expect("health");
    assert_eq!(
        header(page.headers(), "strict-transport-security"),
        "max-age=31536000; includeSubDomains"
    );
}

async fn sign_in_from(app: &TestApp, address: &str, email: &str, password: &str) -> StatusCode {
    let body = format!("email={}&password={}", email.replace('@', "%40"), password);
    post(
        app,
        "/api/sign_in",
        &body,
        &[("x-forwarded-for", address), ("accept", "application/json")],
    )
    .await
    .0
}

async fn wrong_passwords_stop_one_address_without_locking_the_account(db: DatabaseConnection) {
    let app = TestApp::spawn_with(db, |s| s.trust_proxy = true).await;
    let (_, email) = app.user(Role::Coordinator, &[]).await;
    let password = crate::support::app::PASSWORD;
    // Signing in again and again is no guess: right passwords are not counted.
    for _ in 0..8 {
        assert_eq!(
            sign_in_from(&app, "198.51.100.1", &email, password).await,
            StatusCode::OK
        );
    }
    for _ in 0..5 {
        let status = sign_in_from(&app, "203.0.113.9", &email, "not-the-password").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    // The guesser's address is stopped, even with the right password now ...
    let (status, body) = post(
        &app,
        "/api/sign_in",
        &format!("email={}&password={password}", email.replace('@', "%40")),
        &[
            ("x-forwarded-for", "203.0.113.9"),
            ("accept", "application/json"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(body, r#""RateLimited""#);
    // ... and the real person, elsewhere, is not.
    assert_eq!(
        sign_in_from(&app, "198.51.100.1", &email, password).await,
        StatusCode::OK
    );
    // Other accounts from the guesser's address are not blocked by this one's count.
    let (_, other) = app.user(Role::Coordinator, &[]).await;
    assert_eq!(
        sign_in_from(&app, "203.0.113.9", &other, password).await,
        StatusCode::OK
    );
    // Nothing in the limits table names an address or an e-mail.
    let buckets: Vec<String> = app::db::entities::rate_limits::Entity::find()
        .all(&app.db)
        .await
        .expect("buckets")
        .into_iter()
        .map(|b| b.bucket)
        .collect();
    assert!(
        buckets
            .iter()
            .all(|b| !b.contains("203.0.113") && !b.contains("198.51") && !b.contains('@')),
        "{buckets:?}"
    );

    // Sign-in links: five per account and address.
    let (_, mentor) = app.user(Role::Mentor, &[]).await;
    let ask = format!("email={}", mentor.replace('@', "%40"));
    for n in 0..6 {
        let (status, _) = post(
            &app,
            "/api/request_magic_link",
            &ask,
            &[("x-forwarded-for", "203.0.113.50")],
        )
        .await;
        let expected = if n < 5 {
            StatusCode::OK
        } else {
            StatusCode::TOO_MANY_REQUESTS
        };
        assert_eq!(status, expected, "link request {n}");
    }
    assert_eq!(
        outbox::Entity::find().count(&app.db).await.expect("count"),
        5
    );
}

async fn each_address_has_a_count_of_its_own(db: DatabaseConnection) {
    let app = TestApp::spawn_with(db, |s| {
        s.trust_proxy = true;
        s.sign_ins_per_address = 3;
    })
    .await;
    let password = crate::support::app::PASSWORD;
    let mut emails = Vec::new();
    for _ in 0..4 {
        emails.push(app.user(Role::Admin, &[]).await.1);
    }
    for email in &emails[..3] {
        assert_eq!(
            sign_in_from(&app, "192.0.2.7", email, password).await,
            StatusCode::OK
        );
    }
    let fourth = sign_in_from(&app, "192.0.2.7", &emails[3], password).await;
    assert_eq!(fourth, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        sign_in_from(&app, "192.0.2.8", &emails[3], password).await,
        StatusCode::OK
    );
    // Using sign-in links counts too.
    for n in 0..4 {
        let (status, _) = post(
            &app,
            "/api/redeem_magic_link",
            &format!("token={}", "ab".repeat(32)),
            &[("x-forwarded-for", "192.0.2.9")],
        )
        .await;
        let expected = if n < 3 {
            StatusCode::UNPROCESSABLE_ENTITY
        } else {
            StatusCode::TOO_MANY_REQUESTS
        };
        assert_eq!(status, expected, "link use {n}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stored_script_is_shown_as_text() {
    use app::db::entities::mentors;
    use sea_orm::{ActiveModelTrait, Set};

    crate::support::db::with_sqlite(|db| async move {
        let app = TestApp::spawn(db).await;
        let brussels = crate::support::fixtures::city(&app.db, "brussels").await;
        let id = crate::support::fixtures::mentor(&app.db, brussels, 1).await;
        let markup = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        mentors::ActiveModel {
            id: Set(id),
            first_name: Set(markup.to_owned()),
            ..Default::default()
        }
        .update(&app.db)
        .await
        .expect("rename");
        let session = app.session(Role::Coordinator, &[brussels]).await;
        for path in [
            format!("/coordinator/mentors/{id}"),
            "/coordinator/pipeline".into(),
        ] {
            let page = reqwest::Client::new()
                .get(format!("{}{path}", app.base))
                .header(COOKIE, format!("duo_session={session}"))
                .send()
                .await
                .expect("page");
            assert_eq!(page.status(), StatusCode::OK, "{path}");
            let html = page.text().await.expect("html");
            assert!(
                !html.contains("<script>alert"),
                "{path}: markup in the page"
            );
            assert!(!html.contains("<img src=x"), "{path}: markup in the page");
            assert!(
                html.contains("&lt;script&gt;alert(1)"),
                "{path}: the name, as text"
            );
        }
    })
    .await;
}

async fn a_common_password_is_refused_for_staff(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let admin = app.session(Role::Admin, &[]).await;
    let create = |password: &str| {
        format!(
            "user[display_name]=New%20Admin&user[email]=new.admin%40example.be&user[role]=admin&user[password]={password}"
        )
    };
    let (status, body) = app
        .call(Some(&admin), "create_user", &create("Sunshine1"))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        body,
        serde_json::json!({"Validation": [{"field": "password", "code": {"code": "common_password"}}]})
    );
    let (status, body) = app
        .call(
            Some(&admin),
            "create_user",
            &create("Quartz-Lantern-Oboe-2026"),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}
