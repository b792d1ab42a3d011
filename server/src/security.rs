//! Two layers every request passes: the refusal of cross-site requests that could change
//! something, and the security headers of every answer.

use std::sync::Arc;

use app::error::AppError;
use app::features::auth::cookies;
use app::platform::headers;
use app::platform::state::Settings;
use axum::body::Body;
use axum::extract::State;
use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, HOST, ORIGIN, REFERRER_POLICY,
    STRICT_TRANSPORT_SECURITY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::{HeaderMap, HeaderValue, Request, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Refuses, with 403, a request that is not a plain read and that a browser sent from
/// another site: `Sec-Fetch-Site` says so, or, from a browser too old to send it, `Origin`
/// names another site. Clients that are not browsers send neither and are let through: a
/// forged request needs a victim's browser, which always sends one of them.
pub async fn refuse_cross_site(
    State(settings): State<Arc<Settings>>,
    request: Request<Body>,
    next: Next,
) -> Response {
    if request.method().is_safe() {
        return next.run(request).await;
    }
    let Some(site) = cross_site(request.headers(), &settings.public_url) else {
        return next.run(request).await;
    };
    tracing::warn!(
        method = %request.method(),
        site,
        "cross-site request refused"
    );
    let body = serde_json::to_string(&AppError::Forbidden).unwrap_or_default();
    (
        StatusCode::FORBIDDEN,
        [(CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response()
}

/// Why the request counts as cross-site, or `None` when it comes from this site.
fn cross_site(headers: &HeaderMap, public_url: &str) -> Option<&'static str> {
    if let Some(site) = headers.get("sec-fetch-site") {
        return match site.as_bytes() {
            b"same-origin" | b"none" => None,
            b"same-site" => Some("same-site"),
            _ => Some("cross-site"),
        };
    }
    let origin = headers.get(ORIGIN)?.to_str().unwrap_or("null");
    let ours = origin == origin_of(public_url)
        || headers
            .get(HOST)
            .and_then(|h| h.to_str().ok())
            .is_some_and(|host| {
                origin.strip_prefix("http://") == Some(host)
                    || origin.strip_prefix("https://") == Some(host)
            });
    (!ours).then_some("origin")
}

/// `https://duo.example.be` for `https://duo.example.be/some/path`.
fn origin_of(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    match url[after_scheme..].find('/') {
        Some(slash) => &url[..after_scheme + slash],
        None => url,
    }
}

/// Headers on every answer: no type sniffing, no referrer outside the site, no framing, a
/// Content-Security-Policy (pages set their own, with their nonce), HSTS over HTTPS, and
/// what caches may keep (see [`cache_policy`]).
pub async fn add_headers(
    State(settings): State<Arc<Settings>>,
    request: Request<Body>,
    next: Next,
) -> Response {
    let signed_in =
        cookies::read(request.headers(), cookies::session_cookie_name(&settings)).is_some();
    let mut response = next.run(request).await;
    let policy = cache_policy(
        signed_in,
        response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok()),
    );
    let headers = response.headers_mut();
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if !headers.contains_key(CONTENT_SECURITY_POLICY)
        && let Ok(policy) = HeaderValue::from_str(&headers::other_policy())
    {
        headers.insert(CONTENT_SECURITY_POLICY, policy);
    }
    if settings.secure_cookies {
        headers.insert(
            STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    if let Some(policy) = policy
        && !headers.contains_key(CACHE_CONTROL)
    {
        headers.insert(CACHE_CONTROL, HeaderValue::from_static(policy));
    }
    response
}

/// What caches may do with an answer of this type, when its handler did not say:
/// - pages and data served to someone signed in are not kept (`no-store`);
/// - static files (the WebAssembly, scripts, styles, icons) are checked with the server before
///   each use (`no-cache`, answered 304 while unchanged). Their names stay the same from one
///   release to the next, so a copy kept on a guess could pair a new page with old WebAssembly;
/// - public pages get nothing.
fn cache_policy(signed_in: bool, content_type: Option<&str>) -> Option<&'static str> {
    let is_dynamic = content_type
        .is_some_and(|t| t.starts_with("text/html") || t.starts_with("application/json"));
    match (is_dynamic, signed_in) {
        (true, true) => Some("no-store"),
        (true, false) => None,
        (false, _) => Some("no-cache"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn a_request_is_cross_site_when_the_browser_says_so() {
        let ours = "https://duo.example.be";
        type Case<'a> = (&'a [(&'static str, &'static str)], Option<&'a str>);
        let cases: [Case; 9] = [
            (&[], None),
            (&[("sec-fetch-site", "same-origin")], None),
            (&[("sec-fetch-site", "none")], None),
            (&[("sec-fetch-site", "same-site")], Some("same-site")),
            (&[("sec-fetch-site", "cross-site")], Some("cross-site")),
            // Sec-Fetch-Site decides when present, whatever Origin says.
            (
                &[
                    ("sec-fetch-site", "cross-site"),
                    ("origin", "https://duo.example.be"),
                ],
                Some("cross-site"),
            ),
            (&[("origin", "https://duo.example.be")], None),
            (&[("origin", "https://evil.example")], Some("origin")),
            (&[("origin", "null")], Some("origin")),
        ];
        for (pairs, expected) in cases {
            assert_eq!(cross_site(&headers(pairs), ours), expected, "{pairs:?}");
        }
        // Reached by another name than PUBLIC_URL's, as on a developer's machine.
        let local = headers(&[
            ("origin", "http://localhost:3000"),
            ("host", "localhost:3000"),
        ]);
        assert_eq!(cross_site(&local, "http://127.0.0.1:3000"), None);
    }

    #[test]
    fn static_files_are_checked_before_each_use_and_signed_in_pages_are_not_kept() {
        let cases = [
            (true, Some("text/html; charset=utf-8"), Some("no-store")),
            (true, Some("application/json"), Some("no-store")),
            (false, Some("text/html; charset=utf-8"), None),
            (false, Some("application/wasm"), Some("no-cache")),
            (true, Some("text/javascript"), Some("no-cache")),
            (false, Some("text/css"), Some("no-cache")),
            (false, None, Some("no-cache")),
        ];
        for (signed_in, content_type, expected) in cases {
            assert_eq!(
                cache_policy(signed_in, content_type),
                expected,
                "{signed_in} {content_type:?}"
            );
        }
    }

    /// The static files as the server sends them: `no-cache`, and 304 when the browser's copy
    /// is still the current one, so checking costs no download.
    #[tokio::test]
    async fn a_static_file_is_revalidated_and_not_sent_again_while_unchanged() {
        use tower::ServiceExt;
        let site = std::env::temp_dir().join(format!("duo_site_{}", std::process::id()));
        std::fs::create_dir_all(site.join("pkg")).expect("site dir");
        std::fs::write(site.join("pkg/duo.js"), "export {}").expect("file");
        let settings = Arc::new(Settings::for_url("http://127.0.0.1:3000"));
        let router = axum::Router::new()
            .fallback_service(tower_http::services::ServeDir::new(&site))
            .layer(axum::middleware::from_fn_with_state(settings, add_headers));
        let get = |since: Option<String>| {
            let mut request = Request::get("/pkg/duo.js");
            if let Some(since) = since {
                request = request.header("if-modified-since", since);
            }
            router
                .clone()
                .oneshot(request.body(Body::empty()).expect("request"))
        };
        let first = get(None).await.expect("answer");
        assert_eq!(first.status(), StatusCode::OK);
        assert_eq!(first.headers()[CACHE_CONTROL], "no-cache");
        let modified = first.headers()["last-modified"]
            .to_str()
            .expect("a date")
            .to_owned();
        let again = get(Some(modified)).await.expect("answer");
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
        let _ = std::fs::remove_dir_all(&site);
    }

    #[test]
    fn the_origin_of_an_address_drops_its_path() {
        assert_eq!(origin_of("https://duo.be/app"), "https://duo.be");
        assert_eq!(origin_of("http://127.0.0.1:3000"), "http://127.0.0.1:3000");
    }
}
