//! The bridge between the domain's `Locale` (stored per user, used in
//! e-mails) and the generated `i18n::Locale` that the pages translate with.

use crate::domain::locale::Locale;
use crate::i18n::Locale as UiLocale;

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
