//! Group commit: writes that arrive together share one transaction, and so one flush to disk.
//!
//! On SQLite with `synchronous=FULL` every commit flushes the write-ahead log (about 0.6 ms
//! here), and one writer holds the lock at a time: one commit per request capped
//! `log_meeting` near 1,600 per second, whatever the CPU. A [`GroupCommit`] queues each
//! write instead. One task at a time takes every queued write, runs each in a savepoint of
//! one `BEGIN IMMEDIATE` transaction, commits once, and only then answers each caller:
//! - a write that fails rolls back its own savepoint, and the others go on;
//! - a failed commit fails every write of the batch;
//! - no caller hears "stored" before its write is on disk.
//!
//! Nothing waits for a batch to fill. A write that comes while no batch runs starts one at
//! once, so a lone write costs what it did before; under load, the writes that came during
//! one commit make up the next batch.

use futures::future::BoxFuture;
use sea_orm::{DatabaseConnection, DatabaseTransaction, DbErr, TransactionTrait};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use tokio::sync::oneshot;

use super::database::begin_write;

/// At most this many writes share one transaction.
const MAX_BATCH: usize = 64;

/// A queued write: it runs inside the shared transaction, and gives back how to answer its
/// caller once the commit's outcome is known, and whether the transaction is still sound.
type Job = Box<dyn for<'t> FnOnce(&'t DatabaseTransaction) -> BoxFuture<'t, Ran> + Send>;

/// Tells a write's caller how it ended, once the shared transaction's commit is known.
type Answer = Box<dyn FnOnce(Result<(), &DbErr>) + Send>;

struct Ran {
    answer: Answer,
    /// False when the write's savepoint could not be rolled back: what it did may still be
    /// in the transaction, so the whole batch must be rolled back.
    sound: bool,
}

/// The queue of writes waiting for a transaction. Cloning shares the queue.
#[derive(Clone)]
pub struct GroupCommit {
    shared: Arc<Shared>,
}

struct Shared {
    db: DatabaseConnection,
    queue: Mutex<Queue>,
    committed: AtomicU64,
}

#[derive(Default)]
struct Queue {
    jobs: Vec<Job>,
    /// A task is taking batches from `jobs`.
    draining: bool,
}

impl GroupCommit {
    pub fn new(db: DatabaseConnection) -> Self {
        GroupCommit {
            shared: Arc::new(Shared {
                db,
                queue: Mutex::default(),
                committed: AtomicU64::new(0),
            }),
        }
    }

    /// How many shared transactions have committed so far.
    pub fn batches_committed(&self) -> u64 {
        self.shared.committed.load(Ordering::Relaxed)
    }

    /// Runs `work` in a savepoint of a transaction shared with other writes, and answers
    /// once that transaction has committed: `Ok` means stored and on disk.
    pub async fn write<T, F>(&self, work: F) -> Result<T, DbErr>
    where
        T: Send + 'static,
        F: for<'t> FnOnce(&'t DatabaseTransaction) -> BoxFuture<'t, Result<T, DbErr>>
            + Send
            + 'static,
    {
        let (reply, answer) = oneshot::channel();
        let job = as_job(move |tx| {
            Box::pin(async move {
                let (outcome, sound) = in_savepoint(tx, work).await;
                Ran {
                    answer: Box::new(move |committed| {
                        let answer = match committed {
                            Ok(()) => outcome,
                            Err(err) => outcome.and(Err(DbErr::Custom(format!(
                                "the shared transaction did not commit: {err}"
                            )))),
                        };
                        // The caller may have gone; the write stands either way.
                        let _ = reply.send(answer);
                    }),
                    sound,
                }
            })
        });
        if self.shared.enqueue(job) {
            tokio::spawn(drain(Arc::clone(&self.shared)));
        }
        answer.await.unwrap_or_else(|_| {
            Err(DbErr::Custom(
                "the write was dropped before its transaction committed".to_owned(),
            ))
        })
    }
}

/// Boxes a job; the bound lets the closure borrow the transaction it is given.
fn as_job<F>(job: F) -> Job
where
    F: for<'t> FnOnce(&'t DatabaseTransaction) -> BoxFuture<'t, Ran> + Send + 'static,
{
    Box::new(job)
}

/// Runs `work` in a savepoint of `tx`: its outcome, and whether `tx` is still sound.
async fn in_savepoint<T, F>(tx: &DatabaseTransaction, work: F) -> (Result<T, DbErr>, bool)
where
    F: for<'t> FnOnce(&'t DatabaseTransaction) -> BoxFuture<'t, Result<T, DbErr>>,
{
    let savepoint = match tx.begin().await {
        Ok(savepoint) => savepoint,
        Err(err) => return (Err(err), true),
    };
    match work(&savepoint).await {
        Ok(value) => match savepoint.commit().await {
            Ok(()) => (Ok(value), true),
            Err(err) => (Err(err), false),
        },
        Err(err) => {
            let sound = savepoint.rollback().await.is_ok();
            (Err(err), sound)
        }
    }
}

impl Shared {
    fn queue(&self) -> MutexGuard<'_, Queue> {
        // A panic while the lock was held left the queue as it was: a list and a flag.
        self.queue.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Queues `job`; true when no task is draining, so the caller must start one.
    fn enqueue(&self, job: Job) -> bool {
        let mut queue = self.queue();
        queue.jobs.push(job);
        !std::mem::replace(&mut queue.draining, true)
    }

    /// The next batch, or `None` (and the drain ends) when nothing waits.
    fn next_batch(&self) -> Option<Vec<Job>> {
        let mut queue = self.queue();
        if queue.jobs.is_empty() {
            queue.draining = false;
            return None;
        }
        let take = queue.jobs.len().min(MAX_BATCH);
        Some(queue.jobs.drain(..take).collect())
    }
}

/// Commits batches until the queue is empty.
async fn drain(shared: Arc<Shared>) {
    let mut guard = Unfinished(Some(&shared));
    while let Some(batch) = shared.next_batch() {
        if commit_batch(&shared.db, batch).await {
            shared.committed.fetch_add(1, Ordering::Relaxed);
        }
    }
    guard.0 = None;
}

/// Ends a drain that did not finish (a panic, or the runtime shutting down): its waiting
/// writes are dropped, so their callers hear of it, and the next write starts a new drain.
struct Unfinished<'a>(Option<&'a Shared>);

impl Drop for Unfinished<'_> {
    fn drop(&mut self) {
        if let Some(shared) = self.0 {
            let mut queue = shared.queue();
            queue.jobs.clear();
            queue.draining = false;
        }
    }
}

/// Runs and commits one batch, then answers its writes; true when it committed.
async fn commit_batch(db: &DatabaseConnection, batch: Vec<Job>) -> bool {
    let tx = match begin_write(db).await {
        Ok(tx) => tx,
        Err(err) => {
            // Dropping the batch tells each caller that its write was not stored.
            tracing::error!(error = %err, writes = batch.len(), "group commit: no transaction");
            return false;
        }
    };
    let mut answers = Vec::with_capacity(batch.len());
    let mut sound = true;
    for job in batch {
        let ran = job(&tx).await;
        answers.push(ran.answer);
        if !ran.sound {
            sound = false;
            break;
        }
    }
    let committed = if sound {
        tx.commit().await
    } else {
        let _ = tx.rollback().await;
        Err(DbErr::Custom(
            "a savepoint could not be rolled back, so the batch was".to_owned(),
        ))
    };
    if let Err(err) = &committed {
        tracing::error!(error = %err, writes = answers.len(), "group commit: batch not stored");
    }
    for answer in answers {
        answer(committed.as_ref().map(|_| ()));
    }
    committed.is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::database::scratch::{Scratch, scratch_sqlite};
    use sea_orm::{ConnectionTrait, Statement};
    use std::time::Duration;
    use tokio::task::JoinSet;

    async fn with_notes(name: &str) -> (DatabaseConnection, Scratch) {
        let (db, scratch) = scratch_sqlite(name, 4).await;
        db.execute_unprepared(
            "CREATE TABLE notes (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);
             INSERT INTO notes (key) VALUES ('taken');",
        )
        .await
        .expect("table");
        (db, scratch)
    }

    async fn keys(db: &DatabaseConnection) -> Vec<String> {
        db.query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT key FROM notes ORDER BY key",
        ))
        .await
        .expect("read")
        .iter()
        .map(|row| row.try_get::<String>("", "key").expect("key"))
        .collect()
    }

    /// Writes a note `key` and, before it, a note `key-before`: a write whose second insert
    /// fails must leave neither.
    async fn write_pair(writes: &GroupCommit, key: String) -> Result<(), DbErr> {
        writes
            .write(move |tx| {
                Box::pin(async move {
                    for note in [format!("{key}-before"), key] {
                        tx.execute_raw(Statement::from_sql_and_values(
                            tx.get_database_backend(),
                            "INSERT INTO notes (key) VALUES (?)",
                            [note.into()],
                        ))
                        .await?;
                    }
                    Ok(())
                })
            })
            .await
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_failing_write_takes_back_only_itself() {
        let (db, _scratch) = with_notes("group_failing").await;
        let writes = GroupCommit::new(db.clone());
        let mut tasks = JoinSet::new();
        for n in 0..40 {
            let writes = writes.clone();
            let key = if n % 10 == 0 {
                "taken".to_owned()
            } else {
                format!("k{n:02}")
            };
            tasks.spawn(async move { (n, write_pair(&writes, key).await) });
        }
        while let Some(done) = tasks.join_next().await {
            let (n, outcome) = done.expect("task");
            assert_eq!(outcome.is_err(), n % 10 == 0, "write {n}: {outcome:?}");
        }
        let mut expected = vec!["taken".to_owned()];
        for n in (0..40).filter(|n| n % 10 != 0) {
            expected.push(format!("k{n:02}"));
            expected.push(format!("k{n:02}-before"));
        }
        expected.sort();
        assert_eq!(keys(&db).await, expected);
        db.close().await.expect("close");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn writes_that_wait_for_the_lock_commit_together() {
        let (db, _scratch) = with_notes("group_together").await;
        let writes = GroupCommit::new(db.clone());
        // Another connection holds the write lock while ten writes come in.
        let other = crate::platform::database::begin_write(&db)
            .await
            .expect("lock");
        let mut tasks = JoinSet::new();
        for n in 0..10 {
            let writes = writes.clone();
            tasks.spawn(async move { write_pair(&writes, format!("w{n}")).await });
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert_eq!(
            writes.batches_committed(),
            0,
            "nothing commits under the lock"
        );
        other.commit().await.expect("release");
        while let Some(done) = tasks.join_next().await {
            done.expect("task").expect("stored");
        }
        assert_eq!(keys(&db).await.len(), 21);
        // The first write's batch was waiting for the lock; the other nine queued behind it.
        assert!(
            writes.batches_committed() <= 2,
            "{} transactions for 10 writes",
            writes.batches_committed()
        );
        db.close().await.expect("close");
    }
}
