//! `Email`: an e-mail address that is trimmed, lower-cased and plausible enough to send to.
//!
//! Deliverability is proven by the confirmation e-mail, not here; this only refuses what
//! cannot be an address or could break a mail header.

use serde::{Deserialize, Serialize};

use super::error::ErrorCode;

const MAX_LEN: usize = 254;
const MAX_LOCAL_LEN: usize = 64;
const MAX_LABEL_LEN: usize = 63;

/// A parsed e-mail address, always lower case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    pub fn parse(s: &str) -> Result<Email, ErrorCode> {
        let address = s.trim().to_lowercase();
        if address.is_empty() {
            return Err(ErrorCode::Required);
        }
        if address.chars().count() > MAX_LEN {
            return Err(ErrorCode::TooLong {
                max: MAX_LEN as u32,
            });
        }
        let Some((local, domain)) = address.split_once('@') else {
            return Err(ErrorCode::InvalidEmail);
        };
        if valid_local(local) && valid_domain(domain) {
            Ok(Email(address))
        } else {
            Err(ErrorCode::InvalidEmail)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Characters that would need quoting in a header, or that smuggle in a second recipient.
fn forbidden(c: char) -> bool {
    c.is_whitespace() || c.is_control() || "\"`<>()[]\\,;:@".contains(c)
}

fn valid_local(local: &str) -> bool {
    !local.is_empty()
        && local.chars().count() <= MAX_LOCAL_LEN
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && !local.chars().any(forbidden)
}

fn valid_domain(domain: &str) -> bool {
    domain.contains('.') && domain.split('.').all(valid_label)
}

fn valid_label(label: &str) -> bool {
    !label.is_empty()
        && label.chars().count() <= MAX_LABEL_LEN
        && !label.starts_with('-')
        && !label.ends_with('-')
        && label.chars().all(|c| c.is_alphanumeric() || c == '-')
}

impl TryFrom<String> for Email {
    type Error = ErrorCode;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        Email::parse(&s)
    }
}

impl From<Email> for String {
    fn from(email: Email) -> String {
        email.0
    }
}

impl AsRef<str> for Email {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_and_normalises() {
        let cases = [
            ("  Jan.Peeters@Example.BE ", "jan.peeters@example.be"),
            (
                "o'brien+duo@mail.example.org",
                "o'brien+duo@mail.example.org",
            ),
            (
                "fatima@xn--bcher-kva.example",
                "fatima@xn--bcher-kva.example",
            ),
            ("élodie@liège.be", "élodie@liège.be"),
        ];
        for (input, stored) in cases {
            assert_eq!(Email::parse(input).unwrap().as_str(), stored, "{input}");
        }
    }

    #[test]
    fn refuses_what_is_not_an_address() {
        let cases = [
            ("", ErrorCode::Required),
            ("   ", ErrorCode::Required),
            ("jan", ErrorCode::InvalidEmail),
            ("@example.be", ErrorCode::InvalidEmail),
            ("jan@", ErrorCode::InvalidEmail),
            ("jan@localhost", ErrorCode::InvalidEmail),
            ("jan@@example.be", ErrorCode::InvalidEmail),
            ("jan@ex@ample.be", ErrorCode::InvalidEmail),
            ("jan@example..be", ErrorCode::InvalidEmail),
            ("jan@.example.be", ErrorCode::InvalidEmail),
            ("jan@example.be.", ErrorCode::InvalidEmail),
            ("jan@-example.be", ErrorCode::InvalidEmail),
            (".jan@example.be", ErrorCode::InvalidEmail),
            ("jan..p@example.be", ErrorCode::InvalidEmail),
            ("jan p@example.be", ErrorCode::InvalidEmail),
            ("\"jan\"@example.be", ErrorCode::InvalidEmail),
            ("<jan@example.be>", ErrorCode::InvalidEmail),
            ("jan@example.be,eve@evil.test", ErrorCode::InvalidEmail),
            ("jan\n@example.be", ErrorCode::InvalidEmail),
            ("jan@exam_ple.be", ErrorCode::InvalidEmail),
        ];
        for (input, code) in cases {
            assert_eq!(Email::parse(input), Err(code), "{input:?}");
        }
    }

    #[test]
    fn length_limits() {
        let local = "a".repeat(64);
        assert!(Email::parse(&format!("{local}@example.be")).is_ok());
        assert!(Email::parse(&format!("a{local}@example.be")).is_err());
        let domain = format!(
            "{}.{}.{}.be",
            "b".repeat(63),
            "c".repeat(63),
            "d".repeat(63)
        );
        let longest = format!("{}@{domain}", "a".repeat(254 - domain.len() - 1));
        assert_eq!(longest.len(), 254);
        assert!(Email::parse(&longest).is_ok());
        let too_long = format!("a{longest}");
        assert_eq!(
            Email::parse(&too_long),
            Err(ErrorCode::TooLong { max: 254 })
        );
    }

    #[test]
    fn serde_validates_on_the_way_in() {
        let email = Email::parse("jan@example.be").unwrap();
        let json = serde_json::to_string(&email).unwrap();
        assert_eq!(json, "\"jan@example.be\"");
        assert_eq!(serde_json::from_str::<Email>(&json).unwrap(), email);
        assert!(serde_json::from_str::<Email>("\"not an address\"").is_err());
    }

    /// Arbitrary text shaped like an address, so some of it parses and exercises case folding.
    const NEAR_ADDRESS: &str = "\\PC{1,12}@\\PC{1,12}\\.\\PC{1,4}";

    fn valid_address() -> impl Strategy<Value = String> {
        let local = "[a-zA-Z0-9_+'%-]{1,20}(\\.[a-zA-Z0-9_+-]{1,10}){0,2}";
        let label = "[a-zA-Z0-9]([a-zA-Z0-9-]{0,20}[a-zA-Z0-9])?";
        let domain = proptest::collection::vec(label, 2..5).prop_map(|labels| labels.join("."));
        (local, domain, " {0,3}", " {0,3}")
            .prop_map(|(local, domain, before, after)| format!("{before}{local}@{domain}{after}"))
    }

    proptest! {
        #[test]
        fn valid_addresses_parse(address in valid_address()) {
            let email = Email::parse(&address).unwrap();
            prop_assert_eq!(email.as_str(), address.trim().to_lowercase());
        }

        #[test]
        fn arbitrary_strings_never_panic(s in "\\PC*") {
            let _ = Email::parse(&s);
        }

        #[test]
        fn parse_is_idempotent(s in prop_oneof![valid_address(), NEAR_ADDRESS]) {
            if let Ok(email) = Email::parse(&s) {
                prop_assert_eq!(Email::parse(email.as_str()), Ok(email.clone()));
            }
        }
    }
}
