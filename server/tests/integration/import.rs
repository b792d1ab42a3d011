//! Importing an existing programme through the server functions, on both databases: a dry run
//! of a file full of mistakes with every problem named exactly, a good file imported with its
//! progress, the same file again creating nothing, callers who are not admins refused, and
//! imported past duos counted by the impact dashboard.

use app::db::entities::{
    consents, duos, intake_interviews, magic_links, mentees, mentors, training_attendance, users,
};
use app::domain::impact::{EarlyStop, Ratio};
use app::domain::role::Role;
use app::features::impact::types::ImpactReport;
use app::features::import::types::{ImportEvent, ImportReport, ImportSummary, Issue, Problem};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;
use server::seed::load_reference;

use crate::support::app::TestApp;
use crate::support::db::on_both_backends;

on_both_backends!(
    a_dry_run_names_every_mistake_and_writes_nothing,
    a_good_file_is_imported_once_however_often_it_is_sent,
    only_admins_import,
    imported_past_duos_count_in_the_impact_figures,
    only_the_import_takes_whole_files
);

async fn spawn(db: DatabaseConnection) -> (TestApp, String) {
    let app = TestApp::spawn(db).await;
    load_reference(&app.db).await.expect("reference data");
    let admin = app.session(Role::Admin, &[]).await;
    (app, admin)
}

fn body(kind: &str, csv: &str) -> String {
    json!({ "kind": kind, "csv": csv }).to_string()
}

async fn check(app: &TestApp, session: &str, kind: &str, csv: &str) -> ImportReport {
    let (status, report) = app
        .call(Some(session), "check_import", &body(kind, csv))
        .await;
    assert_eq!(status, StatusCode::OK, "{report}");
    serde_json::from_value(report).expect("a report")
}

/// The import's stream, line by line.
async fn run(app: &TestApp, session: &str, kind: &str, csv: &str) -> Vec<ImportEvent> {
    let (status, stream) = app
        .call(Some(session), "run_import", &body(kind, csv))
        .await;
    assert_eq!(status, StatusCode::OK, "{stream}");
    let text = match stream {
        serde_json::Value::String(text) => text,
        one_line => format!("{one_line}\n"),
    };
    assert!(
        text.ends_with('\n'),
        "every event is a whole line: {text:?}"
    );
    text.lines()
        .map(|line| serde_json::from_str(line).expect("an event"))
        .collect()
}

fn problem(line: u32, column: &str, issue: Issue) -> Problem {
    Problem {
        line,
        column: Some(column.to_owned()),
        issue,
    }
}

fn invalid(code: &str) -> Issue {
    Issue::Invalid(serde_json::from_value(json!({ "code": code })).expect("an error code"))
}

async fn a_dry_run_names_every_mistake_and_writes_nothing(db: DatabaseConnection) {
    let (app, admin) = spawn(db).await;
    let (_, staff_email) = app.user(Role::Coordinator, &[]).await;
    let header =
        "first_name,last_name,email,birth_year,postcode,city,sectors,languages,locale,status";
    let first = format!(
        "{header}\nAnna,Andries,anna@import.test,1960,1000,brussels,healthcare:20,fr:native,fr,available\n"
    );
    let events = run(&app, &admin, "mentors", &first).await;
    assert_eq!(events.last(), Some(&done(1, 0)));

    let file = format!(
        "{header}\n\
         Anna,Andries,anna@import.test,1960,1000,brussels,healthcare:20,fr:native,fr,available\n\
         Dirk,Dupont,dirk@@import.test,1958,1000,brussels,healthcare:20,fr:native,fr,available\n\
         Eva,Evers,eva@import.test,1990,1000,brussels,healthcare:20,fr:native,fr,available\n\
         Fien,Faes,fien@import.test,1958,1000,brussels,plumbing:20,fr:native,fr,available\n\
         Gert,Goris,gert@import.test,1958,1000,Namur,healthcare:20,fr:native,fr,available\n\
         Hugo,Hermans,FIEN@import.test,1958,1000,brussels,healthcare:20,fr:native,fr,available\n\
         Ilse,Ilsen,ilse@import.test,1958,1000,brussels,healthcare:20,xx:native,fr,retired\n\
         Jan,Janssens,jan@import.test,1958,10000,Bruxelles,healthcare:20,fr:native,fr,available\n\
         Kim,Kok,kim@import.test,1958,1000,Brussel,Soins de santé:20,fr:native,fr,available\n\
         Lena,Laan,{staff_email},1958,1000,brussels,healthcare:20,fr:native,fr,available\n"
    );
    let report = check(&app, &admin, "mentors", &file).await;
    let expected = vec![
        problem(3, "email", invalid("invalid_email")),
        problem(
            4,
            "birth_year",
            invalid_with(json!({ "code": "mentor_too_young", "min_age": 50 })),
        ),
        problem(
            5,
            "sectors",
            Issue::UnknownSector {
                value: "plumbing".into(),
            },
        ),
        problem(
            6,
            "city",
            Issue::UnknownCity {
                value: "Namur".into(),
            },
        ),
        problem(7, "email", Issue::Duplicate { first_line: 5 }),
        problem(
            8,
            "languages",
            Issue::UnknownLanguage { value: "xx".into() },
        ),
        problem(8, "status", invalid("invalid_choice")),
        problem(9, "postcode", invalid("invalid_postcode")),
        problem(11, "email", Issue::EmailTaken),
    ];
    assert_eq!(report.problems, expected);
    assert_eq!(
        (
            report.rows,
            report.new,
            report.already_there,
            report.problem_count
        ),
        (10, 1, 1, 9)
    );
    assert!(!report.ready());
    assert_eq!(mentors::Entity::find().count(&app.db).await.unwrap(), 1);

    // The same file sent to the import itself is refused whole: not even Kim is written.
    let events = run(&app, &admin, "mentors", &file).await;
    assert!(
        matches!(events.as_slice(), [ImportEvent::Refused(r)] if r.problems == expected),
        "{events:?}"
    );
    assert_eq!(mentors::Entity::find().count(&app.db).await.unwrap(), 1);

    let duo_file = "mentor_email;mentee_email;started_on;ended_on;status;outcome\n\
         nobody@import.test;anna@import.test;2024-01-08;2024-07-07;closed;none\n\
         anna@import.test;nobody@import.test;2024-01-08;2023-07-07;closed;hired\n";
    let report = check(&app, &admin, "duos", duo_file).await;
    assert_eq!(
        report.problems,
        [
            problem(2, "mentor_email", Issue::UnknownMentor),
            problem(2, "mentee_email", Issue::UnknownMentee),
            problem(
                3,
                "ended_on",
                invalid_with(json!({ "code": "date_before_start", "start": "2024-01-08" }))
            ),
            problem(3, "outcome", invalid("invalid_choice")),
        ]
    );

    let header_only = check(&app, &admin, "mentees", "e-mail;shoe size\n").await;
    let missing: Vec<(Option<&str>, &Issue)> = header_only
        .problems
        .iter()
        .map(|p| (p.column.as_deref(), &p.issue))
        .collect();
    assert_eq!(missing[0], (Some("shoe size"), &Issue::UnknownColumn));
    assert!(
        missing[1..]
            .iter()
            .all(|(_, i)| **i == Issue::MissingColumn)
    );
    assert_eq!(
        missing.len(),
        1 + 11,
        "the eleven required columns but e-mail"
    );
}

fn invalid_with(code: serde_json::Value) -> Issue {
    Issue::Invalid(serde_json::from_value(code).expect("an error code"))
}

fn done(created: u32, already_there: u32) -> ImportEvent {
    ImportEvent::Done(ImportSummary {
        created,
        already_there,
    })
}

/// `n` mentors, every third paused, the others available or applied, in three cities.
fn mentors_file(n: usize) -> String {
    let mut file = String::from(
        "Prénom;Nom;E-mail;Année de naissance;Code postal;Ville;Secteurs;Langues;Disponibilités;\
         Langue des e-mails;Statut;Arrivé le\n",
    );
    let cities = ["brussels", "Anvers", "Gent"];
    let statuses = ["available", "applied", "paused"];
    for i in 0..n {
        file.push_str(&format!(
            "Mentor;N°{i};mentor{i}@import.test;{};1000;{};construction:{}|it:2;fr:native|nl:working;\
             tue-evening;fr;{};2023-03-{:02}\n",
            1950 + i % 20,
            cities[i % 3],
            1 + i % 40,
            statuses[i % 3],
            1 + i % 28,
        ));
    }
    file
}

async fn a_good_file_is_imported_once_however_often_it_is_sent(db: DatabaseConnection) {
    let (app, admin) = spawn(db).await;
    let file = mentors_file(2_500);
    let report = check(&app, &admin, "mentors", &file).await;
    assert_eq!(
        (report.rows, report.new, report.already_there),
        (2_500, 2_500, 0)
    );
    assert_eq!(report.problems, []);
    assert_eq!(mentors::Entity::find().count(&app.db).await.unwrap(), 0);

    let events = run(&app, &admin, "mentors", &file).await;
    let progress = |written| ImportEvent::Progress {
        written,
        total: 2_500,
    };
    assert_eq!(
        events,
        [
            ImportEvent::Started { total: 2_500 },
            progress(1_000),
            progress(2_000),
            progress(2_500),
            done(2_500, 0),
        ]
    );
    let written = counts(&app.db).await;
    assert_eq!(
        written,
        (2_500, 2_500, 2_500, 1_667, 1_667),
        "mentors, accounts, consents, screened"
    );

    // Each mentor signs in with a link: their account exists and is linked.
    let anna = mentors::Entity::find()
        .filter(mentors::Column::Email.eq("mentor7@import.test"))
        .one(&app.db)
        .await
        .unwrap()
        .expect("imported");
    assert_eq!(anna.city_id, city_id(&app.db, "antwerp").await);
    let (status, _) = app
        .call(None, "request_magic_link", "email=mentor7%40import.test")
        .await;
    assert_eq!(status, StatusCode::OK);
    let links = magic_links::Entity::find()
        .filter(magic_links::Column::UserId.eq(anna.user_id.expect("an account")))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(links, 1);

    // Again, and once more after a check: nothing new.
    assert_eq!(
        run(&app, &admin, "mentors", &file).await,
        [ImportEvent::Started { total: 0 }, done(0, 2_500)]
    );
    let report = check(&app, &admin, "mentors", &file).await;
    assert_eq!((report.new, report.already_there), (0, 2_500));
    assert_eq!(counts(&app.db).await, (2_500, 2_500, 2_500, 1_667, 1_667));
}

async fn city_id(db: &DatabaseConnection, slug: &str) -> i32 {
    use app::db::entities::cities;
    cities::Entity::find()
        .filter(cities::Column::Slug.eq(slug))
        .one(db)
        .await
        .unwrap()
        .expect("city")
        .id
}

/// Mentors, mentor accounts, consents, intakes and attended trainings.
async fn counts(db: &DatabaseConnection) -> (u64, u64, u64, u64, u64) {
    (
        mentors::Entity::find().count(db).await.unwrap(),
        users::Entity::find()
            .filter(users::Column::Role.eq("mentor"))
            .count(db)
            .await
            .unwrap(),
        consents::Entity::find().count(db).await.unwrap(),
        intake_interviews::Entity::find().count(db).await.unwrap(),
        training_attendance::Entity::find()
            .filter(training_attendance::Column::Attended.eq(true))
            .count(db)
            .await
            .unwrap(),
    )
}

async fn only_admins_import(db: DatabaseConnection) {
    let (app, _) = spawn(db).await;
    let file = mentors_file(3);
    let brussels = city_id(&app.db, "brussels").await;
    let callers = [
        (None, StatusCode::UNAUTHORIZED),
        (
            Some(app.session(Role::Coordinator, &[brussels]).await),
            StatusCode::FORBIDDEN,
        ),
        (
            Some(app.session(Role::Manager, &[]).await),
            StatusCode::FORBIDDEN,
        ),
    ];
    for (session, expected) in callers {
        for function in ["check_import", "run_import"] {
            let (status, answer) = app
                .call(session.as_deref(), function, &body("mentors", &file))
                .await;
            assert_eq!(status, expected, "{function}: {answer}");
            let error: app::error::AppError = serde_json::from_value(answer).expect("an AppError");
            assert!(matches!(
                error,
                app::error::AppError::Unauthenticated | app::error::AppError::Forbidden
            ));
        }
    }
    assert_eq!(mentors::Entity::find().count(&app.db).await.unwrap(), 0);
}

const PEOPLE_MENTORS: &str = "First name,Last name,E-mail,Birth year,Postcode,City,Sectors,Languages,E-mail language,Status,Joined on
Anna,Andries,anna@import.test,1960,1000,brussels,healthcare:20,fr:native|nl:working,fr,available,2022-05-02
Bert,Bos,bert@import.test,1955,2000,antwerp,construction:30,nl:native,nl,paused,2022-06-01
";

const PEOPLE_MENTEES: &str = "first_name;last_name;email;birth_year;postcode;city;goal_sectors;education;languages;availability;locale;status;registered_on
Xavi;Xhaferi;xavi@import.test;1998;1000;brussels;healthcare;upper_secondary;fr:working;tue-evening;fr;followed_up;2022-10-03
Yara;Yilmaz;yara@import.test;1999;2000;antwerp;construction|logistics;vocational;nl:working;mon-evening;nl;followed_up;2023-01-02
Zoe;Zeroual;zoe@import.test;2000;1000;brussels;it;bachelor;fr:fluent;wed-afternoon;fr;waiting;2023-08-01
Wim;Wouters;wim@import.test;2001;2000;antwerp;retail;master;nl:native;fri-morning;nl;followed_up;2023-10-02
";

/// Anna mentors Xavi (a job, and a job at 3 months) and later Zoe (stopped when Zoe found
/// work); Bert mentors Yara (no outcome, a job at 12 months) and later Wim (unknown).
const PAST_DUOS: &str = "mentor_email;mentee_email;started_on;ended_on;status;reason;outcome;contract_type;lasts_three_months;outcome_3_months;outcome_6_months;outcome_12_months
anna@import.test;xavi@import.test;2023-01-09;2023-07-09;closed;;job;permanent;yes;job;;
bert@import.test;yara@import.test;06/02/2023;06/08/2023;closed;;none;;;none;training;job
anna@import.test;zoe@import.test;2023-09-04;2023-11-12;stopped_early;mentee_found_work;;;;;;
bert@import.test;wim@import.test;2024-01-08;2024-07-07;closed;;unknown;;;;;
";

async fn impact(app: &TestApp, session: &str) -> ImpactReport {
    let (status, report) = app.call(Some(session), "get_impact", "").await;
    assert_eq!(status, StatusCode::OK, "{report}");
    serde_json::from_value(report).expect("an impact report")
}

async fn imported_past_duos_count_in_the_impact_figures(db: DatabaseConnection) {
    let (app, admin) = spawn(db).await;
    assert_eq!(impact(&app, &admin).await.total.duos_created, 0);
    for (kind, file, created) in [
        ("mentors", PEOPLE_MENTORS, 2),
        ("mentees", PEOPLE_MENTEES, 4),
        ("duos", PAST_DUOS, 4),
    ] {
        let events = run(&app, &admin, kind, file).await;
        assert_eq!(events.last(), Some(&done(created, 0)), "{kind}: {events:?}");
    }
    let total = impact(&app, &admin).await.total;
    assert_eq!(total.duos_created, 4);
    assert_eq!(total.duos_active, 0);
    assert_eq!(total.active_mentors, 2);
    assert_eq!(total.positive_outcomes, Ratio { part: 1, whole: 2 });
    assert_eq!(total.job_within_12_months, Ratio { part: 2, whole: 3 });
    assert_eq!(total.mentor_return, Ratio { part: 2, whole: 2 });
    assert_eq!(
        total.early_stops,
        [EarlyStop {
            reason: "mentee_found_work".into(),
            duos: 1
        }]
    );

    // Importing the people and duos again changes nothing, figures included.
    for (kind, file, already) in [
        ("mentors", PEOPLE_MENTORS, 2),
        ("mentees", PEOPLE_MENTEES, 4),
        ("duos", PAST_DUOS, 4),
    ] {
        let events = run(&app, &admin, kind, file).await;
        assert_eq!(events.last(), Some(&done(0, already)), "{kind}");
    }
    assert_eq!(duos::Entity::find().count(&app.db).await.unwrap(), 4);
    assert_eq!(mentees::Entity::find().count(&app.db).await.unwrap(), 4);
    assert_eq!(impact(&app, &admin).await.total, total);
}

/// A programme's file is larger than any form: the import's functions take it, every other
/// request keeps the small limit.
async fn only_the_import_takes_whole_files(db: DatabaseConnection) {
    let (app, admin) = spawn(db).await;
    let file = mentors_file(20_000);
    assert!(file.len() > 2 * 1024 * 1024, "above axum's default limit");
    let report = check(&app, &admin, "mentors", &file).await;
    assert_eq!(
        (report.rows, report.new, report.problem_count),
        (20_000, 20_000, 0)
    );

    let form = format!("x={}", "a".repeat(300 * 1024));
    let (status, _) = app.call(Some(&admin), "list_users", &form).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
}
