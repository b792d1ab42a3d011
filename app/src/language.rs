//! The bridge between the domain's `Locale` (stored per user, used in
//! e-mails) and the generated `i18n::Locale` that the pages translate with, and
//! how a page's language is chosen and remembered.

use leptos_i18n::context::UseLocalesOptions;

use crate::domain::locale::Locale;
use crate::i18n::Locale as UiLocale;

/// The cookie that keeps the chosen interface language. The server sets it (`set_locale`, and
/// at sign-in with the account's language); the language switcher also sets it in the browser
/// at once. The name is leptos_i18n's own, which read the cookie itself before: a choice made
/// then still counts.
pub const LOCALE_COOKIE: &str = "i18n_pref_locale";

/// The cookie's text for `locale`, kept a year; `secure` on HTTPS.
pub fn locale_cookie(locale: Locale, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!(
        "{LOCALE_COOKIE}={}; Path=/; SameSite=Lax; Max-Age=31536000{secure}",
        locale.as_str()
    )
}

/// How the server picks a page's language, given to `I18nContextProvider`: the one chosen
/// (the cookie), else the browser's (`Accept-Language`). The browser then reads the server's
/// choice from `<html lang>`, so hydration agrees with it.
///
/// leptos_i18n can read the cookie itself (its `cookie` feature), but that brings leptos-use's
/// cookie jar, with the `time` and `cookie` crates, into the WebAssembly of every page.
pub fn page_languages() -> UseLocalesOptions {
    UseLocalesOptions::default().ssr_lang_header_getter(|| {
        #[cfg(feature = "ssr")]
        {
            leptos::prelude::use_context::<http::request::Parts>()
                .and_then(|request| languages_of(&request.headers))
        }
        #[cfg(not(feature = "ssr"))]
        {
            None
        }
    })
}

/// The languages a request asks for, as an `Accept-Language` value: the chosen one alone when
/// its cookie names a language of ours.
#[cfg(feature = "ssr")]
fn languages_of(headers: &http::HeaderMap) -> Option<String> {
    let chosen = crate::features::auth::cookies::read(headers, LOCALE_COOKIE)
        .and_then(|value| Locale::parse(&value));
    match chosen {
        Some(locale) => Some(locale.as_str().to_owned()),
        None => headers
            .get(http::header::ACCEPT_LANGUAGE)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned),
    }
}

/// Keeps the choice in the browser at once: the server's answer to `set_locale` sets the same
/// cookie, but a page opened before that answer arrives would come back in the old language.
pub fn remember_in_browser(locale: Locale) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let Some(window) = web_sys::window() else {
            return;
        };
        let secure = window.location().protocol().is_ok_and(|p| p == "https:");
        let document = window
            .document()
            .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok());
        if let Some(document) = document {
            let _ = document.set_cookie(&locale_cookie(locale, secure));
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = locale;
}

impl From<Locale> for UiLocale {
    fn from(locale: Locale) -> Self {
        match locale {
            Locale::Fr => UiLocale::fr,
            Locale::Nl => UiLocale::nl,
            Locale::En => UiLocale::en,
        }
    }
}

impl From<UiLocale> for Locale {
    fn from(locale: UiLocale) -> Self {
        match locale {
            UiLocale::fr => Locale::Fr,
            UiLocale::nl => Locale::Nl,
            UiLocale::en => Locale::En,
        }
    }
}

#[cfg(all(test, feature = "ssr"))]
mod choice_tests {
    use super::*;
    use http::HeaderMap;
    use http::header::{ACCEPT_LANGUAGE, COOKIE};

    fn headers(cookie: Option<&'static str>, accept: Option<&'static str>) -> HeaderMap {
        let mut headers = HeaderMap::new();
        if let Some(cookie) = cookie {
            headers.insert(COOKIE, cookie.parse().expect("a header value"));
        }
        if let Some(accept) = accept {
            headers.insert(ACCEPT_LANGUAGE, accept.parse().expect("a header value"));
        }
        headers
    }

    #[test]
    fn the_chosen_language_comes_before_the_browsers() {
        let both = headers(
            Some("duo_session=x; i18n_pref_locale=nl"),
            Some("fr-BE,en;q=0.5"),
        );
        assert_eq!(languages_of(&both).as_deref(), Some("nl"));
    }

    #[test]
    fn without_a_valid_choice_the_browser_decides() {
        let unknown = headers(Some("i18n_pref_locale=de"), Some("fr-BE,en;q=0.5"));
        assert_eq!(languages_of(&unknown).as_deref(), Some("fr-BE,en;q=0.5"));
        let none = headers(None, Some("en"));
        assert_eq!(languages_of(&none).as_deref(), Some("en"));
        assert_eq!(languages_of(&headers(None, None)), None);
    }

    #[test]
    fn the_cookie_is_the_one_read_back() {
        let cookie = locale_cookie(Locale::Fr, true);
        assert_eq!(
            cookie,
            "i18n_pref_locale=fr; Path=/; SameSite=Lax; Max-Age=31536000; Secure"
        );
        let (pair, _) = cookie.split_once(';').expect("attributes");
        let mut sent = HeaderMap::new();
        sent.insert(COOKIE, pair.parse().expect("a header value"));
        assert_eq!(languages_of(&sent).as_deref(), Some("fr"));
        assert!(!locale_cookie(Locale::Nl, false).contains("Secure"));
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;
    use std::collections::BTreeMap;

    const FILES: [(&str, &str); 3] = [
        ("en", include_str!("../locales/en.json")),
        ("fr", include_str!("../locales/fr.json")),
        ("nl", include_str!("../locales/nl.json")),
    ];

    /// Every key path with the `{{ placeholders }}` its text uses.
    fn flatten(prefix: &str, value: &Value, out: &mut BTreeMap<String, Vec<String>>) {
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    let path = if prefix.is_empty() {
                        key.clone()
                    } else {
                        format!("{prefix}.{key}")
                    };
                    flatten(&path, child, out);
                }
            }
            Value::String(text) => {
                let mut names: Vec<String> = text
                    .split("{{")
                    .skip(1)
                    .filter_map(|rest| {
                        rest.split_once("}}")
                            .map(|(name, _)| name.trim().to_owned())
                    })
                    .collect();
                names.sort();
                out.insert(prefix.to_owned(), names);
            }
            other => panic!("{prefix}: translations are strings, found {other}"),
        }
    }

    #[test]
    fn every_key_exists_in_every_language_with_the_same_placeholders() {
        let parsed: Vec<(&str, BTreeMap<String, Vec<String>>)> = FILES
            .iter()
            .map(|(name, text)| {
                let value: Value =
                    serde_json::from_str(text).unwrap_or_else(|e| panic!("{name}.json: {e}"));
                let mut keys = BTreeMap::new();
                flatten("", &value, &mut keys);
                (*name, keys)
            })
            .collect();
        let (_, english) = &parsed[0];
        for (name, keys) in &parsed[1..] {
            let missing: Vec<_> = english.keys().filter(|k| !keys.contains_key(*k)).collect();
            let extra: Vec<_> = keys.keys().filter(|k| !english.contains_key(*k)).collect();
            assert!(missing.is_empty(), "{name}.json lacks {missing:?}");
            assert!(
                extra.is_empty(),
                "{name}.json has keys English lacks: {extra:?}"
            );
            for (key, placeholders) in english {
                assert_eq!(
                    &keys[key], placeholders,
                    "{name}.json {key}: placeholders differ"
                );
            }
        }
    }

    #[test]
    fn no_translation_is_left_empty() {
        for (name, text) in FILES {
            let value: Value = serde_json::from_str(text).expect("json");
            let mut empty = Vec::new();
            collect_empty("", &value, &mut empty);
            assert!(empty.is_empty(), "{name}.json has empty texts: {empty:?}");
        }
    }

    fn collect_empty(prefix: &str, value: &Value, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => map
                .iter()
                .for_each(|(k, v)| collect_empty(&format!("{prefix}.{k}"), v, out)),
            Value::String(text) if text.trim().is_empty() => out.push(prefix.to_owned()),
            _ => {}
        }
    }
}
