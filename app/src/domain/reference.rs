//! Reference scales filled in at intake: language proficiency and education.

use super::string_enum::string_enum;

string_enum! {
    /// How well someone speaks a language, from first words to mother tongue.
    #[derive(PartialOrd, Ord)]
    pub enum LanguageLevel {
        Basic = "basic",
        Intermediate = "intermediate",
        Working = "working",
        Fluent = "fluent",
        Native = "native",
    }
}

impl LanguageLevel {
    /// Matching requires one shared language at this level or better on both sides.
    pub fn is_working_level(self) -> bool {
        self >= LanguageLevel::Working
    }
}

string_enum! {
    /// The highest education completed, in Belgian school-system terms.
    #[derive(PartialOrd, Ord)]
    pub enum EducationLevel {
        None = "none",
        Primary = "primary",
        LowerSecondary = "lower_secondary",
        UpperSecondary = "upper_secondary",
        Vocational = "vocational",
        Bachelor = "bachelor",
        Master = "master",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::string_enum::assert_string_enum;

    #[test]
    fn language_level_strings_and_order() {
        let expected = ["basic", "intermediate", "working", "fluent", "native"];
        let all = LanguageLevel::ALL;
        assert_string_enum(all, LanguageLevel::as_str, LanguageLevel::parse, &expected);
        assert!(all.windows(2).all(|pair| pair[0] < pair[1]));
    }

    #[test]
    fn working_level_starts_at_working() {
        let working: Vec<_> = LanguageLevel::ALL
            .iter()
            .map(|level| level.is_working_level())
            .collect();
        assert_eq!(working, [false, false, true, true, true]);
    }

    #[test]
    fn education_level_strings() {
        let expected = [
            "none",
            "primary",
            "lower_secondary",
            "upper_secondary",
            "vocational",
            "bachelor",
            "master",
        ];
        let all = EducationLevel::ALL;
        assert_string_enum(
            all,
            EducationLevel::as_str,
            EducationLevel::parse,
            &expected,
        );
    }
}
