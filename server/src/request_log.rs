//! One log line per request, and the request's id. The line holds the method, the route as
//! written in the router (`/refer/{token}`, never the token), the status, the time taken and a
//! pseudonym of the client's address: no query string, no body, no address, nothing a user
//! typed. The id goes back as `x-request-id` and is the reference of any `Internal` error.

use std::time::Instant;

use app::platform::request::client_ip_of;
use app::platform::request_id::{self, RequestId};
use app::platform::state::Settings;
use axum::body::Body;
use axum::extract::{MatchedPath, State};
use axum::http::{HeaderValue, Request};
use axum::middleware::Next;
use axum::response::Response;
use std::sync::Arc;
use tracing::Instrument;

pub async fn log_request(
    State(settings): State<Arc<Settings>>,
    mut request: Request<Body>,
    next: Next,
) -> Response {
    let id = RequestId::new();
    request.extensions_mut().insert(id.clone());
    let method = request.method().clone();
    let route = route_of(&request);
    let client = settings.secret.pseudonym(&client_ip_of(
        request.extensions(),
        request.headers(),
        &settings,
    ));
    let span = tracing::info_span!("request", id = %id.0);
    let started = Instant::now();
    let mut response = request_id::scope(id.clone(), next.run(request))
        .instrument(span.clone())
        .await;
    let status = response.status().as_u16();
    let ms = started.elapsed().as_millis() as u64;
    span.in_scope(|| {
        if status >= 500 {
            tracing::warn!(%method, route, status, ms, client, "request");
        } else {
            tracing::info!(%method, route, status, ms, client, "request");
        }
    });
    if let Ok(value) = HeaderValue::from_str(&id.0) {
        response.headers_mut().insert("x-request-id", value);
    }
    response
}

/// The router's pattern for the request; for the static files served by the fallback, their
/// path; `-` for anything else, since an unknown path may hold whatever the client wrote.
fn route_of(request: &Request<Body>) -> String {
    if let Some(matched) = request.extensions().get::<MatchedPath>() {
        return matched.as_str().to_owned();
    }
    let path = request.uri().path();
    let is_asset = path.starts_with("/pkg/")
        && path
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/._-".contains(&b));
    if is_asset {
        path.to_owned()
    } else {
        "-".to_owned()
    }
}
