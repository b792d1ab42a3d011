//! A fresh database per test: an SQLite file opened exactly as the server
//! opens it, or a PostgreSQL database created for the test and dropped after.
//!
//! PostgreSQL runs when `TEST_DATABASE_URL` names a server database to create
//! test databases from (`.ci/cargo-tests.sh` sets it when a server answers on
//! 127.0.0.1:5432). Without it the PostgreSQL half is skipped with a notice,
//! except under `CI`, where it fails.

use std::future::Future;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, Statement};

/// Runs each named scenario (an `async fn(DatabaseConnection)`) on both backends.
macro_rules! on_both_backends {
    ($($scenario:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $scenario() {
                    $crate::support::db::with_sqlite(super::$scenario).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $scenario() {
                    $crate::support::db::with_postgres(super::$scenario).await;
                }
            )*
        }
    };
}
pub(crate) use on_both_backends;

pub fn unique_name(prefix: &str) -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{prefix}_{}_{nanos}_{n}", std::process::id())
}

async fn run_then_clean<F, Fut>(db: DatabaseConnection, scenario: F) -> std::thread::Result<()>
where
    F: FnOnce(DatabaseConnection) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    // A spawned task turns a panic into a JoinError, so cleanup still runs.
    let outcome = tokio::spawn(scenario(db.clone())).await;
    db.close().await.expect("close pool");
    outcome.map_err(|e| e.into_panic())
}

async fn pragma(db: &DatabaseConnection, name: &str) -> String {
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            format!("PRAGMA {name}"),
        ))
        .await
        .expect("read pragma")
        .expect("pragma row");
    row.try_get_by_index::<String>(0)
        .or_else(|_| row.try_get_by_index::<i64>(0).map(|n| n.to_string()))
        .expect("pragma value")
}

pub async fn with_sqlite<F, Fut>(scenario: F)
where
    F: FnOnce(DatabaseConnection) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let path: PathBuf = std::env::temp_dir().join(format!("{}.sqlite", unique_name("duo_test")));
    let db = app::platform::database::connect(&format!("sqlite://{}?mode=rwc", path.display()), 8)
        .await
        .expect("open SQLite file");
    assert_eq!(pragma(&db, "journal_mode").await, "wal");
    assert_eq!(pragma(&db, "synchronous").await, "2", "FULL");
    assert_eq!(pragma(&db, "foreign_keys").await, "1");
    let outcome = run_then_clean(db, scenario).await;
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

/// The PostgreSQL server to create test databases on, as (server base URL,
/// maintenance database URL), or `None` to skip.
fn postgres_server() -> Option<(String, String)> {
    match std::env::var("TEST_DATABASE_URL") {
        Ok(url) if !url.trim().is_empty() => {
            let base = url
                .rsplit_once('/')
                .map_or(url.as_str(), |(base, _)| base)
                .to_owned();
            Some((base, url))
        }
        _ if std::env::var_os("CI").is_some() => {
            panic!("CI is set: PostgreSQL is mandatory, but TEST_DATABASE_URL is unset")
        }
        _ => {
            eprintln!("skipping the PostgreSQL run: TEST_DATABASE_URL is unset");
            None
        }
    }
}

pub async fn with_postgres<F, Fut>(scenario: F)
where
    F: FnOnce(DatabaseConnection) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    with_postgres_url(|url| async move {
        let mut options = ConnectOptions::new(url);
        options.max_connections(8).sqlx_logging(false);
        let db = Database::connect(options)
            .await
            .expect("connect to test database");
        if let Err(panic) = run_then_clean(db, scenario).await {
            std::panic::resume_unwind(panic);
        }
    })
    .await;
}

/// A fresh PostgreSQL database for a scenario that needs its URL, to hand to server
/// processes; dropped after, whatever the scenario did.
pub async fn with_postgres_url<F, Fut>(scenario: F)
where
    F: FnOnce(String) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let Some((server, maintenance)) = postgres_server() else {
        return;
    };
    let admin = Database::connect(maintenance.as_str())
        .await
        .expect("PostgreSQL must be reachable at TEST_DATABASE_URL");
    let name = unique_name("duo_test");
    admin
        .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
        .await
        .expect("create test database");
    let outcome = tokio::spawn(scenario(format!("{server}/{name}"))).await;
    admin
        .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
        .await
        .expect("drop test database");
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic.into_panic());
    }
}
