//! Sends what the outbox holds. Each message is claimed before it is sent,
//! so several instances can run this at once; a failed send stays in the
//! outbox and is retried later.

use std::time::Duration;

use app::platform::outbox;
use sea_orm::DatabaseConnection;
use tokio::sync::watch;

use crate::mailer::Mailer;

const IDLE_POLL: Duration = Duration::from_secs(2);

pub async fn run(db: DatabaseConnection, mailer: Mailer, mut stop: watch::Receiver<bool>) {
    loop {
        let sent_something = match send_next(&db, &mailer).await {
            Ok(sent) => sent,
            Err(error) => {
                tracing::warn!(%error, "outbox: database error, will retry");
                false
            }
        };
        if *stop.borrow() {
            return;
        }
        if !sent_something {
            tokio::select! {
                _ = tokio::time::sleep(IDLE_POLL) => {},
                _ = stop.changed() => return,
            }
        }
    }
}

/// Claims and sends one due message. Returns whether there was one.
pub async fn send_next(db: &DatabaseConnection, mailer: &Mailer) -> Result<bool, sea_orm::DbErr> {
    let Some(message) = outbox::claim_next(db).await? else {
        return Ok(false);
    };
    match mailer.send(&message).await {
        Ok(()) => outbox::mark_sent(db, message.id).await?,
        Err(error) => {
            tracing::warn!(id = message.id, attempts = message.attempts, %error, "outbox: send failed");
            outbox::mark_failed(db, &message, &error).await?;
        }
    }
    Ok(true)
}
