//! Hostile input for every server function. Each request of the access table is sent again
//! with one field at a time replaced by something a form never sends: markup, CR/LF, a huge or
//! negative number, invalid UTF-8, a value of the wrong type, a 100,000-character text. Then
//! whole bodies that are broken. Every answer must be below 500, a typed `AppError` when it is
//! a refusal, without a trace, database text or the markup sent back.

use app::domain::role::Role;
use reqwest::StatusCode;
use sea_orm::DatabaseConnection;
use serde_json::Value;

use crate::access::{table, table_ids};
use crate::support::app::TestApp;
use crate::support::db::on_both_backends;

on_both_backends!(no_hostile_payload_gets_a_500_a_trace_or_an_echo);

/// Words of a database error, which an answer must never carry.
const DATABASE_WORDS: [&str; 6] = [
    "sqlx",
    "sqlite",
    "postgres",
    "constraint",
    "select ",
    "insert ",
];

/// The functions whose answer reports on a file the caller sent.
const IMPORTS: [&str; 2] = ["check_import", "run_import"];

const MARKUP: &str = "<script>alert(1)</script><img src=x onerror=alert(2)>";

/// The hostile values for a form field, already URL-encoded as a browser would send them,
/// except invalid UTF-8, which no browser sends.
fn form_values() -> Vec<String> {
    vec![
        urlencode(MARKUP),
        urlencode("line\r\nSet-Cookie: injected=1\r\n"),
        "99999999999999999999999999999999".into(),
        "-2147483649".into(),
        "%FF%FE%80".into(),
        "x".repeat(100_000),
    ]
}

/// The hostile values for a JSON field: the same, and values of the wrong type.
fn json_values() -> Vec<Value> {
    vec![
        Value::from(MARKUP),
        Value::from("line\r\nSet-Cookie: injected=1\r\n"),
        serde_json::from_str("1e300").expect("number"),
        Value::from(-2_147_483_649_i64),
        Value::from("x".repeat(100_000)),
        serde_json::json!({"nested": [1, 2, 3]}),
        Value::Array(vec![Value::Null; 3]),
        Value::Bool(true),
        Value::Null,
    ]
}

fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Each body a form body turns into: one per field and hostile value.
fn form_variants(body: &str) -> Vec<Vec<u8>> {
    let pairs: Vec<&str> = body.split('&').filter(|p| !p.is_empty()).collect();
    let mut variants = Vec::new();
    for (i, _) in pairs.iter().enumerate() {
        for value in form_values() {
            let changed: Vec<String> = pairs
                .iter()
                .enumerate()
                .map(|(j, pair)| {
                    let key = pair.split('=').next().unwrap_or_default();
                    if i == j {
                        format!("{key}={value}")
                    } else {
                        (*pair).to_owned()
                    }
                })
                .collect();
            variants.push(changed.join("&").into_bytes());
        }
    }
    variants
}

/// Each body a JSON body turns into: one per leaf and hostile value, and invalid UTF-8 in each
/// string leaf.
fn json_variants(body: &str) -> Vec<Vec<u8>> {
    let original: Value = serde_json::from_str(body).expect("the table's JSON");
    let mut paths = Vec::new();
    leaves(&original, &mut Vec::new(), &mut paths);
    let mut variants = Vec::new();
    for path in &paths {
        for value in json_values() {
            let mut changed = original.clone();
            *at(&mut changed, path) = value;
            variants.push(changed.to_string().into_bytes());
        }
        let mut marked = original.clone();
        *at(&mut marked, path) = Value::from("@@BAD@@");
        let text = marked.to_string();
        let (before, after) = text.split_once("@@BAD@@").expect("the marker");
        variants.push([before.as_bytes(), &[0xFF, 0xFE], after.as_bytes()].concat());
    }
    variants
}

fn leaves(value: &Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                path.push(key.clone());
                leaves(child, path, out);
                path.pop();
            }
        }
        Value::Array(items) if !items.is_empty() => {
            for (i, child) in items.iter().enumerate() {
                path.push(i.to_string());
                leaves(child, path, out);
                path.pop();
            }
        }
        _ => out.push(path.clone()),
    }
}

fn at<'a>(value: &'a mut Value, path: &[String]) -> &'a mut Value {
    path.iter().fold(value, |v, key| match v {
        Value::Array(items) => &mut items[key.parse::<usize>().expect("index")],
        other => &mut other[key.as_str()],
    })
}

/// Bodies broken as a whole, sent to every function.
fn broken_bodies() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("application/json", b"{\"unterminated".to_vec()),
        ("application/json", vec![b'{', 0xFF, 0xFE, b'}']),
        (
            "application/json",
            format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)).into_bytes(),
        ),
        ("application/x-www-form-urlencoded", vec![0xFF, b'=', 0xFE]),
        (
            "application/x-www-form-urlencoded",
            "a[".repeat(5_000).into_bytes(),
        ),
        ("application/x-www-form-urlencoded", vec![b'x'; 300 * 1024]),
    ]
}

async fn no_hostile_payload_gets_a_500_a_trace_or_an_echo(db: DatabaseConnection) {
    let app = TestApp::spawn_with(db, |s| {
        s.tries_per_account = 100_000;
        s.sign_ins_per_address = 100_000;
        s.applications_per_hour = 100_000;
    })
    .await;
    let ids = table_ids(&app).await;
    let admin = format!("duo_session={}", app.session(Role::Admin, &[]).await);
    let headers = [("accept", "application/json"), ("cookie", admin.as_str())];
    let mut failures = Vec::new();
    let mut calls = 0;
    for (function, body, _) in table(&ids) {
        if function == "sign_out" {
            continue;
        }
        let (content_type, variants) = if body.starts_with('{') {
            ("application/json", json_variants(&body))
        } else {
            ("application/x-www-form-urlencoded", form_variants(&body))
        };
        let cases = variants
            .into_iter()
            .map(|v| (content_type, v))
            .chain(broken_bodies());
        for (content_type, payload) in cases {
            let shown: String = String::from_utf8_lossy(&payload)
                .chars()
                .take(120)
                .collect();
            let (status, answer) = app
                .post_raw(&format!("/api/{function}"), content_type, payload, &headers)
                .await;
            calls += 1;
            let mut wrong = Vec::new();
            if status.is_server_error() {
                wrong.push(format!("status {status}"));
            }
            // An import's report quotes the file's header back to the admin who sent it, as
            // JSON data that the page shows as text; nothing else may send markup back.
            let quotes_its_file = IMPORTS.contains(&function) && status.is_success();
            if !quotes_its_file && (answer.contains("<script") || answer.contains("onerror=")) {
                wrong.push("markup sent back".to_owned());
            }
            let lower = answer.to_lowercase();
            if lower.contains("panicked") || lower.contains("backtrace") || lower.contains(".rs:") {
                wrong.push("a trace".to_owned());
            }
            if status.is_client_error() && status != StatusCode::PAYLOAD_TOO_LARGE {
                let typed = serde_json::from_str::<app::error::AppError>(&answer);
                if typed.is_err() {
                    wrong.push("an untyped refusal".to_owned());
                }
            }
            if DATABASE_WORDS.iter().any(|word| lower.contains(word)) {
                wrong.push("database text".to_owned());
            }
            if !wrong.is_empty() {
                let answer: String = answer.chars().take(200).collect();
                failures.push(format!(
                    "{function} {shown:?}: {} -> {status} {answer}",
                    wrong.join(", ")
                ));
            }
        }
    }
    assert!(calls > 1_000, "{calls} calls");
    assert!(
        failures.is_empty(),
        "{} of {calls} calls:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
