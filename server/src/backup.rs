//! `server backup PATH`: a consistent copy of the SQLite database, taken while the server runs
//! and writes. `VACUUM INTO` reads the database in one transaction, so the copy holds exactly
//! the writes committed before it began, and it writes a compact file that opens on its own
//! (no `-wal` beside it). PostgreSQL has its own tools; the README shows `pg_dump`.

use std::path::Path;
use std::time::Instant;

use app::platform::database;
use sea_orm::{ConnectionTrait, Statement};

use crate::config::Config;
use crate::startup::BoxError;

pub const USAGE: &str =
    "server backup PATH   (SQLite: writes a consistent copy to the new file PATH)";

pub async fn run(config: &Config, path: &str) -> Result<(), BoxError> {
    if !config.is_sqlite() {
        return Err(
            "backup copies the SQLite database; back up PostgreSQL with pg_dump (see the README)"
                .into(),
        );
    }
    let target = Path::new(path);
    if target.exists() {
        return Err(format!("{path} exists already: give the backup a new file name").into());
    }
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let started = Instant::now();
    let db = database::connect(&config.database_url, 1)
        .await
        .map_err(|e| format!("cannot open the database: {e}"))?;
    db.execute_raw(Statement::from_sql_and_values(
        db.get_database_backend(),
        "VACUUM INTO ?",
        [path.into()],
    ))
    .await
    .map_err(|e| format!("the backup failed: {e}"))?;
    db.close().await?;
    let bytes = std::fs::metadata(target).map(|m| m.len()).unwrap_or(0);
    println!(
        "backup written to {path}: {bytes} bytes in {} ms",
        started.elapsed().as_millis()
    );
    Ok(())
}
