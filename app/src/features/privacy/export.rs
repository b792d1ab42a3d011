//! `GET /privacy/export/{kind}/{id}.json` (or `.csv`): everything the platform holds about one
//! mentor or mentee (GDPR Art. 15 and 20), for an admin or a coordinator of the person's city.
//!
//! Every personal table of the register is read through the person's links (`subject`), each
//! value as text, each column with its purpose. Secrets that would let someone act as the person
//! are withheld. The download is written to the audit log.

use axum::extract::{Path, State};
use axum::response::Response;
use chrono::{DateTime, Utc};
use http::HeaderMap;
use http::request::Parts;
use sea_orm::{ConnectionTrait, DbErr, Statement};
use serde_json::{Map, Value, json};

use super::subject::{self, WITHHELD};
use super::types::{EXPORTERS, ExportFormat};
use crate::db::purposes::Table;
use crate::domain::impact::{Cell, csv_line};
use crate::error::AppError;
use crate::features::auth::guard::ensure_city;
use crate::features::auth::types::SessionUser;
use crate::features::people::types::PersonKind;
use crate::platform::audit;
use crate::platform::download::{attachment, refusal, session_user};
use crate::platform::errors::db_internal;
use crate::platform::request::client_ip_of;
use crate::platform::state::AppState;

/// One table's rows about the person, every value as text.
#[derive(Debug, Clone)]
pub struct TableRows {
    pub table: &'static Table,
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<Option<String>>>,
}

/// Everything about one person, table by table; tables without a row about them are left out.
pub async fn rows_of(
    conn: &impl ConnectionTrait,
    kind: PersonKind,
    id: i32,
) -> Result<Vec<TableRows>, DbErr> {
    let mut found = Vec::new();
    for (table, condition) in subject::tables(kind) {
        let columns: Vec<&'static str> = subject::shown_columns(table).collect();
        let Some(first) = columns.first() else {
            continue;
        };
        let select = columns
            .iter()
            .enumerate()
            .map(|(i, column)| format!("CAST(t.{column} AS TEXT) AS c{i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "SELECT {select} FROM {} t WHERE {condition} ORDER BY t.{first}",
            table.name
        );
        let statement =
            Statement::from_sql_and_values(conn.get_database_backend(), sql, [id.into()]);
        let mut rows = Vec::new();
        for row in conn.query_all_raw(statement).await? {
            let values = (0..columns.len())
                .map(|i| row.try_get::<Option<String>>("", &format!("c{i}")))
                .collect::<Result<Vec<_>, _>>()?;
            rows.push(values);
        }
        if !rows.is_empty() {
            found.push(TableRows {
                table,
                columns,
                rows,
            });
        }
    }
    Ok(found)
}

/// The export as one JSON document: each table with its purpose, its columns' purposes, and
/// its rows as objects.
pub fn json_text(kind: PersonKind, id: i32, at: DateTime<Utc>, tables: &[TableRows]) -> String {
    let tables: Vec<Value> = tables
        .iter()
        .map(|t| {
            let purposes: Map<String, Value> = t
                .columns
                .iter()
                .map(|c| (c.to_string(), json!(t.table.purpose_of(c))))
                .collect();
            let rows: Vec<Value> = t
                .rows
                .iter()
                .map(|row| {
                    let object: Map<String, Value> = t
                        .columns
                        .iter()
                        .zip(row)
                        .map(|(c, v)| (c.to_string(), json!(v)))
                        .collect();
                    Value::Object(object)
                })
                .collect();
            json!({
                "table": t.table.name,
                "purpose": t.table.purpose,
                "column_purposes": purposes,
                "rows": rows,
            })
        })
        .collect();
    let withheld: Vec<String> = WITHHELD.iter().map(|(t, c)| format!("{t}.{c}")).collect();
    let document = json!({
        "person": { "kind": kind.as_str(), "id": id },
        "exported_at": at.to_rfc3339(),
        "withheld_secrets": withheld,
        "tables": tables,
    });
    serde_json::to_string_pretty(&document).unwrap_or_default()
}

/// The export as one CSV file, one value per line: table, row number, column, value, and the
/// column's purpose. A byte-order mark lets spreadsheets read accents as UTF-8.
pub fn csv_text(tables: &[TableRows]) -> String {
    let text = |s: &str| Cell::Text(s.to_owned());
    let mut out = String::from("\u{feff}");
    out.push_str(&csv_line(&[
        text("table"),
        text("row"),
        text("column"),
        text("value"),
        text("purpose"),
    ]));
    for t in tables {
        for (n, row) in t.rows.iter().enumerate() {
            for (column, value) in t.columns.iter().zip(row) {
                out.push_str(&csv_line(&[
                    text(t.table.name),
                    Cell::Count(u32::try_from(n + 1).unwrap_or(u32::MAX)),
                    text(column),
                    text(value.as_deref().unwrap_or_default()),
                    text(t.table.purpose_of(column).unwrap_or_default()),
                ]));
            }
        }
    }
    out
}

pub async fn handle(
    State(state): State<AppState>,
    Path((kind, file)): Path<(String, String)>,
    parts: Parts,
) -> Response {
    let request = PersonKind::parse(&kind).zip(ExportFormat::parse_file(&file));
    let Some((kind, (id, format))) = request else {
        return refusal(AppError::NotFound);
    };
    let from_address = client_ip_of(&parts.extensions, &parts.headers, &state.settings);
    match export(&state, &parts.headers, kind, id, format, from_address).await {
        Ok(body) => {
            let content_type = match format {
                ExportFormat::Json => "application/json; charset=utf-8",
                ExportFormat::Csv => "text/csv; charset=utf-8",
            };
            let name = format!("{}-{id}-data.{}", kind.singular(), format.extension());
            attachment(content_type, &name, body)
        }
        Err(error) => refusal(error),
    }
}

async fn export(
    state: &AppState,
    headers: &HeaderMap,
    kind: PersonKind,
    id: i32,
    format: ExportFormat,
    from_address: String,
) -> Result<String, AppError> {
    let user: SessionUser = session_user(state, headers, EXPORTERS).await?;
    let city = subject::city_of(&state.db, kind, id)
        .await
        .map_err(db_internal("export person city"))?
        .ok_or(AppError::NotFound)?;
    ensure_city(&user, city)?;
    let tables = rows_of(&state.db, kind, id)
        .await
        .map_err(db_internal("export person rows"))?;
    let entry = audit::Entry {
        actor_user_id: Some(user.user_id),
        action: "export",
        subject_kind: kind.singular(),
        subject_id: Some(id),
    };
    audit::append(&state.db, entry, Some(from_address))
        .await
        .map_err(db_internal("audit person export"))?;
    Ok(match format {
        ExportFormat::Json => json_text(kind, id, state.now(), &tables),
        ExportFormat::Csv => csv_text(&tables),
    })
}
