//! How long importing 10,000 mentors takes, end to end through the server functions as the
//! browser calls them: the dry run (`check_import`), the import streaming its progress
//! (`run_import`, one transaction), and the same file again (nothing to create).
//!
//! Each round gets a fresh database with the reference data, on SQLite and, when
//! `BENCH_POSTGRES_URL` names a server database to create scratch databases from, on
//! PostgreSQL. The target is under 30 s for the import. `make bench-import` runs it.

use std::time::{Duration, Instant};

use chrono::Utc;
use leptos::config::LeptosOptions;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseConnection, Set};
use sea_orm_migration::MigratorTrait;

use app::db::entities::users;
use app::db::migration::Migrator;
use app::domain::role::Role;
use app::features::auth::service::start_session;
use app::features::import::types::{ImportEvent, ImportReport};
use app::platform::database;
use app::platform::state::{AppState, Clock, Settings};
use server::seed::load_reference;

const MENTORS: usize = 10_000;
const ROUNDS: usize = 3;
const TARGET: Duration = Duration::from_secs(30);

/// A programme's mentors as a spreadsheet would export them: three cities, one to three
/// sectors, two languages, a few slots, most screened.
fn mentors_file(n: usize) -> String {
    let mut file = String::from(
        "first_name;last_name;email;phone;birth_year;postcode;city;sectors;languages;\
         availability;locale;status;joined_on;completed_duos\n",
    );
    let cities = [("brussels", 1000), ("antwerp", 2000), ("ghent", 9000)];
    let sectors = [
        "construction",
        "healthcare",
        "it",
        "logistics",
        "retail",
        "finance",
    ];
    let statuses = ["available", "available", "paused", "left", "applied"];
    let slots = [
        "mon-evening",
        "tue-morning|thu-evening",
        "sat-morning|sat-afternoon|wed-evening",
    ];
    for i in 0..n {
        let (city, postcode) = cities[i % cities.len()];
        let mut sector_list = vec![format!("{}:{}", sectors[i % 6], 5 + i % 30)];
        if i % 2 == 0 {
            sector_list.push(format!("{}:{}", sectors[(i + 1) % 6], 1 + i % 9));
        }
        file.push_str(&format!(
            "Mentor{i};Family{};mentor.{i}@bench.example.be;0470 {:02} {:02} {:02};{};{};{city};{};\
             fr:native|nl:working;{};{};{};2024-{:02}-{:02};{}\n",
            i / 7,
            i % 100,
            (i / 100) % 100,
            i % 97,
            1945 + i % 25,
            postcode + i % 90,
            sector_list.join("|"),
            slots[i % slots.len()],
            ["fr", "nl", "en"][i % 3],
            statuses[i % statuses.len()],
            1 + i % 12,
            1 + i % 28,
            i % 4,
        ));
    }
    file
}

/// A fresh database for one round: an SQLite file, or a PostgreSQL database created anew.
async fn scratch(backend: &str, round: usize) -> Option<DatabaseConnection> {
    let url = match backend {
        "sqlite" => {
            let path = std::env::temp_dir().join(format!("duo-bench-import-{round}.sqlite"));
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
            }
            format!("sqlite://{}?mode=rwc", path.display())
        }
        _ => {
            let server = std::env::var("BENCH_POSTGRES_URL").ok()?;
            let admin = database::connect(&server, 1).await.expect("postgres");
            let name = format!("duo_bench_import_{round}");
            for statement in [
                format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
                format!("CREATE DATABASE {name}"),
            ] {
                admin
                    .execute_unprepared(&statement)
                    .await
                    .expect(&statement);
            }
            let (base, _) = server.rsplit_once('/').expect("url with a database");
            format!("{base}/{name}")
        }
    };
    let db = database::connect(&url, 8).await.expect("connect");
    Migrator::up(&db, None).await.expect("migrate");
    load_reference(&db).await.expect("reference data");
    Some(db)
}

/// The whole router on a free local port, and an admin's session cookie.
async fn serve(db: DatabaseConnection) -> (String, String) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("address");
    let settings = Settings::for_url(&format!("http://{addr}"));
    let admin = users::ActiveModel {
        email: Set("admin@bench.example.be".into()),
        display_name: Set("Bench admin".into()),
        role: Set(Role::Admin.as_str().into()),
        locale: Set("en".into()),
        password_hash: Set(None),
        disabled_at: Set(None),
        created_at: Set(Utc::now()),
        last_sign_in_at: Set(None),
        ..Default::default()
    }
    .insert(&db)
    .await
    .expect("admin");
    let token = start_session(&db, admin.id, &settings, None)
        .await
        .expect("session");
    let state = AppState::new(db, settings, Clock::default());
    let options = LeptosOptions::builder()
        .output_name("duo")
        .site_addr(addr)
        .build();
    let router = server::startup::router(state, options);
    let service = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, service).await });
    (format!("http://{addr}"), format!("duo_session={token}"))
}

async fn post(base: &str, cookie: &str, function: &str, csv: &str) -> String {
    let body = serde_json::json!({ "kind": "mentors", "csv": csv }).to_string();
    let response = reqwest::Client::new()
        .post(format!("{base}/api/{function}"))
        .header("content-type", "application/json")
        .header("accept", "application/json")
        .header("cookie", cookie)
        .body(body)
        .send()
        .await
        .expect("request");
    assert!(
        response.status().is_success(),
        "{function}: {}",
        response.status()
    );
    response.text().await.expect("body")
}

fn last_event(stream: &str) -> ImportEvent {
    let line = stream.lines().last().expect("a last line");
    serde_json::from_str(line).expect("an event")
}

/// One round: check, import, import again. Returns the three durations.
async fn round(backend: &str, round: usize, csv: &str) -> Option<[Duration; 3]> {
    let db = scratch(backend, round).await?;
    let (base, cookie) = serve(db).await;
    let started = Instant::now();
    let report: ImportReport =
        serde_json::from_str(&post(&base, &cookie, "check_import", csv).await).expect("report");
    let checked = started.elapsed();
    assert_eq!((report.new, report.problem_count), (MENTORS as u32, 0));
    let started = Instant::now();
    let stream = post(&base, &cookie, "run_import", csv).await;
    let imported = started.elapsed();
    let progress = stream.lines().count().saturating_sub(2);
    match last_event(&stream) {
        ImportEvent::Done(summary) => assert_eq!(summary.created, MENTORS as u32),
        other => panic!("import did not finish: {other:?}"),
    }
    let started = Instant::now();
    let again = post(&base, &cookie, "run_import", csv).await;
    let repeated = started.elapsed();
    match last_event(&again) {
        ImportEvent::Done(summary) => assert_eq!(summary.already_there, MENTORS as u32),
        other => panic!("second import did not finish: {other:?}"),
    }
    eprintln!(
        "{backend} round {round}: check {:.2} s, import {:.2} s ({progress} progress lines), again {:.2} s",
        checked.as_secs_f64(),
        imported.as_secs_f64(),
        repeated.as_secs_f64()
    );
    Some([checked, imported, repeated])
}

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values[values.len() / 2]
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument names the backend to run alone.
    let only: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let csv = mentors_file(MENTORS);
    eprintln!(
        "import bench: {MENTORS} mentors, a {:.1} MB file, {ROUNDS} rounds per database",
        csv.len() as f64 / 1_048_576.0
    );
    let mut failed = false;
    for backend in ["sqlite", "postgres"] {
        if only.as_deref().is_some_and(|o| o != backend) {
            continue;
        }
        let mut results = Vec::new();
        for n in 1..=ROUNDS {
            match runtime.block_on(round(backend, n, &csv)) {
                Some(times) => results.push(times),
                None => break,
            }
        }
        if results.is_empty() {
            eprintln!("{backend}: BENCH_POSTGRES_URL is not set, skipped");
            continue;
        }
        let column = |i: usize| median(results.iter().map(|r| r[i]).collect());
        let import = column(1);
        let verdict = if import < TARGET { "within" } else { "OVER" };
        failed |= import >= TARGET;
        println!(
            "{backend}: {MENTORS} mentors, median of {}: check {:.2} s, import {:.2} s ({verdict} the 30 s target), same file again {:.2} s",
            results.len(),
            column(0).as_secs_f64(),
            import.as_secs_f64(),
            column(2).as_secs_f64()
        );
    }
    if failed {
        std::process::exit(1);
    }
}
