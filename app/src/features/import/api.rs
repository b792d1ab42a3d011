//! The import's server functions, for admins only: the dry run, and the import itself, which
//! streams its progress as lines of JSON (`ImportEvent`) while it writes.

use leptos::prelude::*;
use server_fn::codec::{Json, StreamingText, TextStream};

use super::types::{ImportKind, ImportReport};
use crate::error::AppError;

/// Checks a file as an import of `kind` would, and says what it would create. Writes nothing.
#[server(prefix = "/api", endpoint = "check_import", input = Json)]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, fields(kind = %kind)))]
pub async fn check_import(kind: ImportKind, csv: String) -> Result<ImportReport, AppError> {
    use crate::platform::respond::finish;

    finish(
        async move {
            let (state, _, today) = super::run::admin().await?;
            super::run::refuse_oversized(&csv)?;
            let dry = super::service::dry_run(&state.db, kind, &csv, today).await?;
            Ok(dry.report)
        }
        .await,
    )
}

/// Imports a file in one transaction: checked again inside it, then written slice by slice,
/// with a progress line after each slice, and committed whole or not at all.
#[server(
    prefix = "/api",
    endpoint = "run_import",
    input = Json,
    output = StreamingText
)]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, fields(kind = %kind)))]
pub async fn run_import(kind: ImportKind, csv: String) -> Result<TextStream<AppError>, AppError> {
    use crate::platform::request::client_ip;
    use crate::platform::respond::finish;

    finish(
        async move {
            let (state, admin, today) = super::run::admin().await?;
            super::run::refuse_oversized(&csv)?;
            let from_address = Some(client_ip(&state.settings));
            let job = super::run::Job {
                state,
                admin,
                kind,
                csv,
                today,
                from_address,
            };
            Ok(super::run::start(job))
        }
        .await,
    )
}

/// The paths of the server functions that receive a whole file, which the server lets take
/// larger bodies than any other request.
pub fn large_body_paths() -> [&'static str; 2] {
    use server_fn::ServerFn;
    [CheckImport::PATH, RunImport::PATH]
}
