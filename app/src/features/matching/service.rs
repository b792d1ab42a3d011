//! Suggestions for one person: the city's pool scored by the engine, best first, with the
//! closest of those ruled out and why. On the board, only among the people its filters show.

use chrono::NaiveDate;
use sea_orm::{DatabaseConnection, EntityTrait};

use super::board::Filter;
use super::pool;
use super::types::{BoardQuery, NotAllowed, Suggestion, Suggestions};
use crate::db::entities::{mentees, mentors};
use crate::domain::matching::score::{Ranking, Reason, top_mentees, top_mentors};
use crate::error::AppError;
use crate::features::auth::SessionUser;
use crate::features::auth::guard::ensure_city;
use crate::features::people::types::PersonKind;
use crate::features::reference::queries;
use crate::platform::errors::db_internal;

/// How many candidates a person's page shows.
pub const SHOWN: usize = 5;

pub async fn suggest(
    db: &DatabaseConnection,
    user: &SessionUser,
    kind: PersonKind,
    id: i32,
    within: &BoardQuery,
    today: NaiveDate,
) -> Result<Suggestions, AppError> {
    let filter = Filter::new(within)?;
    let city_id = match kind {
        PersonKind::Mentors => mentors::Entity::find_by_id(id)
            .one(db)
            .await
            .map_err(db_internal("suggest mentor"))?
            .map(|m| m.city_id),
        PersonKind::Mentees => mentees::Entity::find_by_id(id)
            .one(db)
            .await
            .map_err(db_internal("suggest mentee"))?
            .map(|m| m.city_id),
    }
    .ok_or(AppError::NotFound)?;
    ensure_city(user, city_id)?;
    let also = match kind {
        PersonKind::Mentors => (Some(id), None),
        PersonKind::Mentees => (None, Some(id)),
    };
    let pool = pool::load(db, city_id, also, today).await?;
    let (candidates, own_reasons, ranking) = match kind {
        PersonKind::Mentees => {
            let mentee = pool
                .mentees
                .iter()
                .find(|m| m.id == id)
                .ok_or(AppError::NotFound)?;
            let mentors: Vec<_> = pool
                .mentors
                .iter()
                .filter(|m| m.available && filter.mentor(&pool, m))
                .cloned()
                .collect();
            if mentee.waiting {
                (
                    PersonKind::Mentors,
                    Vec::new(),
                    top_mentors(&pool.context, mentee, &mentors, SHOWN),
                )
            } else {
                (
                    PersonKind::Mentors,
                    vec![Reason::MenteeNotWaiting],
                    Ranking::default(),
                )
            }
        }
        PersonKind::Mentors => {
            let mentor = pool
                .mentors
                .iter()
                .find(|m| m.id == id)
                .ok_or(AppError::NotFound)?;
            let mentees: Vec<_> = (pool.mentees.iter())
                .filter(|m| m.waiting && filter.mentee(&pool, m))
                .cloned()
                .collect();
            if mentor.available {
                (
                    PersonKind::Mentees,
                    Vec::new(),
                    top_mentees(&pool.context, mentor, &mentees, SHOWN),
                )
            } else {
                (
                    PersonKind::Mentees,
                    vec![Reason::MentorUnavailable],
                    Ranking::default(),
                )
            }
        }
    };
    let name = |candidate: i32| match candidates {
        PersonKind::Mentors => pool.mentor_name(candidate),
        PersonKind::Mentees => pool.mentee_name(candidate),
    };
    Ok(Suggestions {
        candidates,
        own_reasons,
        allowed: ranking
            .allowed
            .iter()
            .map(|c| Suggestion {
                id: c.id,
                name: name(c.id),
                score: c.score.clone(),
            })
            .collect(),
        forbidden_count: u32::try_from(ranking.forbidden.len()).unwrap_or(u32::MAX),
        forbidden: ranking
            .forbidden
            .iter()
            .take(SHOWN)
            .map(|e| NotAllowed {
                id: e.id,
                name: name(e.id),
                reasons: e.forbidden.reasons.clone(),
            })
            .collect(),
        sectors: queries::sectors(db).await.map_err(db_internal("sectors"))?,
        languages: queries::languages(db)
            .await
            .map_err(db_internal("languages"))?,
    })
}
