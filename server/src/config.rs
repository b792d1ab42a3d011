//! Configuration from environment variables, each with a default that makes
//! `make run` work on a bare machine. The README lists them all.

use std::net::SocketAddr;
use std::time::Duration;

use app::platform::secret::Secret;
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
    /// `APP_ENV=production`: the start checks for a real secret and an HTTPS address.
    pub production: bool,
    /// No `SECRET_KEY` was set (never in production): this process made one up.
    pub secret_generated: bool,
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
        let app_env = var("APP_ENV");
        let production = match app_env.as_deref() {
            None | Some("development") => false,
            Some("test") => {
                settings.test_clock = true;
                false
            }
            Some("production") => true,
            Some(other) => {
                return Err(format!(
                    "APP_ENV must be production, development or test, not {other:?}"
                ));
            }
        };
        if production && !public_url.starts_with("https://") {
            return Err(format!(
                "APP_ENV=production needs PUBLIC_URL to be the https:// address users reach, not {public_url:?}: sign-in links and session cookies must not travel in clear"
            ));
        }
        let secret = var("SECRET_KEY");
        match (&secret, production) {
            (Some(key), _) => {
                check_secret(key)?;
                settings.secret = Secret::new(key.as_bytes());
            }
            (None, true) => {
                return Err("APP_ENV=production needs SECRET_KEY: at least 32 random characters, the same on every instance (for example the output of `openssl rand -hex 32`)".into());
            }
            (None, false) => {}
        }
        if let Some(n) = number("APPLICATIONS_PER_HOUR")? {
            settings.applications_per_hour = n.clamp(1, u64::from(u32::MAX)) as u32;
        }
        if let Some(n) = number("SIGN_INS_PER_ADDRESS")? {
            settings.sign_ins_per_address = n.clamp(1, u64::from(u32::MAX)) as u32;
        }
        Ok(Config {
            database_url: var("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.into()),
            pool_size: number("DATABASE_POOL_SIZE")?.map_or(8, |n| n.clamp(1, 200) as u32),
            site_addr,
            smtp_url: var("SMTP_URL"),
            mail_from: var("MAIL_FROM")
                .unwrap_or_else(|| "Duo mentoring <no-reply@duo.localhost>".into()),
            settings,
            production,
            secret_generated: secret.is_none(),
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

/// Refuses a secret an attacker could guess: short, made of few characters, or a placeholder
/// copied from documentation.
fn check_secret(key: &str) -> Result<(), String> {
    const PLACEHOLDERS: [&str; 5] = ["change", "secret", "example", "password", "xxxx"];
    let mut distinct: Vec<char> = key.chars().collect();
    distinct.sort_unstable();
    distinct.dedup();
    let lower = key.to_lowercase();
    if key.chars().count() < 32 {
        Err("SECRET_KEY is too short: use at least 32 random characters, for example the output of `openssl rand -hex 32`".into())
    } else if distinct.len() < 10 || PLACEHOLDERS.iter().any(|p| lower.contains(p)) {
        Err("SECRET_KEY looks like a placeholder, not a random value: use for example the output of `openssl rand -hex 32`".into())
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `from_env` reads the process environment, which the tests of this binary share: each
    /// case sets only the variables it names, under a lock, and clears them after.
    fn start_with(vars: &[(&str, &str)]) -> Result<Config, String> {
        let names = [
            "APP_ENV",
            "SECRET_KEY",
            "PUBLIC_URL",
            "SITE_ADDR",
            "LEPTOS_SITE_ADDR",
        ];
        // SAFETY: only this module changes the environment, under this lock, and no other
        // test of this binary reads these variables.
        static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
        let _guard = LOCK.lock().unwrap_or_else(|e| e.into_inner());
        unsafe {
            for name in names {
                std::env::remove_var(name);
            }
            for (name, value) in vars {
                std::env::set_var(name, value);
            }
        }
        let result = Config::from_env();
        unsafe {
            for name in names {
                std::env::remove_var(name);
            }
        }
        result
    }

    const GOOD: &str = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    #[test]
    fn production_needs_a_real_secret_and_https() {
        let https = ("PUBLIC_URL", "https://duo.example.be");
        let prod = ("APP_ENV", "production");
        let missing = start_with(&[prod, https]).unwrap_err();
        assert!(missing.contains("SECRET_KEY"), "{missing}");
        let short = start_with(&[prod, https, ("SECRET_KEY", "abc123")]).unwrap_err();
        assert!(short.contains("too short"), "{short}");
        let placeholder = start_with(&[
            prod,
            https,
            ("SECRET_KEY", "change-me-change-me-change-me-change-me"),
        ])
        .unwrap_err();
        assert!(placeholder.contains("placeholder"), "{placeholder}");
        let repeated = start_with(&[prod, https, ("SECRET_KEY", &"ab".repeat(20))]).unwrap_err();
        assert!(repeated.contains("placeholder"), "{repeated}");
        let plain = start_with(&[
            prod,
            ("PUBLIC_URL", "http://duo.example.be"),
            ("SECRET_KEY", GOOD),
        ])
        .unwrap_err();
        assert!(plain.contains("https://"), "{plain}");
        let config = start_with(&[prod, https, ("SECRET_KEY", GOOD)]).expect("starts");
        assert!(config.production && !config.secret_generated);
        assert!(config.settings.secure_cookies && !config.settings.test_clock);
    }

    #[test]
    fn outside_production_a_missing_secret_is_made_up_and_a_weak_one_refused() {
        let config = start_with(&[]).expect("starts");
        assert!(!config.production && config.secret_generated);
        assert!(start_with(&[("SECRET_KEY", "short")]).is_err());
        let test = start_with(&[("APP_ENV", "test")]).expect("starts");
        assert!(test.settings.test_clock);
        let unknown = start_with(&[("APP_ENV", "prod")]).unwrap_err();
        assert!(unknown.contains("APP_ENV"), "{unknown}");
    }
}
