//! E-mails mentors whose rest after a duo is over the invitation to start another one. Each
//! invitation is marked in the transaction that queues its mail, so instances running this
//! side by side send it once.

use std::time::Duration;

use app::domain::local_time;
use app::features::duos::returning;
use app::platform::state::Clock;
use sea_orm::DatabaseConnection;
use tokio::sync::watch;

/// Invitations are due by the day: looking a few times an hour is plenty.
const POLL: Duration = Duration::from_secs(15 * 60);

pub async fn run(
    db: DatabaseConnection,
    public_url: String,
    clock: Clock,
    mut stop: watch::Receiver<bool>,
) {
    loop {
        let now = clock.now();
        let today = local_time::to_local(now).date();
        match returning::send_due(&db, &public_url, now, today).await {
            Ok(0) => {}
            Ok(queued) => tracing::info!(queued, "return invitations queued"),
            Err(error) => tracing::warn!(?error, "return invitations: will retry"),
        }
        tokio::select! {
            _ = tokio::time::sleep(POLL) => {},
            _ = stop.changed() => return,
        }
    }
}
