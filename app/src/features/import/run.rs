//! The import as it runs: a task that holds the write transaction, checks the file again
//! inside it, writes, and sends each step down the response as it happens. Were the admin's
//! browser to go away mid-way, the task undoes everything rather than leave an import nobody
//! saw finish.

use chrono::{DurationRound, NaiveDate, TimeDelta};
use futures::StreamExt;
use futures::channel::mpsc::{UnboundedSender, unbounded};
use server_fn::codec::TextStream;

use super::service::dry_run;
use super::types::{ImportEvent, ImportKind, ImportSummary, MAX_FILE_BYTES};
use super::write::{WriteError, Writer, write};
use crate::domain::local_time::to_local;
use crate::domain::role::Role;
use crate::error::{AppError, ConflictCode, ErrorCode};
use crate::features::auth::SessionUser;
use crate::features::auth::guard::require_role;
use crate::platform::database::begin_write;
use crate::platform::errors::{db, db_internal};
use crate::platform::state::AppState;

/// The admin calling, with the state and today's date in Brussels.
pub async fn admin() -> Result<(AppState, SessionUser, NaiveDate), AppError> {
    let state = AppState::current()?;
    let admin = require_role(&state, &[Role::Admin]).await?;
    let today = to_local(state.now()).date();
    Ok((state, admin, today))
}

pub fn refuse_oversized(csv: &str) -> Result<(), AppError> {
    if csv.len() > MAX_FILE_BYTES {
        let max = u32::try_from(MAX_FILE_BYTES).unwrap_or(u32::MAX);
        return Err(AppError::field("file", ErrorCode::TooLong { max }));
    }
    Ok(())
}

/// One import to run.
pub struct Job {
    pub state: AppState,
    pub admin: SessionUser,
    pub kind: ImportKind,
    pub csv: String,
    pub today: NaiveDate,
    pub from_address: Option<String>,
}

/// Starts the import and returns its progress as the response's body.
pub fn start(job: Job) -> TextStream<AppError> {
    let (lines, body) = unbounded::<String>();
    tokio::spawn(async move {
        let last = match run(&job, &lines).await {
            Ok(event) => event,
            Err(error) => ImportEvent::Failed(error),
        };
        let _ = lines.unbounded_send(last.line());
    });
    TextStream::new(body.map(Ok))
}

async fn run(job: &Job, lines: &UnboundedSender<String>) -> Result<ImportEvent, AppError> {
    let tx = begin_write(&job.state.db)
        .await
        .map_err(db_internal("begin import"))?;
    let dry = dry_run(&tx, job.kind, &job.csv, job.today).await?;
    if dry.report.problem_count > 0 {
        return Ok(ImportEvent::Refused(dry.report));
    }
    let total = u32::try_from(dry.plan.len()).unwrap_or(u32::MAX);
    let already_there = dry.report.already_there;
    // A closed channel means the browser left: the write stops and the transaction is undone.
    if lines
        .unbounded_send(ImportEvent::Started { total }.line())
        .is_err()
    {
        return Err(AppError::Unreachable);
    }
    let mut progress = |written: u32| {
        let event = ImportEvent::Progress { written, total };
        lines.unbounded_send(event.line()).is_ok()
    };
    let now = job.state.now();
    let mut writer = Writer {
        admin_id: job.admin.user_id,
        admin_locale: job.admin.locale,
        now: now
            .duration_trunc(TimeDelta::microseconds(1))
            .unwrap_or(now),
        today: job.today,
        from_address: job.from_address.clone(),
        progress: &mut progress,
    };
    let created = match write(&tx, &dry.plan, &mut writer).await {
        Ok(created) => created,
        Err(WriteError::Abandoned) => {
            tracing::warn!(kind = %job.kind, "import abandoned by the browser, undone");
            return Err(AppError::Unreachable);
        }
        Err(WriteError::Db(err)) => {
            return Err(db("write import", ConflictCode::Stale)(err));
        }
    };
    tx.commit().await.map_err(db_internal("commit import"))?;
    let created = u32::try_from(created).unwrap_or(u32::MAX);
    tracing::info!(kind = %job.kind, created, already_there, "import committed");
    Ok(ImportEvent::Done(ImportSummary {
        created,
        already_there,
    }))
}
