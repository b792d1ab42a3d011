//! Each column's header and help in the three languages, from one place: the page documents
//! the layouts with them, the templates carry the headers, and the server reads a header
//! written in any of the languages.

use leptos_i18n::td_string;

use crate::domain::import::ImportKind;
use crate::domain::import::layout::all_keys;
use crate::domain::locale::Locale as DomainLocale;
use crate::i18n::Locale;

/// The header of a column.
pub fn column_label(locale: Locale, key: &str) -> &'static str {
    match key {
        "first_name" => td_string!(locale, import.col_first_name),
        "last_name" => td_string!(locale, import.col_last_name),
        "email" => td_string!(locale, import.col_email),
        "phone" => td_string!(locale, import.col_phone),
        "birth_year" => td_string!(locale, import.col_birth_year),
        "postcode" => td_string!(locale, import.col_postcode),
        "city" => td_string!(locale, import.col_city),
        "sectors" => td_string!(locale, import.col_sectors),
        "languages" => td_string!(locale, import.col_languages),
        "availability" => td_string!(locale, import.col_availability),
        "locale" => td_string!(locale, import.col_locale),
        "status" => td_string!(locale, import.col_status),
        "joined_on" => td_string!(locale, import.col_joined_on),
        "completed_duos" => td_string!(locale, import.col_completed_duos),
        "goal_sectors" => td_string!(locale, import.col_goal_sectors),
        "education" => td_string!(locale, import.col_education),
        "registered_on" => td_string!(locale, import.col_registered_on),
        "goal" => td_string!(locale, import.col_goal),
        "referred_by" => td_string!(locale, import.col_referred_by),
        "migrant_background" => td_string!(locale, import.col_migrant_background),
        "special_category_consent" => td_string!(locale, import.col_special_category_consent),
        "mentor_email" => td_string!(locale, import.col_mentor_email),
        "mentee_email" => td_string!(locale, import.col_mentee_email),
        "started_on" => td_string!(locale, import.col_started_on),
        "ended_on" => td_string!(locale, import.col_ended_on),
        "reason" => td_string!(locale, import.col_reason),
        "outcome" => td_string!(locale, import.col_outcome),
        "contract_type" => td_string!(locale, import.col_contract_type),
        "lasts_three_months" => td_string!(locale, import.col_lasts_three_months),
        "outcome_3_months" => td_string!(locale, import.col_outcome_3_months),
        "outcome_6_months" => td_string!(locale, import.col_outcome_6_months),
        "outcome_12_months" => td_string!(locale, import.col_outcome_12_months),
        _ => "",
    }
}

/// What to write in a column of a kind of file.
pub fn column_help(locale: Locale, kind: ImportKind, key: &str) -> &'static str {
    match (kind, key) {
        (ImportKind::Mentors, "email") => td_string!(locale, import.help_mentor_email_self),
        (ImportKind::Mentees, "email") => td_string!(locale, import.help_mentee_email_self),
        (ImportKind::Mentors, "status") => td_string!(locale, import.help_mentor_status),
        (ImportKind::Mentees, "status") => td_string!(locale, import.help_mentee_status),
        (ImportKind::Duos, "status") => td_string!(locale, import.help_duo_status),
        (ImportKind::Mentors, "birth_year") => td_string!(locale, import.help_mentor_birth_year),
        (ImportKind::Mentees, "birth_year") => td_string!(locale, import.help_mentee_birth_year),
        (_, "first_name" | "last_name") => td_string!(locale, import.help_name),
        (_, "phone") => td_string!(locale, import.help_phone),
        (_, "postcode") => td_string!(locale, import.help_postcode),
        (_, "city") => td_string!(locale, import.help_city),
        (_, "sectors") => td_string!(locale, import.help_sectors),
        (_, "languages") => td_string!(locale, import.help_languages),
        (_, "availability") => td_string!(locale, import.help_availability),
        (_, "locale") => td_string!(locale, import.help_locale),
        (_, "joined_on") => td_string!(locale, import.help_joined_on),
        (_, "completed_duos") => td_string!(locale, import.help_completed_duos),
        (_, "goal_sectors") => td_string!(locale, import.help_goal_sectors),
        (_, "education") => td_string!(locale, import.help_education),
        (_, "registered_on") => td_string!(locale, import.help_registered_on),
        (_, "goal") => td_string!(locale, import.help_goal),
        (_, "referred_by") => td_string!(locale, import.help_referred_by),
        (_, "migrant_background") => td_string!(locale, import.help_migrant_background),
        (_, "special_category_consent") => td_string!(locale, import.help_special_consent),
        (_, "mentor_email") => td_string!(locale, import.help_mentor_email),
        (_, "mentee_email") => td_string!(locale, import.help_mentee_email),
        (_, "started_on") => td_string!(locale, import.help_started_on),
        (_, "ended_on") => td_string!(locale, import.help_ended_on),
        (_, "reason") => td_string!(locale, import.help_reason),
        (_, "outcome") => td_string!(locale, import.help_outcome),
        (_, "contract_type") => td_string!(locale, import.help_contract_type),
        (_, "lasts_three_months") => td_string!(locale, import.help_lasts_three_months),
        (_, "outcome_3_months" | "outcome_6_months" | "outcome_12_months") => {
            td_string!(locale, import.help_follow_up)
        }
        _ => "",
    }
}

/// A value the column takes, the same in every language.
pub fn column_example(kind: ImportKind, key: &str) -> &'static str {
    match (kind, key) {
        (ImportKind::Mentors, "first_name") => "Jan",
        (ImportKind::Mentors, "last_name") => "Peeters",
        (ImportKind::Mentors, "email") => "jan.peeters@example.be",
        (ImportKind::Mentors, "birth_year") => "1958",
        (ImportKind::Mentors, "status") => "available",
        (ImportKind::Mentees, "first_name") => "Amina",
        (ImportKind::Mentees, "last_name") => "El Idrissi",
        (ImportKind::Mentees, "email") => "amina@example.be",
        (ImportKind::Mentees, "birth_year") => "2001",
        (ImportKind::Mentees, "status") => "waiting",
        (ImportKind::Duos, "status") => "closed",
        (_, "phone") => "0470 12 34 56",
        (_, "postcode") => "1080",
        (_, "city") => "brussels",
        (_, "sectors") => "construction:30|logistics:5",
        (_, "languages") => "fr:native|nl:working",
        (_, "availability") => "tue-evening|sat-morning",
        (_, "locale") => "fr",
        (_, "joined_on" | "registered_on") => "2024-03-18",
        (_, "completed_duos") => "2",
        (_, "goal_sectors") => "healthcare|social-work",
        (_, "education") => "upper_secondary",
        (_, "goal") => "Nursing assistant",
        (_, "referred_by") => "Actiris",
        (_, "migrant_background" | "special_category_consent" | "lasts_three_months") => "yes",
        (_, "mentor_email") => "jan.peeters@example.be",
        (_, "mentee_email") => "amina@example.be",
        (_, "started_on") => "2024-01-08",
        (_, "ended_on") => "2024-07-07",
        (_, "reason") => "mentee_found_work",
        (_, "outcome" | "outcome_3_months" | "outcome_12_months") => "job",
        (_, "outcome_6_months") => "job",
        (_, "contract_type") => "fixed_term",
        _ => "",
    }
}

/// Every header in every language with its column, for reading a file's first line.
pub fn header_names() -> Vec<(String, &'static str)> {
    let mut names = Vec::new();
    for locale in DomainLocale::ALL {
        let ui = Locale::from(*locale);
        for key in all_keys() {
            names.push((column_label(ui, key).to_owned(), key));
        }
    }
    names
}

/// The template of a kind in one language: the header line, with the separator spreadsheets
/// of that language expect (Excel in French and Dutch splits on semicolons), and a byte-order
/// mark so they read it as UTF-8.
pub fn template(locale: Locale, kind: ImportKind) -> String {
    let separator = if locale == Locale::en { "," } else { ";" };
    let header: Vec<&str> = crate::domain::import::layout::columns(kind)
        .iter()
        .map(|c| column_label(locale, c.key))
        .collect();
    format!("\u{feff}{}\r\n", header.join(separator))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::import::layout::{columns, normalise, read_header};

    #[test]
    fn every_column_has_words_in_every_language() {
        for locale in DomainLocale::ALL {
            let ui = Locale::from(*locale);
            for kind in ImportKind::ALL {
                for column in columns(*kind) {
                    assert!(!column_label(ui, column.key).is_empty(), "{}", column.key);
                    assert!(
                        !column_help(ui, *kind, column.key).is_empty(),
                        "{}",
                        column.key
                    );
                    assert!(
                        !column_example(*kind, column.key).is_empty(),
                        "{}",
                        column.key
                    );
                }
            }
        }
    }

    #[test]
    fn each_template_reads_back_as_its_layout() {
        let names = header_names();
        for locale in DomainLocale::ALL {
            let ui = Locale::from(*locale);
            for kind in ImportKind::ALL {
                let text = template(ui, *kind);
                let records = crate::domain::import::csv::read(&text).expect("csv");
                let keys = read_header(*kind, &records[0].cells, &names).expect("header");
                let expected: Vec<&str> = columns(*kind).iter().map(|c| c.key).collect();
                assert_eq!(keys, expected, "{locale} {kind}");
            }
        }
    }

    #[test]
    fn no_header_names_two_columns_of_one_layout() {
        let names = header_names();
        for kind in ImportKind::ALL {
            for a in columns(*kind) {
                for b in columns(*kind).iter().filter(|b| b.key != a.key) {
                    let clash = names.iter().any(|(name, key)| {
                        *key == a.key
                            && (normalise(name) == normalise(b.key)
                                || names.iter().any(|(other, k)| {
                                    *k == b.key && normalise(other) == normalise(name)
                                }))
                    });
                    assert!(!clash, "{kind}: {} and {}", a.key, b.key);
                }
            }
        }
    }
}
