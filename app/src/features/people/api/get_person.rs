use leptos::prelude::*;

use crate::error::AppError;
use crate::features::people::types::{PersonDetail, PersonKind};

/// One mentor or mentee with their status history. Coordinators reach only
/// people of their cities; each read is written to the audit log.
#[server(prefix = "/api", endpoint = "get_person")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_person(kind: PersonKind, id: i32) -> Result<PersonDetail, AppError> {
    use crate::domain::consent::ConsentPurpose;
    use crate::features::auth::guard::{STAFF, ensure_city, require_role};
    use crate::features::people::service;
    use crate::features::privacy::consents;
    use crate::features::privacy::types::{ERASERS, EXPORTERS};
    use crate::platform::audit;
    use crate::platform::errors::db_internal;
    use crate::platform::respond::finish;
    use crate::platform::state::AppState;

    finish(
        async move {
            let state = AppState::current()?;
            let user = require_role(&state, STAFF).await?;
            let mut person = service::detail(&state.db, kind, id)
                .await?
                .ok_or(AppError::NotFound)?;
            ensure_city(&user, person.city.id)?;
            person.may_act_on_data = EXPORTERS.contains(&user.role);
            person.may_erase = ERASERS.contains(&user.role);
            person.consents = consents::list(&state.db, kind, id).await?;
            if !user.may_see_special_category(person.city.id) {
                // Even that a consent to it was given says something about the person.
                person.migrant_background = None;
                person
                    .consents
                    .retain(|c| c.purpose != ConsentPurpose::SpecialCategory);
            }
            let subject = kind.singular();
            audit::record(&state.db, Some(user.user_id), "read", subject, Some(id))
                .await
                .map_err(db_internal("audit person read"))?;
            Ok(person)
        }
        .await,
    )
}
