//! `AppState` reaches server functions and SSR through Leptos context; it is
//! built once by the server binary at start-up.

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::DatabaseConnection;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use super::group_commit::GroupCommit;
use super::secret::Secret;
use crate::error::AppError;

/// Settings the server functions need. The server binary fills them from the
/// environment; tests build them directly.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Base address used in links sent by e-mail, without a trailing slash.
    pub public_url: String,
    /// Session cookies get `Secure` and the `__Host-` prefix when true.
    pub secure_cookies: bool,
    /// A session not used for this long ends.
    pub session_idle: Duration,
    /// A session ends this long after sign-in, however busy.
    pub session_lifetime: Duration,
    /// Public applications accepted from one address per hour; more get 429.
    pub applications_per_hour: u32,
    /// Sign-ins, link requests and link uses accepted from one address per 15 minutes.
    pub sign_ins_per_address: u32,
    /// Wrong passwords for one account from one address, and sign-in links asked for one
    /// account from one address, per 15 minutes.
    pub tries_per_account: u32,
    /// Behind a reverse proxy: take the client's address from `X-Forwarded-For`.
    pub trust_proxy: bool,
    /// `APP_ENV=test`: browser tests may move the clock through `POST /test/clock`. Never in
    /// production, where the route does not exist.
    pub test_clock: bool,
    /// `SECRET_KEY`: keys the pseudonyms of client addresses in logs and rate limits.
    pub secret: Secret,
}

impl Settings {
    pub fn for_url(public_url: &str) -> Self {
        let public_url = public_url.trim_end_matches('/').to_owned();
        Settings {
            secure_cookies: public_url.starts_with("https://"),
            public_url,
            session_idle: Duration::from_secs(3 * 24 * 3600),
            session_lifetime: Duration::from_secs(30 * 24 * 3600),
            applications_per_hour: 10,
            sign_ins_per_address: 30,
            tries_per_account: 5,
            trust_proxy: false,
            test_clock: false,
            secret: Secret::random(),
        }
    }
}

/// The time the application runs on: the system clock, moved by an offset that tests set to
/// jump ahead (a duo's six months, a follow-up's twelve) without waiting.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    offset_seconds: Arc<AtomicI64>,
}

impl Clock {
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + TimeDelta::seconds(self.offset_seconds.load(Ordering::Relaxed))
    }

    /// Moves the clock `by` ahead of the system clock (replacing any earlier move).
    pub fn set_offset(&self, by: TimeDelta) {
        self.offset_seconds
            .store(by.num_seconds(), Ordering::Relaxed);
    }
}

#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub settings: Arc<Settings>,
    pub clock: Clock,
    /// Frequent small writes (meetings logged from phones) share transactions through it.
    pub group_commit: GroupCommit,
}

impl AppState {
    pub fn new(db: DatabaseConnection, settings: Settings, clock: Clock) -> Self {
        AppState {
            group_commit: GroupCommit::new(db.clone()),
            db,
            settings: Arc::new(settings),
            clock,
        }
    }

    /// Now, by the application's clock.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// The state provided by the server to the current request.
    pub fn current() -> Result<AppState, AppError> {
        leptos::prelude::use_context::<AppState>().ok_or_else(|| {
            let reference = super::errors::new_reference();
            tracing::error!(%reference, "AppState missing from context");
            AppError::Internal { reference }
        })
    }
}
