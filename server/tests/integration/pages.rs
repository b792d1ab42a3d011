//! Pages rendered on the server while many are asked for at once.

use reqwest::StatusCode;
use sea_orm::DatabaseConnection;

use crate::support::app::TestApp;
use crate::support::db::on_both_backends;

on_both_backends!(
    titles_survive_many_pages_rendered_at_once,
    pages_are_sent_as_gzip_when_a_browser_also_accepts_brotli,
    the_webassembly_is_fetched_after_the_page_has_loaded
);

/// The head does not preload the WebAssembly (see `app::hydration`): the page's script fetches
/// it once the page has loaded, with the request's nonce.
async fn the_webassembly_is_fetched_after_the_page_has_loaded(db: DatabaseConnection) {
    let app = TestApp::spawn(db).await;
    let response = reqwest::get(format!("{}/sign-in", app.base))
        .await
        .expect("page");
    let policy = response.headers()["content-security-policy"]
        .to_str()
        .expect("a policy")
        .to_owned();
    let html = response.text().await.expect("html");
    assert!(!html.contains("preload"), "{html}");
    let (_, loader) = html
        .split_once("<script type=\"module\" nonce=\"")
        .expect("the loader script");
    let (nonce, loader) = loader.split_once('"').expect("its nonce");
    assert!(policy.contains(&format!("'nonce-{nonce}'")), "{policy}");
    let loader = loader.split("</script>").next().unwrap_or_default();
    assert!(
        loader.contains("addEventListener('load', whenIdle")
            && loader.contains("(\"/pkg/duo.js\", \"/pkg/duo_bg.wasm\");"),
        "{loader}"
    );
}

/// Brotli on the fly cost more than rendering (see `startup::router`), so a page goes out as
/// gzip even to a browser that prefers brotli; the stored brotli copies are for static files.
async fn pages_are_sent_as_gzip_when_a_browser_also_accepts_brotli(db: DatabaseConnection) {
    use std::io::Read;
    let app = TestApp::spawn(db).await;
    let response = reqwest::Client::new()
        .get(format!("{}/sign-in", app.base))
        .header("accept-encoding", "gzip, deflate, br, zstd")
        .header("accept-language", "en")
        .send()
        .await
        .expect("page");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-encoding"], "gzip");
    let body = response.bytes().await.expect("body");
    let mut html = String::new();
    flate2::read::GzDecoder::new(&body[..])
        .read_to_string(&mut html)
        .expect("a gzip body");
    assert!(
        html.contains("<title>Staff sign-in · Duo mentoring</title>"),
        "{html}"
    );
}

/// The sign-up page renders whole before it is sent, and leptos_meta writes the `<title>` only
/// after that. A title that read the language signal then panicked now and then under load
/// (the signal's owner was already gone), and the browser got a dropped connection instead of
/// the page. The 404 page did the same. Sixteen clients ask for both, in three languages.
async fn titles_survive_many_pages_rendered_at_once(db: DatabaseConnection) {
    const CLIENTS: usize = 16;
    const ROUNDS: usize = 8;
    let (app, _server) = TestApp::spawn_for_pages(db).await;
    let languages = [
        (
            "fr",
            "Devenir mentor · Mentorat Duo",
            "Page introuvable · Mentorat Duo",
        ),
        (
            "nl",
            "Mentor worden · Duo-mentoring",
            "Pagina niet gevonden · Duo-mentoring",
        ),
        (
            "en",
            "Become a mentor · Duo mentoring",
            "Page not found · Duo mentoring",
        ),
    ];
    let mut clients = tokio::task::JoinSet::new();
    for client in 0..CLIENTS {
        let base = app.base.clone();
        clients.spawn(async move {
            let http = reqwest::Client::new();
            let mut pages = 0;
            for round in 0..ROUNDS {
                let (language, sign_up, not_found) = languages[(client + round) % languages.len()];
                for (path, status, title) in [
                    ("/volunteer", StatusCode::OK, sign_up),
                    ("/no-such-page", StatusCode::NOT_FOUND, not_found),
                ] {
                    let response = http
                        .get(format!("{base}{path}"))
                        .header("accept-language", language)
                        .send()
                        .await
                        .unwrap_or_else(|e| panic!("{path} in {language}: {e}"));
                    assert_eq!(response.status(), status, "{path} in {language}");
                    let html = response.text().await.expect("the whole page");
                    assert!(
                        html.contains(&format!("<title>{title}</title>")),
                        "{path} in {language} has the title {title:?}"
                    );
                    pages += 1;
                }
            }
            pages
        });
    }
    let mut pages = 0;
    while let Some(done) = clients.join_next().await {
        pages += done.expect("a client");
    }
    assert_eq!(pages, CLIENTS * ROUNDS * 2);
}
