//! `ShortText`: free text such as meeting notes and next steps, trimmed and bounded.

use serde::{Deserialize, Serialize};

use super::error::ErrorCode;

/// Free text of at most a caller-chosen number of characters; line breaks and tabs allowed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ShortText(String);

impl ShortText {
    /// The cap applied when a `ShortText` arrives over the wire, where the field's own limit is
    /// unknown. Each form still parses with its own, smaller `max`.
    pub const MAX_CHARS: usize = 4000;

    pub fn parse(s: &str, max: usize) -> Result<ShortText, ErrorCode> {
        // Browsers submit textarea line breaks as CRLF; store them as plain LF.
        let text = s.trim().replace("\r\n", "\n").replace('\r', "\n");
        if text.is_empty() {
            return Err(ErrorCode::Required);
        }
        if text.chars().count() > max {
            return Err(ErrorCode::TooLong {
                max: u32::try_from(max).unwrap_or(u32::MAX),
            });
        }
        if text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
        {
            return Err(ErrorCode::InvalidCharacters);
        }
        Ok(ShortText(text))
    }

    /// For optional fields: blank input is `None` rather than an error.
    pub fn parse_optional(s: &str, max: usize) -> Result<Option<ShortText>, ErrorCode> {
        if s.trim().is_empty() {
            Ok(None)
        } else {
            ShortText::parse(s, max).map(Some)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for ShortText {
    type Error = ErrorCode;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        ShortText::parse(&s, ShortText::MAX_CHARS)
    }
}

impl From<ShortText> for String {
    fn from(text: ShortText) -> String {
        text.0
    }
}

impl std::fmt::Display for ShortText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn keeps_lines_and_tabs_but_not_other_controls() {
        let note = ShortText::parse("  CV updated\r\n\tnext: apply ", 500).unwrap();
        assert_eq!(note.as_str(), "CV updated\n\tnext: apply");
        assert_eq!(
            ShortText::parse("bell\u{7}", 500),
            Err(ErrorCode::InvalidCharacters)
        );
        assert_eq!(
            ShortText::parse("nul\0", 500),
            Err(ErrorCode::InvalidCharacters)
        );
    }

    #[test]
    fn bounds_are_counted_in_characters() {
        assert!(ShortText::parse(&"€".repeat(10), 10).is_ok());
        assert_eq!(
            ShortText::parse(&"€".repeat(11), 10),
            Err(ErrorCode::TooLong { max: 10 })
        );
        assert_eq!(ShortText::parse(" \n ", 10), Err(ErrorCode::Required));
    }

    #[test]
    fn optional_text_treats_blank_as_absent() {
        assert_eq!(ShortText::parse_optional("  ", 10), Ok(None));
        assert_eq!(
            ShortText::parse_optional(" ok ", 10)
                .unwrap()
                .unwrap()
                .as_str(),
            "ok"
        );
        assert!(ShortText::parse_optional(&"x".repeat(11), 10).is_err());
    }

    #[test]
    fn wire_values_are_parsed_with_the_global_cap() {
        let json = format!("\"{}\"", "x".repeat(ShortText::MAX_CHARS + 1));
        assert!(serde_json::from_str::<ShortText>(&json).is_err());
        assert!(serde_json::from_str::<ShortText>("\"a note\"").is_ok());
    }

    proptest! {
        #[test]
        fn never_panics_and_respects_max(s in "\\PC*", max in 0usize..50) {
            if let Ok(text) = ShortText::parse(&s, max) {
                prop_assert!(text.as_str().chars().count() <= max);
                prop_assert_eq!(ShortText::parse(text.as_str(), max), Ok(text.clone()));
            }
        }
    }
}
