//! The application form posted without JavaScript: a plain `POST /volunteer/apply`.
//!
//! Success goes on to the "check your e-mail" page. A refusal keeps the answers as a short-lived
//! draft and sends the browser back to the form, which shows them again with what was wrong.
//! Too many attempts get a readable 429 page in the applicant's language.

use axum::body::Body;
use axum::extract::{Form, FromRequest, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::Utc;
use http::header::ACCEPT_LANGUAGE;
use http::{HeaderMap, Request, StatusCode};
use leptos_i18n::td_string;

use super::service;
use super::types::{ApplyOutcome, DraftOutcome};
use crate::domain::application::{Answers, field};
use crate::domain::locale::Locale;
use crate::error::AppError;
use crate::i18n::Locale as UiLocale;
use crate::platform::request::client_ip_of;
use crate::platform::state::AppState;

pub const FORM_PATH: &str = "/volunteer";
pub const POST_PATH: &str = "/volunteer/apply";
pub const SENT_PATH: &str = "/volunteer/sent";

pub async fn handle(State(state): State<AppState>, request: Request<Body>) -> Response {
    let ip = client_ip_of(request.extensions(), request.headers(), &state.settings);
    let header_locale = locale_from_headers(request.headers());
    let pairs = match Form::<Vec<(String, String)>>::from_request(request, &()).await {
        Ok(Form(pairs)) => pairs,
        Err(rejection) => {
            tracing::info!(%rejection, "malformed application form");
            return message(rejection.status(), header_locale, Message::Malformed);
        }
    };
    // Percent-encoded bytes that are not UTF-8 arrive as U+FFFD: no browser sends that.
    if pairs
        .iter()
        .any(|(k, v)| k.contains('\u{FFFD}') || v.contains('\u{FFFD}'))
    {
        return message(StatusCode::BAD_REQUEST, header_locale, Message::Malformed);
    }
    let answers = Answers(pairs);
    let locale = Locale::parse(answers.get(field::LOCALE)).unwrap_or(header_locale);
    let now = Utc::now();
    let outcome = match service::apply(&state, &ip, answers.clone(), now).await {
        Ok(ApplyOutcome::Received) => return Redirect::to(SENT_PATH).into_response(),
        Ok(ApplyOutcome::Ineligible(reasons)) => DraftOutcome::Ineligible(reasons),
        Err(AppError::Validation(errors)) => DraftOutcome::Refused(errors),
        Err(AppError::RateLimited) => {
            return message(StatusCode::TOO_MANY_REQUESTS, locale, Message::TooMany);
        }
        Err(error) => return failure(&error, locale),
    };
    match service::save_draft(&state.db, &answers, &outcome, now).await {
        Ok(token) => {
            Redirect::to(&format!("{FORM_PATH}?draft={token}#application")).into_response()
        }
        Err(error) => failure(&error, locale),
    }
}

fn failure(error: &AppError, locale: Locale) -> Response {
    let status =
        StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let reference = match error {
        AppError::Internal { reference } => reference.clone(),
        _ => String::new(),
    };
    message(status, locale, Message::Failed(reference))
}

enum Message {
    Malformed,
    TooMany,
    Failed(String),
}

/// A small self-contained page: it must read well even when the application itself is what
/// refused the request.
fn message(status: StatusCode, locale: Locale, which: Message) -> Response {
    let ui = UiLocale::from(locale);
    let title = td_string!(ui, apply.problem_title).to_string();
    let text = match which {
        Message::Malformed => td_string!(ui, apply.problem_malformed).to_string(),
        Message::TooMany => td_string!(ui, apply.problem_too_many).to_string(),
        Message::Failed(reference) => {
            td_string!(ui, errors.internal, reference = reference.as_str()).to_string()
        }
    };
    let back = td_string!(ui, apply.problem_back).to_string();
    let page = format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><link rel=\"stylesheet\" href=\"/pkg/duo.css\"></head>\
         <body><main id=\"main\" class=\"narrow\"><h1>{title}</h1>\
         <p role=\"alert\">{text}</p><p><a class=\"button\" href=\"{FORM_PATH}\">{back}</a></p>\
         </main></body></html>",
        lang = locale.as_str(),
        title = escape(&title),
        text = escape(&text),
        back = escape(&back),
    );
    let mut response = (status, Html(page)).into_response();
    if status == StatusCode::TOO_MANY_REQUESTS {
        response.headers_mut().insert(
            http::header::RETRY_AFTER,
            http::HeaderValue::from_static("3600"),
        );
    }
    response
}

fn locale_from_headers(headers: &HeaderMap) -> Locale {
    headers
        .get(ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Locale::from_accept_language)
        .unwrap_or(Locale::En)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
