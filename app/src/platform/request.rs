//! Facts about the current HTTP request that server functions need besides their arguments.

use std::net::SocketAddr;

use axum::extract::ConnectInfo;
use http::request::Parts;
use http::{Extensions, HeaderMap};
use leptos::prelude::use_context;

use super::state::Settings;

/// The address the request came from, for per-address rate limits.
pub fn client_ip(settings: &Settings) -> String {
    use_context::<Parts>()
        .map(|parts| client_ip_of(&parts.extensions, &parts.headers, settings))
        .unwrap_or_else(|| "unknown".to_owned())
}

/// The peer address, or behind a trusted reverse proxy (`TRUST_PROXY`) the last address it
/// added to `X-Forwarded-For`: earlier entries come from the client and can be forged.
/// `"unknown"` when the server was started without connection info.
pub fn client_ip_of(extensions: &Extensions, headers: &HeaderMap, settings: &Settings) -> String {
    if settings.trust_proxy
        && let Some(forwarded) = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .rfind(|v| !v.is_empty())
    {
        return forwarded.to_owned();
    }
    extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip().to_string())
        .unwrap_or_else(|| "unknown".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(trust_proxy: bool) -> Settings {
        Settings {
            trust_proxy,
            ..Settings::for_url("http://127.0.0.1:3000")
        }
    }

    #[test]
    fn the_peer_address_unless_a_proxy_is_trusted() {
        let mut extensions = Extensions::new();
        extensions.insert(ConnectInfo(SocketAddr::from(([10, 0, 0, 9], 4242))));
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", "6.6.6.6, 203.0.113.7".parse().unwrap());
        assert_eq!(
            client_ip_of(&extensions, &headers, &settings(false)),
            "10.0.0.9"
        );
        // The proxy appends the real client last; what comes before it the client wrote.
        assert_eq!(
            client_ip_of(&extensions, &headers, &settings(true)),
            "203.0.113.7"
        );
        assert_eq!(
            client_ip_of(&extensions, &HeaderMap::new(), &settings(true)),
            "10.0.0.9"
        );
        assert_eq!(
            client_ip_of(&Extensions::new(), &HeaderMap::new(), &settings(false)),
            "unknown"
        );
    }
}
