//! The id of the request being served. The server's request layer makes one per request, logs
//! it on the request's line and returns it as `x-request-id`; an `Internal` error takes it as
//! its reference, so the reference a user quotes finds the request's log lines.

use std::future::Future;

use http::request::Parts;
use leptos::prelude::use_context;
use rand::Rng;

tokio::task_local! {
    static CURRENT: RequestId;
}

/// Sixteen hex digits, random: unique enough to find one request in a day's logs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestId(pub String);

impl RequestId {
    pub fn new() -> Self {
        let n: u64 = rand::rng().random();
        RequestId(format!("{n:016x}"))
    }
}

impl Default for RequestId {
    fn default() -> Self {
        Self::new()
    }
}

/// Runs `future` as the request `id`.
pub async fn scope<F: Future>(id: RequestId, future: F) -> F::Output {
    CURRENT.scope(id, future).await
}

/// The current request's id: from the task serving it, or, in work Leptos spawns while
/// rendering a page, from the request it keeps in context.
pub fn current() -> Option<String> {
    CURRENT.try_with(|id| id.0.clone()).ok().or_else(|| {
        use_context::<Parts>()?
            .extensions
            .get::<RequestId>()
            .map(|id| id.0.clone())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_id_is_known_inside_its_scope_only() {
        assert_eq!(current(), None);
        let id = RequestId::new();
        assert_eq!(id.0.len(), 16);
        let inside = scope(id.clone(), async { current() }).await;
        assert_eq!(inside, Some(id.0));
        assert_eq!(current(), None);
    }
}
