//! Contact details of a person: `PersonName`, `Phone` and Belgian `Postcode`.

use serde::{Deserialize, Serialize};

use super::error::ErrorCode;

const NAME_MAX: usize = 80;
const PHONE_DIGITS: std::ops::RangeInclusive<usize> = 8..=15;
/// Numbers written without an international prefix are Belgian: the programme runs in Belgium.
const HOME_COUNTRY_CODE: &str = "32";

/// A first or last name as the person writes it, trimmed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PersonName(String);

impl PersonName {
    pub fn parse(s: &str) -> Result<PersonName, ErrorCode> {
        let name = s.trim();
        if name.is_empty() {
            return Err(ErrorCode::Required);
        }
        if name.chars().count() > NAME_MAX {
            return Err(ErrorCode::TooLong {
                max: NAME_MAX as u32,
            });
        }
        if name.chars().any(char::is_control) {
            return Err(ErrorCode::InvalidCharacters);
        }
        Ok(PersonName(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A phone number in international form: `+` then 8 to 15 digits, e.g. `+32470123456`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Phone(String);

impl Phone {
    /// Accepts the usual ways of writing a number: `0470 12 34 56`, `+32 (0)470/12.34.56`,
    /// `0032 470-123456`. A leading `0` without a country code is read as Belgian.
    pub fn parse(s: &str) -> Result<Phone, ErrorCode> {
        let written = s.trim();
        if written.is_empty() {
            return Err(ErrorCode::Required);
        }
        let allowed = |c: char| c.is_ascii_digit() || " ./-()".contains(c);
        let (international, rest) = match written.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => (false, written),
        };
        if !rest.chars().all(allowed) {
            return Err(ErrorCode::InvalidPhone);
        }
        // "+32 (0)470": the bracketed trunk zero is dropped when dialling from abroad.
        let rest = if international || rest.starts_with("00") {
            rest.replace("(0)", "")
        } else {
            rest.to_owned()
        };
        let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
        let full = if international {
            digits
        } else if let Some(abroad) = digits.strip_prefix("00") {
            abroad.to_owned()
        } else if let Some(national) = digits.strip_prefix('0') {
            format!("{HOME_COUNTRY_CODE}{national}")
        } else {
            digits
        };
        if !PHONE_DIGITS.contains(&full.len()) || full.starts_with('0') {
            return Err(ErrorCode::InvalidPhone);
        }
        Ok(Phone(format!("+{full}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A Belgian postcode, 1000 to 9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u16", into = "u16")]
pub struct Postcode(u16);

impl Postcode {
    pub fn parse(s: &str) -> Result<Postcode, ErrorCode> {
        let code = s.trim();
        if code.is_empty() {
            return Err(ErrorCode::Required);
        }
        if code.len() != 4 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ErrorCode::InvalidPostcode);
        }
        code.parse::<u16>()
            .map_err(|_| ErrorCode::InvalidPostcode)
            .and_then(Postcode::try_from)
    }

    pub fn get(self) -> u16 {
        self.0
    }
}

impl TryFrom<u16> for Postcode {
    type Error = ErrorCode;

    fn try_from(code: u16) -> Result<Self, Self::Error> {
        if (1000..=9999).contains(&code) {
            Ok(Postcode(code))
        } else {
            Err(ErrorCode::InvalidPostcode)
        }
    }
}

impl From<Postcode> for u16 {
    fn from(code: Postcode) -> u16 {
        code.0
    }
}

macro_rules! text_newtype_impls {
    ($($name:ident),+) => {$(
        impl TryFrom<String> for $name {
            type Error = ErrorCode;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                $name::parse(&s)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    )+};
}

text_newtype_impls!(PersonName, Phone);

impl std::fmt::Display for Postcode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(PersonName::parse("  Aïcha ").unwrap().as_str(), "Aïcha");
        assert_eq!(PersonName::parse(" "), Err(ErrorCode::Required));
        assert!(PersonName::parse(&"é".repeat(80)).is_ok());
        assert_eq!(
            PersonName::parse(&"é".repeat(81)),
            Err(ErrorCode::TooLong { max: 80 })
        );
        assert_eq!(
            PersonName::parse("Jan\u{7}"),
            Err(ErrorCode::InvalidCharacters)
        );
        assert_eq!(
            PersonName::parse("Jan\nPeeters"),
            Err(ErrorCode::InvalidCharacters)
        );
    }

    #[test]
    fn phones_normalise_to_international_form() {
        let cases = [
            ("0470 12 34 56", "+32470123456"),
            ("+32 470 12 34 56", "+32470123456"),
            ("+32 (0)470/12.34.56", "+32470123456"),
            ("0032 (0)470-123456", "+32470123456"),
            ("02 123 45 67", "+3221234567"),
            ("+31 6 1234 5678", "+31612345678"),
            ("(02) 123 45 67", "+3221234567"),
        ];
        for (input, stored) in cases {
            assert_eq!(Phone::parse(input).unwrap().as_str(), stored, "{input}");
        }
    }

    #[test]
    fn phones_refuse_letters_and_wrong_lengths() {
        let cases = [
            ("", ErrorCode::Required),
            ("0470 12 34 5x", ErrorCode::InvalidPhone),
            ("+32+470123456", ErrorCode::InvalidPhone),
            ("1234567", ErrorCode::InvalidPhone),
            ("+1234567890123456", ErrorCode::InvalidPhone),
            ("+0470123456", ErrorCode::InvalidPhone),
            ("()-./", ErrorCode::InvalidPhone),
        ];
        for (input, code) in cases {
            assert_eq!(Phone::parse(input), Err(code), "{input:?}");
        }
        assert!(Phone::parse("12345678").is_ok());
        assert!(Phone::parse("+123456789012345").is_ok());
    }

    #[test]
    fn postcode_boundaries() {
        let cases = [
            ("999", Err(ErrorCode::InvalidPostcode)),
            ("0999", Err(ErrorCode::InvalidPostcode)),
            ("1000", Ok(1000)),
            (" 9999 ", Ok(9999)),
            ("10000", Err(ErrorCode::InvalidPostcode)),
            ("+100", Err(ErrorCode::InvalidPostcode)),
            ("１０００", Err(ErrorCode::InvalidPostcode)),
            ("", Err(ErrorCode::Required)),
        ];
        for (input, expected) in cases {
            assert_eq!(
                Postcode::parse(input).map(Postcode::get),
                expected,
                "{input:?}"
            );
        }
        assert!(Postcode::try_from(999).is_err());
        assert!(Postcode::try_from(10000).is_err());
    }

    #[test]
    fn serde_validates_on_the_way_in() {
        let code = Postcode::parse("2800").unwrap();
        assert_eq!(serde_json::to_string(&code).unwrap(), "2800");
        assert_eq!(serde_json::from_str::<Postcode>("2800").unwrap(), code);
        assert!(serde_json::from_str::<Postcode>("999").is_err());
        assert!(serde_json::from_str::<Phone>("\"+32470123456\"").is_ok());
        assert!(serde_json::from_str::<Phone>("\"call me\"").is_err());
        assert!(serde_json::from_str::<PersonName>("\"  \"").is_err());
    }

    proptest! {
        #[test]
        fn arbitrary_strings_never_panic(s in "\\PC*") {
            let _ = PersonName::parse(&s);
            let _ = Phone::parse(&s);
            let _ = Postcode::parse(&s);
        }

        #[test]
        fn every_belgian_postcode_parses(code in 1000u16..=9999) {
            prop_assert_eq!(Postcode::parse(&code.to_string()).map(Postcode::get), Ok(code));
        }

        #[test]
        fn written_phones_parse_and_are_stable(digits in "[1-9][0-9]{7,12}", sep in "[ ./-]") {
            let written = format!("+{} {}{sep}{}", &digits[..2], &digits[2..5], &digits[5..]);
            let phone = Phone::parse(&written).unwrap();
            prop_assert_eq!(phone.as_str(), format!("+{digits}"));
            prop_assert_eq!(Phone::parse(phone.as_str()), Ok(phone.clone()));
        }
    }
}
