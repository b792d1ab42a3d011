//! The `string_enum!` macro: closed sets of values stored as snake_case text.
//!
//! One list of `Variant = "text"` pairs drives `ALL`, `as_str`, `parse`, `Display` and serde,
//! so the database value, the wire value and the check constraint can never drift apart.

macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, ::serde::Serialize, ::serde::Deserialize,
        )]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $text)] $variant ),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The stored text; database check constraints list exactly these strings.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text),+
                }
            }

            /// The inverse of [`Self::as_str`]; exact match, no trimming or case folding.
            pub fn parse(s: &str) -> Option<Self> {
                match s {
                    $($text => Some(Self::$variant),)+
                    _ => None,
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use string_enum;

/// Checks one `string_enum!` type against the strings the database expects.
#[cfg(test)]
pub(crate) fn assert_string_enum<T>(
    all: &[T],
    as_str: fn(T) -> &'static str,
    parse: fn(&str) -> Option<T>,
    expected: &[&str],
) where
    T: Copy + std::fmt::Debug + std::fmt::Display + PartialEq,
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    let texts: Vec<&str> = all.iter().map(|v| as_str(*v)).collect();
    assert_eq!(texts, expected, "stored strings changed");
    for &value in all {
        let text = as_str(value);
        assert_eq!(parse(text), Some(value));
        assert_eq!(value.to_string(), text);
        assert!(text.chars().all(|c| c.is_ascii_lowercase() || c == '_'));
        assert_eq!(parse(&text.to_uppercase()), None);
        let json = serde_json::to_string(&value).unwrap();
        assert_eq!(json, format!("\"{text}\""));
        assert_eq!(serde_json::from_str::<T>(&json).unwrap(), value);
    }
    assert_eq!(parse(""), None);
    assert!(serde_json::from_str::<T>("\"not_a_value\"").is_err());
}
