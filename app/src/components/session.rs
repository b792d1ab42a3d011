//! The signed-in user, fetched once per page load and shared through context.
//! Sign-in and sign-out bump `version` to fetch it again.

use leptos::prelude::*;

use crate::error::AppError;
use crate::features::auth::SessionUser;
use crate::features::auth::api::get_session_user;

#[derive(Clone, Copy)]
pub struct Session {
    pub user: Resource<Result<Option<SessionUser>, AppError>>,
    version: RwSignal<u32>,
}

impl Session {
    pub fn refresh(&self) {
        self.version.update(|v| *v += 1);
    }
}

pub fn provide_session() {
    let version = RwSignal::new(0);
    let user = Resource::new(move || version.get(), |_| get_session_user());
    provide_context(Session { user, version });
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}
