//! How often one address may try to sign in, ask for a sign-in link or use one. Each attempt
//! counts against the address. Wrong passwords, and link requests, also count against the pair
//! of the account and the address: someone guessing a password from one address is stopped
//! after a few tries, and cannot lock the real person out, whose own address has its own count.
//! Buckets hold pseudonyms (`Secret::pseudonym`), never an address or an e-mail.

use chrono::Duration;

use crate::domain::email::Email;
use crate::error::AppError;
use crate::platform::errors::db_internal;
use crate::platform::rate_limit::{self, Limit};
use crate::platform::request::client_ip;
use crate::platform::state::AppState;

/// The window every count runs over.
const WINDOW: Duration = Duration::minutes(15);
#[derive(Debug, Clone, Copy)]
pub enum Attempt<'a> {
    SignIn(&'a Email),
    LinkRequest(&'a Email),
    LinkUse,
}

impl Attempt<'_> {
    fn kind(self) -> &'static str {
        match self {
            Attempt::SignIn(_) => "sign_in",
            Attempt::LinkRequest(_) => "link_request",
            Attempt::LinkUse => "link_use",
        }
    }
}

fn limit(hits: u32) -> Limit {
    Limit {
        hits,
        window: WINDOW,
    }
}

/// The bucket of an account tried from `address`.
fn account_bucket(state: &AppState, attempt: Attempt<'_>, email: &Email, address: &str) -> String {
    let pair = state
        .settings
        .secret
        .pseudonym(&format!("{}\n{address}", email.as_str()));
    format!("{}:account:{pair}", attempt.kind())
}

fn refused(kind: &'static str) -> AppError {
    tracing::warn!(attempt = kind, "throttled: too many attempts");
    AppError::RateLimited
}

/// Counts the attempt against its address, or refuses it with `RateLimited` (429) when a count
/// is full. A sign-in is refused, not counted, by its account's count of wrong passwords,
/// which `wrong_password` adds to; a link request counts against its account too.
pub async fn allow(state: &AppState, attempt: Attempt<'_>) -> Result<(), AppError> {
    let kind = attempt.kind();
    let address = client_ip(&state.settings);
    let now = state.now();
    let per_address = limit(state.settings.sign_ins_per_address);
    let address_bucket = format!("{kind}:ip:{}", state.settings.secret.pseudonym(&address));
    if !rate_limit::allow(&state.db, &address_bucket, per_address, now)
        .await
        .map_err(db_internal("sign-in throttle"))?
    {
        return Err(refused(kind));
    }
    let per_account = limit(state.settings.tries_per_account);
    let account_full = match attempt {
        Attempt::SignIn(email) => {
            rate_limit::is_full(
                &state.db,
                &account_bucket(state, attempt, email, &address),
                per_account,
                now,
            )
            .await
        }
        Attempt::LinkRequest(email) => rate_limit::allow(
            &state.db,
            &account_bucket(state, attempt, email, &address),
            per_account,
            now,
        )
        .await
        .map(|allowed| !allowed),
        Attempt::LinkUse => Ok(false),
    }
    .map_err(db_internal("sign-in throttle"))?;
    if account_full {
        return Err(refused(kind));
    }
    Ok(())
}

/// Counts a wrong password for the account from this address.
pub async fn wrong_password(state: &AppState, email: &Email) -> Result<(), AppError> {
    let attempt = Attempt::SignIn(email);
    rate_limit::allow(
        &state.db,
        &account_bucket(state, attempt, email, &client_ip(&state.settings)),
        limit(state.settings.tries_per_account),
        state.now(),
    )
    .await
    .map(drop)
    .map_err(db_internal("sign-in throttle"))
}
