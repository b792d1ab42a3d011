//! Anonymises the people whose retention period has passed and deletes sign-ups never
//! confirmed (`privacy::retention`). Each person
//! is claimed in the transaction that anonymises them, so instances running this side by side
//! take each one once.

use std::time::Duration;

use app::features::privacy::retention::{self, RetentionRun};
use app::platform::state::Clock;
use sea_orm::DatabaseConnection;
use tokio::sync::watch;

/// Periods run in months: looking once an hour is plenty.
const POLL: Duration = Duration::from_secs(60 * 60);

pub async fn run(db: DatabaseConnection, clock: Clock, mut stop: watch::Receiver<bool>) {
    loop {
        match retention::run(&db, clock.now()).await {
            Ok(done) if done == RetentionRun::default() => {}
            Ok(done) => tracing::info!(
                anonymised = done.anonymised,
                purged = done.purged,
                skipped = done.skipped,
                "retention: people anonymised, unconfirmed sign-ups deleted"
            ),
            Err(error) => tracing::warn!(?error, "retention: will retry"),
        }
        tokio::select! {
            _ = tokio::time::sleep(POLL) => {},
            _ = stop.changed() => return,
        }
    }
}
