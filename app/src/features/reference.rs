//! Reference data every feature names things with: cities, sectors and
//! languages, each with its name in the three interface languages. The
//! queries are shared on purpose; they own no business rule.

#[cfg(feature = "ssr")]
pub mod queries;

use serde::{Deserialize, Serialize};

use crate::domain::locale::Locale;

/// A name in the three interface languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    pub id: i32,
    pub fr: String,
    pub nl: String,
    pub en: String,
}

impl Named {
    pub fn name(&self, locale: Locale) -> &str {
        match locale {
            Locale::Fr => &self.fr,
            Locale::Nl => &self.nl,
            Locale::En => &self.en,
        }
    }
}

/// The name of `id` in `list`, or an empty string for an unknown id.
pub fn name_of(list: &[Named], id: i32, locale: Locale) -> String {
    list.iter()
        .find(|n| n.id == id)
        .map(|n| n.name(locale).to_owned())
        .unwrap_or_default()
}
