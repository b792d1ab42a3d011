//! How long the impact dashboard takes to compute: every figure, per city and per cohort (the
//! whole `get_impact` answer, 27 statements), for a manager who sees every city.
//!
//! On the demo data (target: under 200 ms) and on `seed --scale 20` (target: under 1 s), on
//! SQLite and, when `BENCH_POSTGRES_URL` names a server database to create scratch databases
//! from, on PostgreSQL. `make bench-impact` runs it; the demo figures are printed first.

use std::time::{Duration, Instant};

use chrono::Utc;
use criterion::{Criterion, criterion_group, criterion_main};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use sea_orm_migration::MigratorTrait;

use app::db::migration::Migrator;
use app::domain::impact::Figures;
use app::domain::locale::Locale;
use app::domain::role::Role;
use app::features::auth::types::SessionUser;
use app::features::impact::service;
use app::features::impact::types::{ImpactQuery, ImpactReport};
use app::platform::database;
use server::seed::{load_demo_scaled, load_reference};

fn manager() -> SessionUser {
    SessionUser {
        user_id: 0,
        email: "bench@example.org".into(),
        display_name: "Bench".into(),
        role: Role::Manager,
        locale: Locale::En,
        city_ids: Vec::new(),
        mentor_id: None,
    }
}

async fn seeded(url: &str, scale: usize) -> DatabaseConnection {
    let db = database::connect(url, 4).await.expect("connect");
    Migrator::up(&db, None).await.expect("migrate");
    load_reference(&db).await.expect("reference data");
    let started = Instant::now();
    let summary = load_demo_scaled(&db, Utc::now().date_naive(), scale)
        .await
        .expect("demo data");
    eprintln!(
        "seeded scale {scale}: {} mentors, {} mentees, {} duos, {} meetings in {:.1} s",
        summary.mentors,
        summary.mentees,
        summary.duos,
        summary.meetings,
        started.elapsed().as_secs_f64()
    );
    db
}

/// A fresh database for one scale: an SQLite file, or a PostgreSQL database created anew.
async fn scratch(backend: &str, scale: usize) -> Option<DatabaseConnection> {
    match backend {
        "sqlite" => {
            let path = std::env::temp_dir().join(format!("duo-bench-impact-{scale}.sqlite"));
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
            }
            Some(seeded(&format!("sqlite://{}?mode=rwc", path.display()), scale).await)
        }
        _ => {
            let server = std::env::var("BENCH_POSTGRES_URL").ok()?;
            let admin = database::connect(&server, 1).await.expect("postgres");
            let name = format!("duo_bench_impact_{scale}");
            admin
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name}"))
                .await
                .expect("drop");
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .expect("create");
            let (base, _) = server.rsplit_once('/').expect("url with a database");
            Some(seeded(&format!("{base}/{name}"), scale).await)
        }
    }
}

async fn report(db: &DatabaseConnection) -> ImpactReport {
    let today = Utc::now().date_naive();
    service::report(db, &manager(), &ImpactQuery::default(), today)
        .await
        .expect("report")
}

fn print_figures(label: &str, f: &Figures) {
    let pct = |r: app::domain::impact::Ratio| {
        r.share().map_or("no data".to_owned(), |s| {
            format!("{:.1} % ({} of {})", s * 100.0, r.part, r.whole)
        })
    };
    eprintln!("figures on {label}:");
    eprintln!(
        "  duos created {}, active now {}, active mentors {}",
        f.duos_created, f.duos_active, f.active_mentors
    );
    eprintln!(
        "  positive outcomes {} (programme: 71 %)",
        pct(f.positive_outcomes)
    );
    eprintln!(
        "  in a job within 12 months {} (programme: 53 %)",
        pct(f.job_within_12_months)
    );
    eprintln!(
        "  mentor return {} (programme: 9 in 10)",
        pct(f.mentor_return)
    );
    eprintln!(
        "  median wait {:?} days over {} waits",
        f.median_wait_days, f.waits
    );
    eprintln!("  meeting regularity {}", pct(f.meeting_regularity));
    for c in &f.dimensions {
        eprintln!(
            "  {}: {:.2} -> {:.2} ({:+.2}) over {} duos",
            c.dimension.as_str(),
            c.before().unwrap_or_default(),
            c.after().unwrap_or_default(),
            c.change().unwrap_or_default(),
            c.duos
        );
    }
    let stops: Vec<String> = f
        .early_stops
        .iter()
        .map(|s| format!("{} {}", s.reason, s.duos))
        .collect();
    eprintln!("  early stops: {}", stops.join(", "));
}

fn dashboard(c: &mut Criterion) {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let mut group = c.benchmark_group("impact_dashboard");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(10));
    for backend in ["sqlite", "postgres"] {
        for (scale, target_ms) in [(1usize, 200u128), (20, 1000)] {
            let Some(db) = runtime.block_on(scratch(backend, scale)) else {
                eprintln!("{backend}: BENCH_POSTGRES_URL is not set, skipped");
                break;
            };
            let first = Instant::now();
            let answer = runtime.block_on(report(&db));
            let took = first.elapsed().as_millis();
            if scale == 1 {
                print_figures(&format!("{backend}, demo data"), &answer.total);
            }
            eprintln!(
                "{backend} scale {scale}: first answer in {took} ms (target under {target_ms} ms)"
            );
            group.bench_function(format!("{backend}/scale_{scale}"), |b| {
                b.iter(|| runtime.block_on(report(&db)))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, dashboard);
criterion_main!(benches);
