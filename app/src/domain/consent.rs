//! Consent records: what a person agreed to, and how the agreement was collected.
//!
//! Migrant background is special-category data under the GDPR, so it has a purpose of its own.

use super::string_enum::string_enum;

/// The version of the privacy notice shown on public forms. Change it whenever the notice's text
/// changes: each consent records the version and a hash of the text the person saw.
pub const PRIVACY_NOTICE_VERSION: &str = "2026-11";

string_enum! {
    pub enum ConsentPurpose {
        /// Taking part: contact details and programme data.
        Programme = "programme",
        /// Data revealing ethnic origin, needed only to check eligibility.
        SpecialCategory = "special_category",
        /// News and invitations beyond the programme itself.
        Communication = "communication",
    }
}

string_enum! {
    pub enum ConsentChannel {
        WebForm = "web_form",
        Paper = "paper",
        Coordinator = "coordinator",
        Referral = "referral",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::string_enum::assert_string_enum;

    #[test]
    fn strings() {
        let expected = ["programme", "special_category", "communication"];
        let all = ConsentPurpose::ALL;
        assert_string_enum(
            all,
            ConsentPurpose::as_str,
            ConsentPurpose::parse,
            &expected,
        );
        let expected = ["web_form", "paper", "coordinator", "referral"];
        let all = ConsentChannel::ALL;
        assert_string_enum(
            all,
            ConsentChannel::as_str,
            ConsentChannel::parse,
            &expected,
        );
    }
}
