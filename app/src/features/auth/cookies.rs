//! The session cookie: HttpOnly, SameSite=Lax, and `Secure` with the
//! `__Host-` prefix when the site is served over HTTPS.

use http::HeaderMap;
use http::header::COOKIE;

use crate::domain::locale::Locale;
use crate::platform::state::Settings;

const PLAIN_NAME: &str = "duo_session";
const SECURE_NAME: &str = "__Host-duo_session";

pub fn session_cookie_name(settings: &Settings) -> &'static str {
    if settings.secure_cookies {
        SECURE_NAME
    } else {
        PLAIN_NAME
    }
}

pub fn read(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

pub fn session_set(settings: &Settings, token: &str) -> String {
    let max_age = settings.session_lifetime.as_secs();
    format!(
        "{}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{}",
        session_cookie_name(settings),
        secure_suffix(settings)
    )
}

pub fn session_clear(settings: &Settings) -> String {
    format!(
        "{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{}",
        session_cookie_name(settings),
        secure_suffix(settings)
    )
}

/// The language cookie is readable by the page on purpose: the language
/// switcher also sets it in the browser (`crate::language`).
pub fn locale_set(settings: &Settings, locale: Locale) -> String {
    crate::language::locale_cookie(locale, settings.secure_cookies)
}

/// Adds a `Set-Cookie` header to the current server-function response.
pub fn send(cookie: String) {
    if let (Some(options), Ok(value)) = (
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(&cookie),
    ) {
        options.append_header(http::header::SET_COOKIE, value);
    }
}

/// The cookies a fresh session needs: its token, and the user's language.
pub fn send_sign_in(settings: &Settings, token: &str, locale: Locale) {
    send(session_set(settings, token));
    send(locale_set(settings, locale));
}

fn secure_suffix(settings: &Settings) -> &'static str {
    if settings.secure_cookies {
        "; Secure"
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    #[test]
    fn reads_one_cookie_among_several() {
        let mut headers = HeaderMap::new();
        headers.insert(
            COOKIE,
            HeaderValue::from_static("a=1; duo_session=abc; b=2"),
        );
        assert_eq!(read(&headers, "duo_session").as_deref(), Some("abc"));
        assert_eq!(read(&headers, "missing"), None);
    }

    #[test]
    fn https_sites_get_secure_host_prefixed_cookies() {
        let secure = Settings::for_url("https://duo.example.be/");
        let cookie = session_set(&secure, "t");
        assert!(cookie.starts_with("__Host-duo_session=t;"));
        assert!(cookie.contains("; Secure") && cookie.contains("HttpOnly"));

        let plain = Settings::for_url("http://127.0.0.1:3000");
        let cookie = session_set(&plain, "t");
        assert!(cookie.starts_with("duo_session=t;"));
        assert!(!cookie.contains("Secure"));
    }
}
