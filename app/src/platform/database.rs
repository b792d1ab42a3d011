//! Opening the database and starting write transactions the same way on
//! SQLite (the embedded default) and PostgreSQL.

use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, Database, DatabaseConnection, DatabaseTransaction, DbErr,
    SqliteTransactionMode, TransactionOptions, TransactionTrait,
};
use std::time::Duration;

/// Opens a pool on `url` (`sqlite://path?mode=rwc` or `postgres://…`).
///
/// SQLite gets WAL so readers never wait for the writer, `synchronous=FULL`
/// so an acknowledged write survives a power cut, foreign keys (off by
/// default in SQLite) and a busy timeout; the pool size is explicit because
/// SeaORM otherwise gives SQLite a single connection.
pub async fn connect(url: &str, pool_size: u32) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .max_connections(pool_size)
        .min_connections(1)
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(configure_sqlite);
    Database::connect(options).await
}

fn configure_sqlite(options: SqliteConnectOptions) -> SqliteConnectOptions {
    options
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10))
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
