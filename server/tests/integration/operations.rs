//! Running it for real: the health check, the request id behind an error's reference, logs
//! without personal data, SIGTERM, several instances on one PostgreSQL, backup and restore.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use app::db::entities::outbox;
use app::domain::locale::Locale;
use app::platform::database;
use app::platform::outbox::{NewMail, enqueue};
use reqwest::StatusCode;
use reqwest::header::COOKIE;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    Statement,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::support::app::{TestApp, session_cookie};
use crate::support::db::{on_both_backends, unique_name, with_postgres_url};
use crate::support::fixtures::migrate;
use crate::support::process::{ServerProcess, run};
use crate::support::smtp;

on_both_backends!(health_follows_the_database_and_an_error_names_its_request);

async fn health_follows_the_database_and_an_error_names_its_request(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let health = reqwest::get(format!("{}/health", app.base))
        .await
        .expect("health");
    assert_eq!(health.status(), StatusCode::OK);
    assert!(health.headers().contains_key("x-request-id"));
    assert_eq!(health.text().await.expect("body"), r#"{"status":"ok"}"#);

    app.db.clone().close().await.expect("close the pool");
    let down = reqwest::get(format!("{}/health", app.base))
        .await
        .expect("health");
    assert_eq!(down.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        down.text().await.expect("body"),
        r#"{"status":"unavailable"}"#,
        "nothing about the database's error"
    );

    // A server function that needs the database fails as `Internal`, and its reference is the
    // request's id, which the response carries and the log line shows.
    let (status, headers, body) = app
        .call_with_headers(Some("a-session-token"), "get_session_user", "")
        .await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR, "{body}");
    let id = headers["x-request-id"].to_str().expect("ascii");
    assert_eq!(body["Internal"]["reference"], id, "{body}");
    assert_eq!(body.as_object().map(|o| o.len()), Some(1), "{body}");
}

fn temp_sqlite(name: &str) -> (PathBuf, String) {
    let dir = std::env::temp_dir().join(unique_name(name));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("duo.sqlite");
    let url = format!("sqlite://{}?mode=rwc", file.display());
    (dir, url)
}

fn mail(n: usize) -> NewMail {
    NewMail {
        kind: "test",
        to_address: format!("person{n}@example.be"),
        to_name: None,
        locale: Locale::En,
        subject: format!("message {n}"),
        body_text: format!("The body of message {n}."),
        calendar: None,
    }
}

async fn scalar(db: &DatabaseConnection, sql: &str) -> String {
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .expect(sql)
        .expect("a row");
    row.try_get_by_index::<String>(0).expect("text")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_under_writes_restores_every_acknowledged_write() {
    let (dir, url) = temp_sqlite("backup");
    let db = database::connect(&url, 4).await.expect("open");
    migrate(&db).await;

    // A writer acknowledges one message after another until told to stop.
    let acknowledged = Arc::new(Mutex::new(Vec::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let writer = tokio::spawn({
        let (db, acknowledged, stop) = (db.clone(), acknowledged.clone(), stop.clone());
        async move {
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                let id = enqueue(&db, mail(n)).await.expect("write");
                acknowledged.lock().expect("ledger").push(id);
                n += 1;
            }
        }
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    let before: Vec<i32> = acknowledged.lock().expect("ledger").clone();
    let copy = dir.join("backups").join("copy.sqlite");
    let (ok, printed) = run(&url, &["backup", &copy.display().to_string()]).await;
    assert!(ok, "{printed}");
    assert!(printed.contains("backup written to"), "{printed}");
    let during = acknowledged.lock().expect("ledger").len();
    tokio::time::sleep(Duration::from_millis(100)).await;
    stop.store(true, Ordering::Relaxed);
    writer.await.expect("writer");
    let total = acknowledged.lock().expect("ledger").len();
    assert!(
        !before.is_empty() && total > during,
        "writes went on around the backup"
    );

    // A second backup to the same file is refused rather than overwriting it.
    let (ok, printed) = run(&url, &["backup", &copy.display().to_string()]).await;
    assert!(!ok && printed.contains("exists already"), "{printed}");

    // Restore: the copy alone, in a fresh data directory, is the database.
    let (fresh, _) = temp_sqlite("restore");
    let restored_file = fresh.join("duo.sqlite");
    std::fs::copy(&copy, &restored_file).expect("copy the backup in");
    let restored_url = format!("sqlite://{}?mode=rw", restored_file.display());
    let (ok, printed) = run(&restored_url, &["migrate"]).await;
    assert!(
        ok,
        "the restored database opens and is up to date: {printed}"
    );
    let restored = database::connect(&restored_url, 1).await.expect("open");
    assert_eq!(scalar(&restored, "PRAGMA integrity_check").await, "ok");
    let broken_keys = restored
        .query_all_raw(Statement::from_string(
            restored.get_database_backend(),
            "PRAGMA foreign_key_check",
        ))
        .await
        .expect("foreign_key_check");
    assert!(broken_keys.is_empty());
    let present: Vec<i32> = outbox::Entity::find()
        .all(&restored)
        .await
        .expect("read")
        .into_iter()
        .map(|m| m.id)
        .collect();
    let missing: Vec<&i32> = before.iter().filter(|id| !present.contains(id)).collect();
    assert!(missing.is_empty(), "lost: {missing:?}");
    assert!(present.len() <= total);
    restored.close().await.expect("close");
    db.close().await.expect("close");
    for d in [dir, fresh] {
        let _ = std::fs::remove_dir_all(d);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgresql_is_backed_up_with_its_own_tools() {
    let (ok, printed) = run(
        "postgres://postgres@127.0.0.1:5432/unused",
        &["backup", "/tmp/never-written.sqlite"],
    )
    .await;
    assert!(!ok && printed.contains("pg_dump"), "{printed}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_on_one_postgresql_send_each_message_once() {
    with_postgres_url(|url| async move {
        const MESSAGES: usize = 500;
        let db = sea_orm::Database::connect(url.as_str())
            .await
            .expect("connect");
        migrate(&db).await;
        for n in 0..MESSAGES {
            enqueue(&db, mail(n)).await.expect("enqueue");
        }
        let mut sink = smtp::start().await;
        let smtp_url = format!("smtp://127.0.0.1:{}", sink.port);
        let env = [("SMTP_URL", smtp_url.as_str())];
        let (mut a, mut b) = tokio::join!(
            ServerProcess::start(&url, &env),
            ServerProcess::start(&url, &env)
        );

        let mut received: BTreeMap<String, usize> = BTreeMap::new();
        let deadline = tokio::time::Instant::now() + Duration::from_secs(120);
        let mut count = 0;
        while count < MESSAGES {
            let message = tokio::time::timeout_at(deadline, sink.messages.recv())
                .await
                .unwrap_or_else(|_| panic!("{count} of {MESSAGES} arrived in time"))
                .expect("sink open");
            let subject = message
                .lines()
                .find_map(|l| l.strip_prefix("Subject: "))
                .expect("a subject")
                .to_owned();
            *received.entry(subject).or_default() += 1;
            count += 1;
        }
        // A second copy would come now, if any.
        tokio::time::sleep(Duration::from_secs(3)).await;
        while let Ok(message) = sink.messages.try_recv() {
            let subject = message
                .lines()
                .find_map(|l| l.strip_prefix("Subject: "))
                .unwrap_or("?")
                .to_owned();
            *received.entry(subject).or_default() += 1;
        }
        assert_eq!(received.len(), MESSAGES, "every message arrived");
        let twice: Vec<_> = received.iter().filter(|(_, n)| **n > 1).collect();
        assert!(twice.is_empty(), "sent more than once: {twice:?}");
        let sent = outbox::Entity::find()
            .filter(outbox::Column::Status.eq("sent"))
            .filter(outbox::Column::Attempts.eq(1))
            .count(&db)
            .await
            .expect("count");
        assert_eq!(sent, MESSAGES as u64);

        a.terminate();
        b.terminate();
        assert!(a.wait(Duration::from_secs(30)).await, "{}", a.output());
        assert!(b.wait(Duration::from_secs(30)).await, "{}", b.output());
        db.close().await.expect("close");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_finishes_the_request_and_the_send_in_flight() {
    let (dir, url) = temp_sqlite("sigterm");
    let db = database::connect(&url, 2).await.expect("open");
    migrate(&db).await;
    let mut sink = smtp::start_with_delay(Duration::from_secs(2)).await;
    let smtp_url = format!("smtp://127.0.0.1:{}", sink.port);
    let mut server = ServerProcess::start(&url, &[("SMTP_URL", smtp_url.as_str())]).await;

    // A request whose body has not arrived yet is in flight.
    let address = server.base.trim_start_matches("http://").to_owned();
    let mut request = tokio::net::TcpStream::connect(&address)
        .await
        .expect("connect");
    request
        .write_all(
            format!(
                "POST /api/get_session_user HTTP/1.1\r\nHost: {address}\r\n\
                 Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 2\r\n\
                 Connection: close\r\n\r\n"
            )
            .as_bytes(),
        )
        .await
        .expect("headers");

    // And a message is being sent: the SMTP server has its text and takes 2 s to answer.
    let id = enqueue(&db, mail(1)).await.expect("enqueue");
    let text = tokio::time::timeout(Duration::from_secs(30), sink.messages.recv())
        .await
        .expect("the send began")
        .expect("a message");
    assert!(text.contains("message 1"));
    server.terminate();

    tokio::time::sleep(Duration::from_millis(500)).await;
    request.write_all(b"a=").await.expect("the body, late");
    let mut answer = String::new();
    request
        .read_to_string(&mut answer)
        .await
        .expect("an answer");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");

    assert!(
        server.wait(Duration::from_secs(30)).await,
        "a clean exit:\n{}",
        server.output()
    );
    let row = outbox::Entity::find_by_id(id)
        .one(&db)
        .await
        .expect("read")
        .expect("row");
    assert_eq!((row.status.as_str(), row.attempts), ("sent", 1));
    assert!(sink.messages.try_recv().is_err(), "sent once");
    db.close().await.expect("close");
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logs_hold_no_personal_data_tokens_or_passwords() {
    const PASSWORD: &str = "Quartz-Lantern-Oboe-2026";
    const WRONG: &str = "Wrong-Guess-Marmalade-77";
    const STAFF: &str = "ada.zyxwv@example.be";
    const MENTOR: &str = "quentin.mentorname@example.be";
    const REFERRAL: &str = "referral-token-never-logged";
    let (dir, url) = temp_sqlite("logs");
    for args in [
        vec!["seed", "--reference"],
        vec![
            "create-user",
            "--email",
            STAFF,
            "--name",
            "Ada Zyxwv",
            "--role",
            "admin",
            "--password",
            PASSWORD,
        ],
        vec![
            "create-user",
            "--email",
            MENTOR,
            "--name",
            "Quentin Mentorname",
            "--role",
            "mentor",
            "--city",
            "brussels",
        ],
    ] {
        let (ok, printed) = run(&url, &args).await;
        assert!(ok, "{args:?}: {printed}");
    }
    let mut server = ServerProcess::start(&url, &[]).await;
    let client = reqwest::Client::new();
    let post = |function: &str, body: String| {
        client
            .post(format!("{}/api/{function}", server.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "application/json")
            .body(body)
    };

    let refused = post("sign_in", format!("email={STAFF}&password={WRONG}"))
        .send()
        .await
        .expect("sign in");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let signed_in = post("sign_in", format!("email={STAFF}&password={PASSWORD}"))
        .send()
        .await
        .expect("sign in");
    assert_eq!(signed_in.status(), StatusCode::OK);
    let request_id = signed_in.headers()["x-request-id"]
        .to_str()
        .expect("id")
        .to_owned();
    let staff_session = session_cookie(signed_in.headers()).expect("a session");

    let asked = post("request_magic_link", format!("email={MENTOR}"))
        .send()
        .await
        .expect("link");
    assert_eq!(asked.status(), StatusCode::OK);
    let db = database::connect(&url, 1).await.expect("open");
    let body = outbox::Entity::find()
        .filter(outbox::Column::ToAddress.eq(MENTOR))
        .one(&db)
        .await
        .expect("read")
        .expect("the link's e-mail")
        .body_text;
    let token = body
        .split("token=")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("a token")
        .to_owned();
    // The landing page, with the token in its query string.
    let page = client
        .get(format!("{}/auth/link?token={token}", server.base))
        .send()
        .await
        .expect("page");
    assert_eq!(page.status(), StatusCode::OK);
    let redeemed = post("redeem_magic_link", format!("token={token}"))
        .send()
        .await
        .expect("redeem");
    assert_eq!(redeemed.status(), StatusCode::OK);
    let mentor_session = session_cookie(redeemed.headers()).expect("a session");
    let home = client
        .get(format!("{}/mentor", server.base))
        .header(COOKIE, format!("duo_session={mentor_session}"))
        .send()
        .await
        .expect("home");
    assert!(home.status().is_success());
    let _ = client
        .get(format!("{}/refer/{REFERRAL}", server.base))
        .send()
        .await
        .expect("referral page");

    server.terminate();
    assert!(server.wait(Duration::from_secs(30)).await);
    let logs = server.output();
    assert!(logs.contains(&request_id), "the request's line: {logs}");
    assert!(logs.contains("/api/sign_in"), "{logs}");
    assert!(
        logs.contains("/refer/{token}"),
        "the route, not its value: {logs}"
    );
    for secret in [
        PASSWORD,
        WRONG,
        STAFF,
        MENTOR,
        "Zyxwv",
        "Mentorname",
        &token,
        &staff_session,
        &mentor_session,
        REFERRAL,
    ] {
        assert!(!logs.contains(secret), "{secret:?} is in the logs:\n{logs}");
    }
    let request_lines: Vec<&str> = logs.lines().filter(|l| l.contains("route=")).collect();
    assert!(request_lines.len() >= 6, "{logs}");
    assert!(
        request_lines.iter().all(|l| !l.contains("127.0.0.1")),
        "a pseudonym, not the address: {logs}"
    );
    db.close().await.expect("close");
    let _ = std::fs::remove_dir_all(dir);
}
