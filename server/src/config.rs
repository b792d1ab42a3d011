//! Configuration from environment variables, each with a default that makes
//! `make run` work on a bare machine. The README lists them all.

use std::net::SocketAddr;
use std::time::Duration;

use app::platform::state::Settings;

#[derive(Debug, Clone)]
pub struct Config {
    /// `DATABASE_URL`: SQLite file by default, or `postgres://…`.
    pub database_url: String,
    /// `DATABASE_POOL_SIZE`: connections in the pool.
    pub pool_size: u32,
    /// `SITE_ADDR`: where to listen.
    pub site_addr: SocketAddr,
    /// `SMTP_URL`: e.g. `smtp://user:pass@host:587?tls=required`. Unset, mail
    /// goes to the log and the admin outbox page.
    pub smtp_url: Option<String>,
    /// `MAIL_FROM`: the sender of every e-mail.
    pub mail_from: String,
    /// `PUBLIC_URL` and the session settings derived from it.
    pub settings: Settings,
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/duo.sqlite?mode=rwc";

impl Config {
    pub fn from_env() -> Result<Config, String> {
        let site_addr: SocketAddr = var("SITE_ADDR")
            .or_else(|| var("LEPTOS_SITE_ADDR"))
            .unwrap_or_else(|| "127.0.0.1:3000".into())
            .parse()
            .map_err(|e| format!("SITE_ADDR is not an address like 127.0.0.1:3000: {e}"))?;
        let public_url = var("PUBLIC_URL").unwrap_or_else(|| format!("http://{site_addr}"));
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err("PUBLIC_URL must start with http:// or https://".into());
        }
        let mut settings = Settings::for_url(&public_url);
        if let Some(minutes) = number("SESSION_IDLE_MINUTES")? {
            settings.session_idle = Duration::from_secs(minutes * 60);
        }
        if let Some(days) = number("SESSION_MAX_DAYS")? {
            settings.session_lifetime = Duration::from_secs(days * 24 * 3600);
        }
        settings.trust_proxy = matches!(var("TRUST_PROXY").as_deref(), Some("1" | "true"));
        settings.test_clock = var("APP_ENV").as_deref() == Some("test");
        if let Some(n) = number("APPLICATIONS_PER_HOUR")? {
            settings.applications_per_hour = n.clamp(1, u64::from(u32::MAX)) as u32;
        }
        Ok(Config {
            database_url: var("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.into()),
            pool_size: number("DATABASE_POOL_SIZE")?.map_or(8, |n| n.clamp(1, 200) as u32),
            site_addr,
            smtp_url: var("SMTP_URL"),
            mail_from: var("MAIL_FROM")
                .unwrap_or_else(|| "Duo mentoring <no-reply@duo.localhost>".into()),
            settings,
        })
    }

    pub fn is_sqlite(&self) -> bool {
        self.database_url.starts_with("sqlite:")
    }
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn number(name: &str) -> Result<Option<u64>, String> {
    var(name)
        .map(|v| {
            v.parse::<u64>()
                .map_err(|_| format!("{name} must be a whole number, got {v:?}"))
        })
        .transpose()
}
