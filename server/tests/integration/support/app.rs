//! A running server on 127.0.0.1:0 around a test database, and ways to call
//! its server functions as anonymous, staff or mentor users.

#![allow(dead_code)] // each test module uses a subset

use app::db::entities::{mentors, user_cities, users};
use app::domain::role::Role;
use app::features::auth::service::start_session;
use app::platform::passwords::hash_password;
use app::platform::state::{AppState, Clock, Settings};
use chrono::Utc;
use leptos::config::LeptosOptions;
use reqwest::StatusCode;
use reqwest::header::{COOKIE, HeaderMap, HeaderValue, SET_COOKIE};
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, Set};
use serde_json::Value;

use super::fixtures::migrate;

pub const PASSWORD: &str = "a-test-password-2026";

/// Stops a server started by [`TestApp::spawn_for_pages`] when dropped.
pub struct ServerGuard(Option<tokio::sync::oneshot::Sender<()>>);

impl Drop for ServerGuard {
    fn drop(&mut self) {
        if let Some(stop) = self.0.take() {
            let _ = stop.send(());
        }
    }
}

pub struct TestApp {
    pub base: String,
    pub db: DatabaseConnection,
    pub settings: Settings,
    /// The server's clock: tests move it to jump ahead.
    pub clock: Clock,
}

impl TestApp {
    /// Migrates `db` and serves the whole router on a free local port.
    pub async fn spawn(db: DatabaseConnection) -> TestApp {
        Self::spawn_with(db, |_| {}).await
    }

    /// As [`TestApp::spawn`], with the settings changed by `edit` first.
    pub async fn spawn_with(db: DatabaseConnection, edit: impl FnOnce(&mut Settings)) -> TestApp {
        migrate(&db).await;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let (app, service) = Self::around(db, listener.local_addr().expect("local addr"), edit);
        tokio::spawn(async move { axum::serve(listener, service).await });
        app
    }

    /// As [`TestApp::spawn`], served by a runtime of its own whose threads have 16 MiB stacks:
    /// rendering a whole page, such as the sign-up page, goes deeper in a debug build than the
    /// 2 MiB of a test's threads. The server stops when the returned guard is dropped.
    pub async fn spawn_for_pages(db: DatabaseConnection) -> (TestApp, ServerGuard) {
        migrate(&db).await;
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.set_nonblocking(true).expect("non-blocking");
        let (app, service) = Self::around(db, listener.local_addr().expect("local addr"), |_| {});
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .thread_stack_size(16 << 20)
                .enable_all()
                .build()
                .expect("runtime");
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
                let _ = axum::serve(listener, service)
                    .with_graceful_shutdown(async {
                        let _ = stopped.await;
                    })
                    .await;
            });
        });
        (app, ServerGuard(Some(stop)))
    }

    /// The app's state around `db` for a server on `addr`, and the service to serve.
    fn around(
        db: DatabaseConnection,
        addr: std::net::SocketAddr,
        edit: impl FnOnce(&mut Settings),
    ) -> (
        TestApp,
        axum::extract::connect_info::IntoMakeServiceWithConnectInfo<
            axum::Router,
            std::net::SocketAddr,
        >,
    ) {
        let mut settings = Settings::for_url(&format!("http://{addr}"));
        edit(&mut settings);
        let clock = Clock::default();
        let state = AppState::new(db.clone(), settings.clone(), clock.clone());
        let options = LeptosOptions::builder()
            .output_name("duo")
            .site_addr(addr)
            .build();
        let router = server::startup::router(state, options);
        let service = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
        let app = TestApp {
            base: format!("http://{addr}"),
            db,
            settings,
            clock,
        };
        (app, service)
    }

    /// POSTs a body to a server function, as a browser's fetch would, and
    /// returns the status and JSON body. A body starting with `{` is sent as
    /// JSON (server functions declared `input = Json`), any other as a form.
    pub async fn call(
        &self,
        session: Option<&str>,
        function: &str,
        form: &str,
    ) -> (StatusCode, Value) {
        let mut request = reqwest::Client::new()
            .post(format!("{}/api/{function}", self.base))
            .header("content-type", content_type(form))
            .header("accept", "application/json")
            .body(form.to_owned());
        if let Some(token) = session {
            request = request.header(COOKIE, format!("duo_session={token}"));
        }
        let response = request.send().await.expect("request");
        let status = response.status();
        let text = response.text().await.expect("body");
        let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
        (status, body)
    }

    /// POSTs `body` as `content_type` to any path, with extra headers (a cookie, a forwarded
    /// address, a browser's `Sec-Fetch-Site`): the status and the body as text. For requests
    /// `call` cannot shape, such as bodies that are not UTF-8.
    pub async fn post_raw(
        &self,
        path: &str,
        content_type: &str,
        body: impl Into<Vec<u8>>,
        headers: &[(&str, &str)],
    ) -> (StatusCode, String) {
        let mut request = reqwest::Client::new()
            .post(format!("{}{path}", self.base))
            .header("content-type", content_type)
            .body(body.into());
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = request.send().await.expect("request");
        let status = response.status();
        (status, response.text().await.unwrap_or_default())
    }

    /// Like `call`, returning the response headers too.
    pub async fn call_with_headers(
        &self,
        session: Option<&str>,
        function: &str,
        form: &str,
    ) -> (StatusCode, HeaderMap, Value) {
        let mut request = reqwest::Client::new()
            .post(format!("{}/api/{function}", self.base))
            .header("content-type", content_type(form))
            .header("accept", "application/json")
            .body(form.to_owned());
        if let Some(token) = session {
            request = request.header(
                COOKIE,
                HeaderValue::from_str(&format!("duo_session={token}")).expect("cookie"),
            );
        }
        let response = request.send().await.expect("request");
        let status = response.status();
        let headers = response.headers().clone();
        let text = response.text().await.expect("body");
        (
            status,
            headers,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    /// GETs a download link with the session cookie, as a browser follows it: the status, the
    /// content type (with " attachment" when it is offered as a file) and the body.
    pub async fn download(
        &self,
        session: Option<&str>,
        path: &str,
    ) -> (StatusCode, String, String) {
        let mut request = reqwest::Client::new().get(format!("{}{path}", self.base));
        if let Some(token) = session {
            request = request.header(COOKIE, format!("duo_session={token}"));
        }
        let response = request.send().await.expect("request");
        let status = response.status();
        let kind = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let attachment = response
            .headers()
            .contains_key(reqwest::header::CONTENT_DISPOSITION);
        let body = response.text().await.expect("body");
        let kind = format!("{kind}{}", if attachment { " attachment" } else { "" });
        (status, kind, body)
    }

    /// A user of `role` (scoped to `cities` when a coordinator), with a
    /// password for staff. Returns the user id and e-mail.
    pub async fn user(&self, role: Role, cities: &[i32]) -> (i32, String) {
        let email = format!(
            "{}-{}@example.be",
            role.as_str(),
            super::db::unique_name("u").replace('_', "-")
        );
        let hash = if role == Role::Mentor {
            None
        } else {
            Some(hash_password(PASSWORD.into()).await.expect("hash"))
        };
        let user = users::ActiveModel {
            email: Set(email.clone()),
            display_name: Set(format!("Test {}", role.as_str())),
            role: Set(role.as_str().to_owned()),
            locale: Set("en".to_owned()),
            password_hash: Set(hash),
            disabled_at: Set(None),
            created_at: Set(Utc::now()),
            last_sign_in_at: Set(None),
            ..Default::default()
        }
        .insert(&self.db)
        .await
        .expect("insert user");
        for city in cities {
            user_cities::ActiveModel {
                user_id: Set(user.id),
                city_id: Set(*city),
            }
            .insert(&self.db)
            .await
            .expect("insert user city");
        }
        (user.id, email)
    }

    /// A session token for a new user of `role`, as if they had signed in.
    pub async fn session(&self, role: Role, cities: &[i32]) -> String {
        let (id, _) = self.user(role, cities).await;
        start_session(&self.db, id, &self.settings, None)
            .await
            .expect("session")
    }

    /// A session for a mentor user linked to the mentor record `mentor_id`.
    pub async fn mentor_session(&self, mentor_id: i32) -> String {
        let (user_id, _) = self.user(Role::Mentor, &[]).await;
        let mut mentor: mentors::ActiveModel = mentors::Entity::find_by_id(mentor_id)
            .one(&self.db)
            .await
            .expect("load mentor")
            .expect("mentor exists")
            .into();
        mentor.user_id = Set(Some(user_id));
        mentor.update(&self.db).await.expect("link mentor user");
        start_session(&self.db, user_id, &self.settings, None)
            .await
            .expect("session")
    }
}

/// The session token a response sets, if any.
fn content_type(body: &str) -> &'static str {
    if body.starts_with('{') {
        "application/json"
    } else {
        "application/x-www-form-urlencoded"
    }
}

pub fn session_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| {
            v.strip_prefix("duo_session=")?
                .split(';')
                .next()
                .map(str::to_owned)
        })
        .filter(|token| !token.is_empty())
}

/// The fields a `Validation` refusal names, in its order; empty for any other answer.
pub fn refused_fields(body: &Value) -> Vec<&str> {
    body["Validation"]
        .as_array()
        .map(|errors| errors.iter().filter_map(|e| e["field"].as_str()).collect())
        .unwrap_or_default()
}
