//! `Password`: a new or entered password, held only long enough to hash or verify it.
//!
//! It never derives `Serialize` and its `Debug` hides the content, so it cannot end up in a
//! response body or a log line by accident.

use super::error::ErrorCode;

const MIN_CHARS: usize = 8;
const MAX_CHARS: usize = 128;

/// A password of 8 to 128 characters that is not only whitespace.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    /// Leading and trailing spaces are kept: they are part of what the user typed.
    /// Length is counted in characters, so a passphrase in any script gets the same limits.
    pub fn parse(s: &str) -> Result<Password, ErrorCode> {
        if s.trim().is_empty() {
            return Err(ErrorCode::Required);
        }
        let chars = s.chars().count();
        if chars < MIN_CHARS {
            return Err(ErrorCode::TooShort {
                min: MIN_CHARS as u32,
            });
        }
        if chars > MAX_CHARS {
            return Err(ErrorCode::TooLong {
                max: MAX_CHARS as u32,
            });
        }
        Ok(Password(s.to_owned()))
    }

    /// The plain text, for the password hasher only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn length_boundaries_count_characters() {
        let cases = [
            ("abcdefg".to_owned(), Err(ErrorCode::TooShort { min: 8 })),
            ("abcdefgh".to_owned(), Ok(())),
            ("ééééééé".to_owned(), Err(ErrorCode::TooShort { min: 8 })),
            ("éééééééé".to_owned(), Ok(())),
            ("密".repeat(128), Ok(())),
            ("密".repeat(129), Err(ErrorCode::TooLong { max: 128 })),
            ("😀".repeat(128), Ok(())),
            ("😀".repeat(129), Err(ErrorCode::TooLong { max: 128 })),
            (String::new(), Err(ErrorCode::Required)),
            (" ".repeat(12), Err(ErrorCode::Required)),
            (" \t\n ".repeat(3), Err(ErrorCode::Required)),
        ];
        for (input, expected) in cases {
            assert_eq!(Password::parse(&input).map(|_| ()), expected, "{input:?}");
        }
    }

    #[test]
    fn keeps_surrounding_spaces() {
        assert_eq!(
            Password::parse(" secret pass ").unwrap().expose(),
            " secret pass "
        );
    }

    #[test]
    fn debug_hides_the_content() {
        let password = Password::parse("hunter2hunter2").unwrap();
        assert_eq!(format!("{password:?}"), "Password(***)");
        assert_eq!(format!("{:?}", Some(password)), "Some(Password(***))");
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC*") {
            if let Ok(password) = Password::parse(&s) {
                prop_assert_eq!(password.expose(), s.as_str());
            }
        }
    }
}
