//! The interface languages (FR, NL, EN) and the choice from an `Accept-Language` header.

use super::string_enum::string_enum;

string_enum! {
    /// A language the interface and its e-mails are written in.
    pub enum Locale {
        Fr = "fr",
        Nl = "nl",
        En = "en",
    }
}

impl Locale {
    /// The supported language the browser prefers most, or `None` when it names none of them.
    ///
    /// Region subtags are ignored (`nl-BE` counts as `nl`); `q=0` means "not this one". On equal
    /// weights the earlier entry wins, as browsers list languages in order of preference.
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut best: Option<(Locale, f32)> = None;
        for entry in header.split(',') {
            let Some((locale, weight)) = parse_entry(entry) else {
                continue;
            };
            if weight > 0.0 && best.is_none_or(|(_, top)| weight > top) {
                best = Some((locale, weight));
            }
        }
        best.map(|(locale, _)| locale)
    }
}

fn parse_entry(entry: &str) -> Option<(Locale, f32)> {
    let mut parts = entry.split(';');
    let tag = parts.next()?.trim();
    let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
    let locale = Locale::parse(&primary)?;
    let mut weight = 1.0;
    for param in parts {
        if let Some((key, value)) = param.split_once('=')
            && key.trim().eq_ignore_ascii_case("q")
        {
            weight = value.trim().parse::<f32>().ok()?;
        }
    }
    (0.0..=1.0).contains(&weight).then_some((locale, weight))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::string_enum::assert_string_enum;
    use proptest::prelude::*;

    #[test]
    fn strings() {
        assert_string_enum(
            Locale::ALL,
            Locale::as_str,
            Locale::parse,
            &["fr", "nl", "en"],
        );
    }

    #[test]
    fn picks_best_supported_language() {
        let cases = [
            ("nl-BE,nl;q=0.9,en;q=0.8", Some(Locale::Nl)),
            ("fr-BE", Some(Locale::Fr)),
            ("EN-gb", Some(Locale::En)),
            ("de-DE,de;q=0.9,en;q=0.5,fr;q=0.7", Some(Locale::Fr)),
            ("en;q=0.4, nl ;q=0.6", Some(Locale::Nl)),
            ("fr;q=0, en;q=0.1", Some(Locale::En)),
            ("fr, nl", Some(Locale::Fr)),
            ("nl;q=0.8, fr;q=0.8", Some(Locale::Nl)),
            ("de-DE,de;q=0.9", None),
            ("*", None),
            ("fr;q=abc", None),
            ("fr;q=1.5", None),
            ("", None),
        ];
        for (header, expected) in cases {
            assert_eq!(Locale::from_accept_language(header), expected, "{header}");
        }
    }

    proptest! {
        #[test]
        fn never_panics(header in "\\PC*") {
            let _ = Locale::from_accept_language(&header);
        }
    }
}
