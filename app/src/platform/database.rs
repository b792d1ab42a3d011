//! Opening the database and starting write transactions the same way on
//! SQLite (the embedded default) and PostgreSQL.

use sea_orm::sqlx;
use sea_orm::sqlx::sqlite::{
    SqliteConnectOptions, SqliteConnection, SqliteJournalMode, SqliteSynchronous,
};
use sea_orm::{
    ConnectOptions, Database, DatabaseConnection, DatabaseTransaction, DbErr,
    SqliteTransactionMode, TransactionOptions, TransactionTrait,
};
use std::time::Duration;

/// Opens a pool on `url` (`sqlite://path?mode=rwc` or `postgres://…`).
///
/// SQLite gets WAL so readers never wait for the writer, `synchronous=FULL`
/// so an acknowledged write survives a power cut, foreign keys (off by
/// default in SQLite), a busy timeout and stable query plans (see
/// [`tune_connection`]); the pool size is explicit because SeaORM otherwise
/// gives SQLite a single connection.
pub async fn connect(url: &str, pool_size: u32) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .max_connections(pool_size)
        .min_connections(1)
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(configure_sqlite)
        .map_sqlx_sqlite_pool_opts(|pool| {
            pool.after_connect(|connection, _| Box::pin(tune_connection(connection)))
        });
    Database::connect(options).await
}

fn configure_sqlite(options: SqliteConnectOptions) -> SqliteConnectOptions {
    options
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(BUSY_LIMIT)
}

/// Sets what sqlx's options cannot on each new SQLite connection: stable query
/// plans, and a busy handler that retries within a millisecond.
///
/// SeaORM binds the `LIMIT` of every `.one()` as a parameter, and SQLite 3.47+
/// plans a statement around the values bound to it: when a new value is bound,
/// the cached statement is thrown away and prepared again. Under load that was
/// 19 % of the mentor home's CPU and 14 % of `log_meeting`'s. The query planner
/// stability guarantee keeps the plan a statement was first prepared with, which
/// is what the statement cache is for; our queries need no plan per value.
///
/// SQLite's own busy handler (behind `busy_timeout`) sleeps 1, 2, 5, 10 … up to
/// 100 ms between tries, so a writer waiting on `BEGIN IMMEDIATE` could sleep
/// long after the lock was free: `log_meeting` had a p99 of 0.75 s at 32
/// connections. [`retry_soon`] keeps the same 10 s limit but tries again within
/// a millisecond.
async fn tune_connection(connection: &mut SqliteConnection) -> Result<(), sqlx::Error> {
    use libsqlite3_sys::{
        SQLITE_DBCONFIG_ENABLE_QPSG, SQLITE_OK, sqlite3_busy_handler, sqlite3_db_config,
    };
    let mut handle = connection.lock_handle().await?;
    let database = handle.as_raw_handle().as_ptr();
    // SAFETY: `database` is this connection's open handle, locked by `handle` for
    // both calls. The QPSG option takes an int (1: on) and an optional out-pointer,
    // which may be null. The busy handler is a plain function with no state.
    let (plans, busy) = unsafe {
        (
            sqlite3_db_config(
                database,
                SQLITE_DBCONFIG_ENABLE_QPSG,
                1 as std::ffi::c_int,
                std::ptr::null_mut::<std::ffi::c_int>(),
            ),
            sqlite3_busy_handler(database, Some(retry_soon), std::ptr::null_mut()),
        )
    };
    if plans == SQLITE_OK && busy == SQLITE_OK {
        Ok(())
    } else {
        Err(sqlx::Error::Configuration(
            format!("SQLite refused a connection setting (codes {plans}, {busy})").into(),
        ))
    }
}

/// How long [`retry_soon`] waits before try number `count` (from 0), or `None`
/// once about `BUSY_LIMIT` has passed: 0.1, 0.2 … 1 ms, then 1 ms at a time.
fn busy_wait(count: u32) -> Option<Duration> {
    const RAMP: u32 = 10;
    let ramp_total_ms = (1..=RAMP).sum::<u32>() / 10;
    let limit = RAMP + (BUSY_LIMIT.as_millis() as u32).saturating_sub(ramp_total_ms);
    match count {
        c if c < RAMP => Some(Duration::from_micros(100 * u64::from(c + 1))),
        c if c < limit => Some(Duration::from_millis(1)),
        _ => None,
    }
}

/// How long a statement waits for another connection's write lock before
/// failing with SQLITE_BUSY.
const BUSY_LIMIT: Duration = Duration::from_secs(10);

/// SQLite's busy handler: called on the connection's own worker thread (sqlx runs
/// each SQLite connection on a thread of its own), so it may sleep. Returning 0
/// gives up and the statement fails with SQLITE_BUSY.
unsafe extern "C" fn retry_soon(
    _: *mut std::ffi::c_void,
    count: std::ffi::c_int,
) -> std::ffi::c_int {
    match busy_wait(u32::try_from(count).unwrap_or(u32::MAX)) {
        Some(wait) => {
            std::thread::sleep(wait);
            1
        }
        None => 0,
    }
}

/// Starts a transaction that will write. On SQLite it is `BEGIN IMMEDIATE`,
/// which takes the write lock up front: a deferred transaction that reads and
/// then writes fails with SQLITE_BUSY under concurrency whatever the timeout.
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}

/// Scratch databases for this crate's unit tests.
#[cfg(test)]
pub(crate) mod scratch {
    use super::connect;
    use sea_orm::DatabaseConnection;
    use std::path::PathBuf;

    /// A scratch SQLite file, removed with its WAL files when dropped (after a failed
    /// assertion too).
    pub(crate) struct Scratch(PathBuf);

    impl Drop for Scratch {
        fn drop(&mut self) {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", self.0.display()));
            }
        }
    }

    /// Opens a pool of `pool_size` on a scratch file named after `name`, as the server does.
    pub(crate) async fn scratch_sqlite(
        name: &str,
        pool_size: u32,
    ) -> (DatabaseConnection, Scratch) {
        let path = std::env::temp_dir().join(format!("duo_{name}_{}.sqlite", std::process::id()));
        let db = connect(&format!("sqlite://{}?mode=rwc", path.display()), pool_size)
            .await
            .expect("open SQLite");
        (db, Scratch(path))
    }
}

#[cfg(test)]
mod tests {
    use super::scratch::scratch_sqlite;
    use super::*;

    /// Reads a connection's query planner stability setting (-1 asks without changing it).
    async fn stable_plans(connection: &mut SqliteConnection) -> bool {
        let mut handle = connection.lock_handle().await.expect("lock handle");
        let mut setting: std::ffi::c_int = -1;
        // SAFETY: an open, locked handle; `setting` outlives the call.
        let status = unsafe {
            libsqlite3_sys::sqlite3_db_config(
                handle.as_raw_handle().as_ptr(),
                libsqlite3_sys::SQLITE_DBCONFIG_ENABLE_QPSG,
                -1 as std::ffi::c_int,
                &mut setting as *mut std::ffi::c_int,
            )
        };
        assert_eq!(status, libsqlite3_sys::SQLITE_OK);
        setting == 1
    }

    #[test]
    fn busy_waits_start_short_and_stop_after_the_limit() {
        assert_eq!(busy_wait(0), Some(Duration::from_micros(100)));
        assert_eq!(busy_wait(9), Some(Duration::from_millis(1)));
        let total: Duration = (0..).map_while(busy_wait).sum();
        assert!(
            total >= BUSY_LIMIT && total < BUSY_LIMIT + Duration::from_millis(10),
            "{total:?}"
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_second_writer_waits_for_the_first_instead_of_failing_busy() {
        let (db, _scratch) = scratch_sqlite("busy", 2).await;
        let first = begin_write(&db).await.expect("first writer");
        let second = tokio::spawn({
            let db = db.clone();
            async move {
                let second = begin_write(&db).await?;
                second.commit().await
            }
        });
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert!(
            !second.is_finished(),
            "the second writer waits for the lock"
        );
        first.commit().await.expect("commit");
        second
            .await
            .expect("second writer")
            .expect("it got the lock once the first let go");
        db.close().await.expect("close");
    }

    #[tokio::test]
    async fn every_pooled_sqlite_connection_keeps_its_query_plans() {
        let (db, _scratch) = scratch_sqlite("qpsg", 4).await;
        let pool = db.get_sqlite_connection_pool();
        // Held at once, so the pool has to open new connections.
        let mut held = Vec::new();
        for _ in 0..4 {
            held.push(pool.acquire().await.expect("acquire"));
        }
        for connection in &mut held {
            assert!(stable_plans(connection).await);
        }
        drop(held);
        db.close().await.expect("close");
    }
}
