//! Whole files through the checks: good rows become records, every mistake is named at its
//! line and column.

use chrono::NaiveDate;

use super::*;
use crate::domain::availability::Slot;
use crate::domain::duo::{DuoStatus, StopReason};
use crate::domain::mentee::MenteeStatus;
use crate::domain::mentor::MentorStatus;
use crate::domain::outcome::{ContractType, FollowUpMonth, Outcome};
use crate::domain::reference::LanguageLevel;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).expect("date")
}

fn reference() -> Reference {
    let names = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    Reference::new(
        &[
            (1, names(&["brussels", "Bruxelles", "Brussel"])),
            (2, names(&["liege", "Liège", "Luik"])),
        ],
        &[
            (10, names(&["construction", "Bouw"])),
            (11, names(&["healthcare", "Soins de santé"])),
            (12, names(&["it"])),
        ],
        &[(20, names(&["fr", "Français"])), (21, names(&["nl"]))],
    )
}

fn found(problems: &[Problem]) -> Vec<(u32, Option<&str>, Issue)> {
    problems
        .iter()
        .map(|p| (p.line, p.column.as_deref(), p.issue.clone()))
        .collect()
}

const MENTOR_HEADER: &str = "first_name;last_name;email;phone;birth_year;postcode;city;sectors;languages;availability;locale;status;joined_on";

#[test]
fn a_good_mentor_row_becomes_a_record() {
    let text = format!(
        "{MENTOR_HEADER}\nJan;Peeters;Jan.Peeters@Example.be;0470 12 34 56;1958;1000;Bruxelles;\
         construction:30|IT:2;fr:native|NL:working;tue-evening|Sat-Morning;nl;available;18/03/2024\n"
    );
    let checked = check_mentors(&text, &[], &reference(), today());
    assert_eq!(checked.problems, []);
    assert_eq!(checked.rows, 1);
    let (line, mentor) = &checked.records[0];
    assert_eq!(*line, 2);
    assert_eq!(mentor.email.as_str(), "jan.peeters@example.be");
    assert_eq!(
        mentor.phone.as_ref().map(|p| p.as_str()),
        Some("+32470123456")
    );
    assert_eq!(mentor.city_id, 1);
    let sectors: Vec<(i32, u32)> = mentor
        .sectors
        .iter()
        .map(|s| (s.sector_id, s.years))
        .collect();
    assert_eq!(sectors, [(10, 30), (12, 2)]);
    let languages: Vec<_> = mentor
        .languages
        .iter()
        .map(|l| (l.language_id, l.level))
        .collect();
    assert_eq!(
        languages,
        [(20, LanguageLevel::Native), (21, LanguageLevel::Working)]
    );
    assert!(mentor.slots.contains(Slot::parse("sat-morning").unwrap()));
    assert_eq!(mentor.status, MentorStatus::Available);
    assert!(mentor.screened());
    assert_eq!(
        mentor.joined_on,
        NaiveDate::from_ymd_opt(2024, 3, 18).unwrap()
    );
}

#[test]
fn every_mentor_mistake_is_named_at_its_line_and_column() {
    let text = format!(
        "{MENTOR_HEADER}\n\
         Jan;Peeters;jan@@example.be;;1958;1000;brussels;construction:30;fr:native;;fr;available;\n\
         Ann;Claes;ann@example.be;;1990;1000;Namur;plumbing:10|it;fr:fluent|xx:basic;;fr;in_duo;\n\
         Jan;Bis;JAN@example.be;;1800;99;brussels;construction:99;fr:great;noon;de;left;2030-01-01\n\
         Piet;;piet@example.be;;1960;1000;brussels;construction:0;;;en;paused;;extra\n"
    );
    let checked = check_mentors(&text, &[], &reference(), today());
    assert_eq!(checked.records.len(), 0);
    let unknown = |value: &str| value.to_owned();
    assert_eq!(
        found(&checked.problems),
        [
            (2, Some("email"), Issue::Invalid(ErrorCode::InvalidEmail)),
            (
                3,
                Some("birth_year"),
                Issue::Invalid(ErrorCode::MentorTooYoung { min_age: 50 })
            ),
            (
                3,
                Some("city"),
                Issue::UnknownCity {
                    value: unknown("Namur")
                }
            ),
            (
                3,
                Some("sectors"),
                Issue::UnknownSector {
                    value: unknown("plumbing")
                }
            ),
            (
                3,
                Some("sectors"),
                Issue::BadItem {
                    value: unknown("it")
                }
            ),
            (
                3,
                Some("languages"),
                Issue::UnknownLanguage {
                    value: unknown("xx")
                }
            ),
            (3, Some("status"), Issue::Invalid(ErrorCode::InvalidChoice)),
            (
                4,
                Some("birth_year"),
                Issue::Invalid(ErrorCode::InvalidYear)
            ),
            (
                4,
                Some("postcode"),
                Issue::Invalid(ErrorCode::InvalidPostcode)
            ),
            (
                4,
                Some("sectors"),
                Issue::Invalid(ErrorCode::OutOfRange { min: 0, max: 60 })
            ),
            (
                4,
                Some("languages"),
                Issue::Invalid(ErrorCode::InvalidChoice)
            ),
            (
                4,
                Some("availability"),
                Issue::Invalid(ErrorCode::InvalidChoice)
            ),
            (4, Some("locale"), Issue::Invalid(ErrorCode::InvalidChoice)),
            (
                4,
                Some("joined_on"),
                Issue::Invalid(ErrorCode::DateInFuture)
            ),
            (5, None, Issue::ExtraCells { columns: 13 }),
            (5, Some("last_name"), Issue::Invalid(ErrorCode::Required)),
            (5, Some("sectors"), Issue::Invalid(ErrorCode::Required)),
            (5, Some("languages"), Issue::Invalid(ErrorCode::Required)),
        ]
    );
}

#[test]
fn a_repeated_email_is_a_duplicate_of_its_first_line() {
    let row = "Jan;Peeters;jan@example.be;;1958;1000;brussels;construction:30;fr:native;;fr;left;";
    let text = format!(
        "{MENTOR_HEADER}\n{row}\n\n{}\n",
        row.replace("jan@", "JAN@")
    );
    let checked = check_mentors(&text, &[], &reference(), today());
    assert_eq!(checked.records.len(), 1);
    assert_eq!(
        found(&checked.problems),
        [(4, Some("email"), Issue::Duplicate { first_line: 2 })]
    );
}

#[test]
fn file_level_problems_stop_before_the_rows() {
    let check = |text: &str| check_mentors(text, &[], &reference(), today()).problems;
    let file = |issue| vec![Problem::file(issue)];
    assert_eq!(check(""), file(Issue::Empty));
    assert_eq!(check(MENTOR_HEADER), file(Issue::Empty));
    assert_eq!(check("first_name\u{fffd}"), file(Issue::NotUtf8));
    let missing =
        check("first_name,last_name,email,birth_year,postcode,city,sectors,languages,locale");
    assert_eq!(missing, [Problem::at(1, "status", Issue::MissingColumn)]);
}

const MENTEE_HEADER: &str = "first_name,last_name,email,birth_year,postcode,city,goal_sectors,education,languages,availability,locale,status,registered_on,migrant_background,special_category_consent";

#[test]
fn mentees_are_checked_by_the_registration_form_on_the_day_they_registered() {
    let text = format!(
        "{MENTEE_HEADER}\n\
         Amina,El Idrissi,amina@example.be,1990,1080,Brussel,Soins de santé|it,upper_secondary,fr:working,mon-evening,FR,waiting,2020-02-01,yes,yes\n\
         Sam,Lee,,1990,1080,brussels,healthcare,upper_secondary,fr:working,mon-evening,fr,waiting,,,\n\
         Yas,Ben,yas@example.be,2001,1080,brussels,bakery,phd,fr:working,,fr,in_duo,,yes,\n"
    );
    let checked = check_mentees(&text, &[], &reference(), today());
    assert_eq!(
        found(&checked.problems),
        [
            (3, Some("email"), Issue::Invalid(ErrorCode::Required)),
            (
                3,
                Some("birth_year"),
                Issue::Invalid(ErrorCode::MenteeAgeOutOfRange { min: 18, max: 33 })
            ),
            (
                4,
                Some("goal_sectors"),
                Issue::UnknownSector {
                    value: "bakery".to_owned()
                }
            ),
            (
                4,
                Some("education"),
                Issue::Invalid(ErrorCode::InvalidChoice)
            ),
            (4, Some("availability"), Issue::Invalid(ErrorCode::Required)),
            (4, Some("status"), Issue::Invalid(ErrorCode::InvalidChoice)),
            (
                4,
                Some("special_category_consent"),
                Issue::Invalid(ErrorCode::Required)
            ),
        ]
    );
    let (_, amina) = &checked.records[0];
    assert_eq!(amina.status, MenteeStatus::Waiting);
    assert_eq!(amina.registration.goal_sectors, [11, 12]);
    assert_eq!(amina.registration.migrant_background, Some(true));
    assert_eq!(
        amina.registration.birth_year.year(),
        1990,
        "18 to 33 in 2020"
    );
}

const DUO_HEADER: &str = "mentor_email;mentee_email;started_on;ended_on;status;reason;outcome;contract_type;lasts_three_months;outcome_3_months;outcome_6_months;outcome_12_months";

#[test]
fn past_duos_with_their_outcomes() {
    let text = format!(
        "{DUO_HEADER}\n\
         jan@example.be;amina@example.be;2024-01-08;2024-07-07;closed;;job;permanent;yes;job;;job\n\
         jan@example.be;sam@example.be;2025-01-06;2025-03-01;Stopped_Early;mentee_found_work;;;;;;\n\
         jan@example.be;amina@example.be;08/01/2024;2024-07-07;closed;;none;;;;;\n\
         jan@example;x@example.be;2024-05-01;2024-04-01;active;;hired;;;;;\n\
         jan@example.be;yas@example.be;2026-06-01;2026-10-01;closed;;job;;;none;;\n\
         jan@example.be;yas@example.be;2025-06-01;2025-10-01;stopped_early;;job;;;;;\n"
    );
    let checked = check_duos(&text, &[], today());
    let due = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    assert_eq!(
        found(&checked.problems),
        [
            (4, Some("mentor_email"), Issue::Duplicate { first_line: 2 }),
            (
                5,
                Some("mentor_email"),
                Issue::Invalid(ErrorCode::InvalidEmail)
            ),
            (
                5,
                Some("ended_on"),
                Issue::Invalid(ErrorCode::DateBeforeStart {
                    start: NaiveDate::from_ymd_opt(2024, 5, 1).unwrap()
                })
            ),
            (5, Some("status"), Issue::Invalid(ErrorCode::InvalidChoice)),
            (
                6,
                Some("contract_type"),
                Issue::Invalid(ErrorCode::Required)
            ),
            (
                6,
                Some("lasts_three_months"),
                Issue::Invalid(ErrorCode::Required)
            ),
            (
                6,
                Some("outcome_3_months"),
                Issue::FollowUpNotDue { due_on: due }
            ),
            (7, Some("reason"), Issue::Invalid(ErrorCode::Required)),
            (7, Some("outcome"), Issue::NotForThisStatus),
        ]
    );
    assert_eq!(checked.records.len(), 2);
    let (_, closed) = &checked.records[0];
    assert_eq!(closed.status, DuoStatus::Closed);
    let outcome = closed.outcome.expect("closed with an outcome");
    assert_eq!(outcome.outcome, Outcome::Job);
    assert_eq!(
        outcome.job.map(|j| j.contract),
        Some(ContractType::Permanent)
    );
    let months: Vec<_> = closed.follow_ups.iter().map(|f| f.month).collect();
    assert_eq!(months, [FollowUpMonth::M3, FollowUpMonth::M12]);
    let (_, stopped) = &checked.records[1];
    assert_eq!(stopped.reason, Some(StopReason::MenteeFoundWork));
    assert_eq!(stopped.outcome, None);
}
