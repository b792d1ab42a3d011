//! Opening the database, building the router and serving it.

use std::net::SocketAddr;

use app::db::migration::Migrator;
use app::error::AppError;
use app::features::{applications, impact, privacy};
use app::platform::database;
use app::platform::state::{AppState, Clock};
use app::{App, shell};
use axum::Router;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{Request, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list, handle_server_fns_with_context};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use sea_orm_migration::MigratorTrait;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;

use crate::config::Config;
use crate::jobs;
use crate::mailer::Mailer;
use crate::{request_log, security};

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Request bodies above this are refused with 413 before any handler runs.
const BODY_LIMIT: usize = 256 * 1024;
/// The CSV import's two server functions take whole files (`MAX_FILE_BYTES`), JSON-escaped.
const IMPORT_BODY_LIMIT: usize = app::features::import::types::MAX_FILE_BYTES / 4 * 5;

/// Connects and brings the schema up to date. A failed migration stops the
/// start with the reason, rather than serving a half-migrated database.
pub async fn open_database(config: &Config) -> Result<DatabaseConnection, BoxError> {
    if config.is_sqlite() {
        ensure_sqlite_directory(&config.database_url)?;
    }
    let db = database::connect(&config.database_url, config.pool_size)
        .await
        .map_err(|e| format!("cannot open the database: {e}"))?;
    Migrator::up(&db, None)
        .await
        .map_err(|e| format!("database migration failed: {e}"))?;
    Ok(db)
}

fn ensure_sqlite_directory(url: &str) -> Result<(), BoxError> {
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:")
        .split('?')
        .next()
        .unwrap_or_default();
    if let Some(dir) = std::path::Path::new(path)
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    Ok(())
}

pub fn leptos_options(config: &Config) -> Result<LeptosOptions, BoxError> {
    let mut options = get_configuration(None)?.leptos_options;
    if options.output_name.is_empty() {
        options.output_name = "duo".into();
    }
    options.site_addr = config.site_addr;
    Ok(options)
}

/// The whole HTTP application, also used by the integration tests.
pub fn router(state: AppState, options: LeptosOptions) -> Router {
    let routes = generate_route_list(App);
    let api_state = state.clone();
    let page_state = state.clone();
    let settings = state.settings.clone();
    let mut router = Router::new();
    if state.settings.test_clock {
        router = router.route(
            "/test/clock",
            post(set_test_clock).with_state(state.clone()),
        );
    }
    router
        .route(
            "/api/{*fn_name}",
            post(move |req: Request<Body>| {
                let state = api_state.clone();
                async move {
                    handle_server_fns_with_context(move || provide_context(state.clone()), req)
                        .await
                }
            }),
        )
        .route("/health", get(health).with_state(state.clone()))
        .route(
            &format!("{}/{{file}}", impact::types::EXPORT_PATH),
            get(impact::export::handle).with_state(state.clone()),
        )
        .route(
            &format!("{}/{{kind}}/{{file}}", privacy::types::EXPORT_PATH),
            get(privacy::export::handle).with_state(state.clone()),
        )
        .route(
            applications::form_post::POST_PATH,
            post(applications::form_post::handle).with_state(state),
        )
        .leptos_routes_with_context(
            &options,
            routes,
            move || provide_context(page_state.clone()),
            {
                let options = options.clone();
                move || shell(options.clone())
            },
        )
        .fallback(leptos_axum::file_and_error_handler(shell))
        .layer(axum::middleware::map_response(with_error_status))
        .layer(axum::middleware::from_fn(limit_body))
        // Pages and data are compressed with gzip, not brotli: tower-http's brotli builds a
        // fresh encoder per response, which halved the mentor home's throughput under wrk
        // (309 against 541 pages/s). The WASM, JS and CSS still go out as brotli, from the
        // copies `server precompress` stored, which this layer leaves as they are.
        .layer(CompressionLayer::new().no_br())
        .layer(axum::middleware::from_fn_with_state(
            settings.clone(),
            security::refuse_cross_site,
        ))
        .layer(axum::middleware::from_fn_with_state(
            settings.clone(),
            security::add_headers,
        ))
        .layer(axum::middleware::from_fn_with_state(
            settings,
            request_log::log_request,
        ))
        .with_state(options)
}

/// Refuses a body above `BODY_LIMIT` with 413 before any handler runs. The import's two server
/// functions receive whole files, and alone may take `IMPORT_BODY_LIMIT`.
async fn limit_body(request: Request<Body>, next: Next) -> Response {
    use tower::{ServiceBuilder, ServiceExt};
    let path = request.uri().path();
    let limit = if app::features::import::api::large_body_paths().contains(&path) {
        IMPORT_BODY_LIMIT
    } else {
        BODY_LIMIT
    };
    // server_fn also reads bodies within axum's default limit (2 MB), which gets the same value.
    let service = ServiceBuilder::new()
        .layer(RequestBodyLimitLayer::new(limit))
        .map_request(|request: Request<_>| request.map(Body::new))
        .layer(DefaultBodyLimit::max(limit))
        .service(next);
    match service.oneshot(request).await {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    }
}

/// server_fn answers every error it raises itself (a body it cannot decode, a missing
/// argument) with 500. Those errors are still `AppError`s, so this gives them the status
/// they deserve, such as 422 for a malformed body; a genuine `Internal` stays 500.
async fn with_error_status(response: Response) -> Response {
    const ERROR_BODY_LIMIT: usize = 64 * 1024;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, ERROR_BODY_LIMIT).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status =
            StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    }
    Response::from_parts(parts, Body::from(bytes))
}

#[derive(serde::Deserialize)]
struct ClockMove {
    days: i64,
}

/// Moves the application's clock `days` ahead of the system clock (0 puts it back), so a
/// browser test can live through a duo's six months. Mounted only with `APP_ENV=test`.
async fn set_test_clock(
    State(state): State<AppState>,
    axum::Form(request): axum::Form<ClockMove>,
) -> StatusCode {
    let days = request.days.clamp(-3650, 3650);
    state.clock.set_offset(chrono::TimeDelta::days(days));
    tracing::warn!(days, "test clock moved");
    StatusCode::NO_CONTENT
}

async fn health(State(state): State<AppState>) -> Response {
    match state.db.execute_unprepared("SELECT 1").await {
        Ok(_) => (
            StatusCode::OK,
            [("content-type", "application/json")],
            r#"{"status":"ok"}"#,
        )
            .into_response(),
        Err(_) => (
            StatusCode::SERVICE_UNAVAILABLE,
            [("content-type", "application/json")],
            r#"{"status":"unavailable"}"#,
        )
            .into_response(),
    }
}

pub async fn serve(config: Config) -> Result<(), BoxError> {
    if config.secret_generated {
        tracing::warn!(
            "SECRET_KEY is not set: this process made one up, so client pseudonyms in logs and rate limits change at each start and differ between instances"
        );
    }
    let db = open_database(&config).await?;
    let state = AppState::new(db.clone(), config.settings.clone(), Clock::default());
    let options = leptos_options(&config)?;
    let (stop_tx, stop_rx) = watch::channel(false);
    let mailer = Mailer::from_config(&config)?;
    let invitations = tokio::spawn(jobs::return_invitations::run(
        db.clone(),
        state.settings.public_url.clone(),
        state.clock.clone(),
        stop_rx.clone(),
    ));
    let retention = tokio::spawn(jobs::retention::run(
        db.clone(),
        state.clock.clone(),
        stop_rx.clone(),
    ));
    let sender = tokio::spawn(jobs::outbox_sender::run(db, mailer, stop_rx));

    let listener = TcpListener::bind(config.site_addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.site_addr))?;
    tracing::info!("listening on http://{}", config.site_addr);
    axum::serve(
        listener,
        router(state, options).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    let _ = stop_tx.send(true);
    let _ = sender.await;
    let _ = invitations.await;
    let _ = retention.await;
    Ok(())
}

pub(crate) async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
