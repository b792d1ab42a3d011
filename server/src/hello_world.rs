//! `server hello-world`: a bare axum "Hello, World!" on `SITE_ADDR`, with no database, no
//! rendering and no middleware. `make bench-web` measures it beside the platform's pages as the
//! ceiling of this machine: the same binary, build profile and runtime, doing nothing else.

use axum::Router;
use axum::routing::get;
use tokio::net::TcpListener;

use crate::config::Config;
use crate::startup::{BoxError, shutdown_signal};

pub const USAGE: &str = "server hello-world   (serves a bare axum hello-world on SITE_ADDR: the ceiling of make bench-web)";

pub async fn run(config: &Config) -> Result<(), BoxError> {
    let app = Router::new().route("/", get(|| async { "Hello, World!" }));
    let listener = TcpListener::bind(config.site_addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.site_addr))?;
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    Ok(())
}
