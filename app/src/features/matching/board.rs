//! The matching board: a city's waiting mentees and available mentors, a pair's live preview,
//! the exact city-wide proposals, and the coordinator's locks, bans and rejections.

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use chrono::{NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, Set,
};

use super::history::{self, Event};
use super::pool::{self, Pool};
use super::types::{
    Accepted, BoardCard, BoardColumn, BoardQuery, CityProposals, MatchingBoard, PairIds,
    PairPreview, PairRule, PairView, ProposedPair,
};
use crate::db::entities::{duos, match_bans, match_locks, mentees, mentors};
use crate::domain::duo::DuoStatus;
use crate::domain::matching::history::BoardAction;
use crate::domain::matching::score::{MenteeProfile, MentorProfile, evaluate, propose};
use crate::domain::reference::LanguageLevel;
use crate::error::{AppError, ConflictCode, ErrorCode};
use crate::features::auth::SessionUser;
use crate::features::auth::guard::{chosen_city, ensure_city};
use crate::features::duos::service as duos_service;
use crate::features::reference::queries;
use crate::platform::database::begin_write;
use crate::platform::errors::{db_internal, internal};

/// Cards per column page: enough to scan, few enough to drag between without scrolling far.
pub const PAGE_SIZE: usize = 30;
const SEARCH_MAX: usize = 80;
const HISTORY_SHOWN: u64 = 30;
/// More pairs than any city's pool; a longer list is not from the board.
const ACCEPT_MAX: usize = 2_000;

pub async fn load(
    db: &DatabaseConnection,
    user: &SessionUser,
    query: BoardQuery,
    today: NaiveDate,
) -> Result<MatchingBoard, AppError> {
    let filter = Filter::new(&query)?;
    let (cities, city_id) = chosen_city(db, user, query.city_id).await?;
    let sectors = queries::sectors(db).await.map_err(db_internal("sectors"))?;
    let languages = queries::languages(db)
        .await
        .map_err(db_internal("languages"))?;
    let empty = BoardColumn {
        cards: Vec::new(),
        total: 0,
        page: 1,
        pages: 1,
    };
    let mut board = MatchingBoard {
        cities,
        sectors,
        languages,
        city_id,
        mentees: empty.clone(),
        mentors: empty,
        proposed: Vec::new(),
        locks: Vec::new(),
        bans: Vec::new(),
        history: Vec::new(),
    };
    let Some(city) = city_id else {
        return Ok(board);
    };
    let pool = pool::load(db, city, (None, None), today).await?;
    let mut mentees: Vec<&MenteeProfile> = (pool.mentees.iter())
        .filter(|m| filter.mentee(&pool, m))
        .collect();
    // Longest waiting first: they come first in the programme too.
    mentees.sort_by_key(|m| {
        (
            std::cmp::Reverse(m.days_waiting),
            pool.mentee_name(m.id),
            m.id,
        )
    });
    let mut mentors: Vec<&MentorProfile> = (pool.mentors.iter())
        .filter(|m| filter.mentor(&pool, m))
        .collect();
    mentors.sort_by_key(|m| (pool.mentor_name(m.id), m.id));

    board.mentees = column(&mentees, query.mentee_page, |m| BoardCard {
        id: m.id,
        name: pool.mentee_name(m.id),
        sector_ids: m.goal_sectors.clone(),
        languages: m.languages.clone(),
        slots: m.slots,
        days_waiting: Some(m.days_waiting),
        completed_duos: None,
    });
    board.mentors = column(&mentors, query.mentor_page, |m| BoardCard {
        id: m.id,
        name: pool.mentor_name(m.id),
        sector_ids: m.sectors.iter().map(|(id, _)| *id).collect(),
        languages: m.languages.clone(),
        slots: m.slots,
        days_waiting: None,
        completed_duos: Some(m.completed_duos),
    });
    board.proposed = proposed_duos(db, city).await?;
    board.locks = locks_of(db, city)
        .await?
        .into_iter()
        .map(|p| pair_view(&pool, p, None))
        .collect();
    board.bans = bans_of(db, city).await?;
    board.history = history::recent(db, city, HISTORY_SHOWN).await?;
    Ok(board)
}

/// The board's filters, as a test on the people of a pool: every word of the search in the
/// name, the sector among theirs, the language among those they speak.
pub struct Filter {
    words: Vec<String>,
    sector: Option<i32>,
    language: Option<i32>,
}

impl Filter {
    pub fn new(query: &BoardQuery) -> Result<Filter, AppError> {
        let search = query.search.as_deref().map(str::trim).unwrap_or_default();
        if search.chars().count() > SEARCH_MAX {
            return Err(AppError::field(
                "search",
                ErrorCode::TooLong {
                    max: SEARCH_MAX as u32,
                },
            ));
        }
        Ok(Filter {
            words: search
                .to_lowercase()
                .split_whitespace()
                .map(str::to_owned)
                .collect(),
            sector: query.sector_id,
            language: query.language_id,
        })
    }

    fn passes(
        &self,
        name: &str,
        mut sectors: impl Iterator<Item = i32>,
        languages: &[(i32, LanguageLevel)],
    ) -> bool {
        let name = name.to_lowercase();
        self.words.iter().all(|w| name.contains(w.as_str()))
            && self.sector.is_none_or(|s| sectors.any(|id| id == s))
            && (self.language).is_none_or(|l| languages.iter().any(|(id, _)| *id == l))
    }

    pub fn mentor(&self, pool: &Pool, mentor: &MentorProfile) -> bool {
        let sectors = mentor.sectors.iter().map(|(id, _)| *id);
        self.passes(&pool.mentor_name(mentor.id), sectors, &mentor.languages)
    }

    pub fn mentee(&self, pool: &Pool, mentee: &MenteeProfile) -> bool {
        let sectors = mentee.goal_sectors.iter().copied();
        self.passes(&pool.mentee_name(mentee.id), sectors, &mentee.languages)
    }
}

/// One page of `people`, `page` 1-based and clamped to the pages there are.
fn column<T>(people: &[&T], page: Option<u32>, card: impl Fn(&T) -> BoardCard) -> BoardColumn {
    let total = people.len();
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let page = (page.unwrap_or(1).max(1) as usize).min(pages);
    BoardColumn {
        cards: (people.iter())
            .skip((page - 1) * PAGE_SIZE)
            .take(PAGE_SIZE)
            .map(|p| card(p))
            .collect(),
        total: u32::try_from(total).unwrap_or(u32::MAX),
        page: page as u32,
        pages: pages as u32,
    }
}

fn pair_view(pool: &Pool, pair: PairIds, duo_id: Option<i32>) -> PairView {
    PairView {
        mentor_id: pair.mentor_id,
        mentor: pool.mentor_name(pair.mentor_id),
        mentee_id: pair.mentee_id,
        mentee: pool.mentee_name(pair.mentee_id),
        duo_id,
    }
}

/// The city's duos still at `proposed`, newest first, which can be undone.
async fn proposed_duos(db: &DatabaseConnection, city: i32) -> Result<Vec<PairView>, AppError> {
    let rows = duos::Entity::find()
        .filter(duos::Column::CityId.eq(city))
        .filter(duos::Column::Status.eq(DuoStatus::Proposed.as_str()))
        .all(db)
        .await
        .map_err(db_internal("proposed duos"))?;
    let names = pool::names(
        db,
        rows.iter().map(|d| d.mentor_id).collect(),
        rows.iter().map(|d| d.mentee_id).collect(),
    )
    .await?;
    let mut views: Vec<(chrono::DateTime<Utc>, PairView)> = rows
        .into_iter()
        .map(|d| {
            let view = PairView {
                mentor: names.get(&(true, d.mentor_id)).cloned().unwrap_or_default(),
                mentor_id: d.mentor_id,
                mentee: names
                    .get(&(false, d.mentee_id))
                    .cloned()
                    .unwrap_or_default(),
                mentee_id: d.mentee_id,
                duo_id: Some(d.id),
            };
            (d.proposed_at, view)
        })
        .collect();
    views.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.duo_id.cmp(&a.1.duo_id)));
    Ok(views.into_iter().map(|(_, v)| v).collect())
}

async fn locks_of(db: &DatabaseConnection, city: i32) -> Result<Vec<PairIds>, AppError> {
    Ok(match_locks::Entity::find()
        .filter(match_locks::Column::CityId.eq(city))
        .all(db)
        .await
        .map_err(db_internal("board locks"))?
        .into_iter()
        .map(|l| PairIds {
            mentor_id: l.mentor_id,
            mentee_id: l.mentee_id,
        })
        .collect())
}

/// The city's bans, by its mentors (a ban names no city of its own).
async fn bans_of(db: &DatabaseConnection, city: i32) -> Result<Vec<PairView>, AppError> {
    let rows: Vec<match_bans::Model> = match_bans::Entity::find()
        .inner_join(mentors::Entity)
        .filter(mentors::Column::CityId.eq(city))
        .all(db)
        .await
        .map_err(db_internal("board bans"))?;
    let names = pool::names(
        db,
        rows.iter().map(|b| b.mentor_id).collect(),
        rows.iter().map(|b| b.mentee_id).collect(),
    )
    .await?;
    Ok(rows
        .into_iter()
        .map(|b| PairView {
            mentor: names.get(&(true, b.mentor_id)).cloned().unwrap_or_default(),
            mentor_id: b.mentor_id,
            mentee: names
                .get(&(false, b.mentee_id))
                .cloned()
                .unwrap_or_default(),
            mentee_id: b.mentee_id,
            duo_id: None,
        })
        .collect())
}

/// The mentor and mentee of `pair`, once the caller may reach both.
async fn pair_rows(
    db: &impl sea_orm::ConnectionTrait,
    user: &SessionUser,
    pair: PairIds,
) -> Result<(mentors::Model, mentees::Model), AppError> {
    let mentor = mentors::Entity::find_by_id(pair.mentor_id)
        .one(db)
        .await
        .map_err(db_internal("load mentor"))?
        .ok_or(AppError::NotFound)?;
    let mentee = mentees::Entity::find_by_id(pair.mentee_id)
        .one(db)
        .await
        .map_err(db_internal("load mentee"))?
        .ok_or(AppError::NotFound)?;
    ensure_city(user, mentor.city_id)?;
    ensure_city(user, mentee.city_id)?;
    Ok((mentor, mentee))
}

/// What proposing `pair` would give: its explained score, or every reason it is forbidden.
pub async fn preview(
    db: &DatabaseConnection,
    user: &SessionUser,
    pair: PairIds,
    today: NaiveDate,
) -> Result<PairPreview, AppError> {
    let (mentor, mentee) = pair_rows(db, user, pair).await?;
    let (mentor_name, mentee_name) = (
        format!("{} {}", mentor.first_name, mentor.last_name),
        format!("{} {}", mentee.first_name, mentee.last_name),
    );
    let pool = pool::load_pair(db, mentor, mentee, today).await?;
    let (score, reasons) = match (pool.mentors.first(), pool.mentees.first()) {
        (Some(mentor), Some(mentee)) => match evaluate(&pool.context, mentor, mentee) {
            Ok(score) => (Some(score), Vec::new()),
            Err(forbidden) => (None, forbidden.reasons),
        },
        _ => return Err(AppError::NotFound),
    };
    Ok(PairPreview {
        mentor_id: pair.mentor_id,
        mentor: mentor_name,
        mentee_id: pair.mentee_id,
        mentee: mentee_name,
        score,
        reasons,
    })
}

/// The best whole-city set of duos, solved exactly, keeping the city's locks that still hold
/// (a lock on someone who left the pool, or that a ban now forbids, is left out).
pub async fn propose_city(
    db: &DatabaseConnection,
    user: &SessionUser,
    city_id: i32,
    today: NaiveDate,
) -> Result<CityProposals, AppError> {
    ensure_city(user, city_id)?;
    let pool = pool::load(db, city_id, (None, None), today).await?;
    let (mentor_ids, mentee_ids): (HashMap<i32, &MentorProfile>, HashMap<i32, &MenteeProfile>) = (
        pool.mentors.iter().map(|m| (m.id, m)).collect(),
        pool.mentees.iter().map(|m| (m.id, m)).collect(),
    );
    let locks: Vec<(i32, i32)> = locks_of(db, city_id)
        .await?
        .into_iter()
        .filter(|p| {
            let mentor = mentor_ids.get(&p.mentor_id);
            let mentee = mentee_ids.get(&p.mentee_id);
            mentor
                .zip(mentee)
                .is_some_and(|(r, e)| evaluate(&pool.context, r, e).is_ok())
        })
        .map(|p| (p.mentor_id, p.mentee_id))
        .collect();
    let started = Instant::now();
    let proposals = propose(&pool.context, &pool.mentors, &pool.mentees, &locks)
        .map_err(|e| internal("city proposals", &e))?;
    let solve_ms = u32::try_from(started.elapsed().as_millis()).unwrap_or(u32::MAX);
    history::record(
        db,
        Event {
            city_id,
            action: BoardAction::Ran,
            pair: None,
            score: None,
            pairs: Some(proposals.len()),
            duo_id: None,
            by: user.user_id,
        },
    )
    .await?;
    let matched = u32::try_from(proposals.len()).unwrap_or(u32::MAX);
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX).saturating_sub(matched);
    Ok(CityProposals {
        unmatched_mentees: count(pool.mentees.len()),
        unmatched_mentors: count(pool.mentors.len()),
        solve_ms,
        proposals: proposals
            .into_iter()
            .map(|p| ProposedPair {
                mentor: pool.mentor_name(p.mentor_id),
                mentor_id: p.mentor_id,
                mentee: pool.mentee_name(p.mentee_id),
                mentee_id: p.mentee_id,
                locked: p.locked,
                score: p.score,
            })
            .collect(),
    })
}

/// Proposes each pair as its own duo, in order; one that fails (taken meanwhile, now forbidden)
/// does not stop the others, and says why.
pub async fn accept(
    db: &DatabaseConnection,
    user: &SessionUser,
    pairs: Vec<PairIds>,
) -> Result<Vec<Accepted>, AppError> {
    if pairs.is_empty() || pairs.len() > ACCEPT_MAX {
        return Err(AppError::field(
            "pairs",
            if pairs.is_empty() {
                ErrorCode::Required
            } else {
                ErrorCode::TooLong {
                    max: ACCEPT_MAX as u32,
                }
            },
        ));
    }
    let mut seen = HashSet::new();
    let mut outcomes = Vec::with_capacity(pairs.len());
    for pair in pairs {
        if !seen.insert(pair) {
            continue;
        }
        let result = duos_service::propose(
            db,
            user,
            pair.mentor_id,
            pair.mentee_id,
            BoardAction::Accepted,
        )
        .await
        .map(|duo| duo.id);
        outcomes.push(Accepted { pair, result });
    }
    Ok(outcomes)
}

/// Locks, unlocks, bans, unbans or rejects a pair, and records it in the board's history.
pub async fn set_rule(
    db: &DatabaseConnection,
    user: &SessionUser,
    pair: PairIds,
    rule: PairRule,
    today: NaiveDate,
) -> Result<(), AppError> {
    let tx = begin_write(db).await.map_err(db_internal("begin rule"))?;
    let (mentor, mentee) = pair_rows(&tx, user, pair).await?;
    let city_id = mentor.city_id;
    if mentee.city_id != city_id {
        let reasons = vec![crate::domain::matching::score::Reason::OtherCity {
            mentor_city_id: city_id,
            mentee_city_id: mentee.city_id,
        }];
        return Err(AppError::Conflict(ConflictCode::PairForbidden { reasons }));
    }
    let this_lock = Condition::all()
        .add(match_locks::Column::MentorId.eq(pair.mentor_id))
        .add(match_locks::Column::MenteeId.eq(pair.mentee_id));
    let mut score = None;
    match rule {
        PairRule::Lock => {
            let pool = pool::load_pair(&tx, mentor, mentee, today).await?;
            if let (Some(r), Some(e)) = (pool.mentors.first(), pool.mentees.first()) {
                let forbidden = |f: crate::domain::matching::score::Forbidden| {
                    AppError::Conflict(ConflictCode::PairForbidden { reasons: f.reasons })
                };
                score = Some(evaluate(&pool.context, r, e).map_err(forbidden)?.total);
            }
            // A person is in one lock at most: this one replaces theirs.
            match_locks::Entity::delete_many()
                .filter(
                    Condition::any()
                        .add(match_locks::Column::MentorId.eq(pair.mentor_id))
                        .add(match_locks::Column::MenteeId.eq(pair.mentee_id)),
                )
                .exec(&tx)
                .await
                .map_err(db_internal("replace locks"))?;
            match_locks::ActiveModel {
                mentor_id: Set(pair.mentor_id),
                mentee_id: Set(pair.mentee_id),
                city_id: Set(city_id),
                locked_by: Set(Some(user.user_id)),
                created_at: Set(Utc::now()),
            }
            .insert(&tx)
            .await
            .map_err(db_internal("lock pair"))?;
        }
        PairRule::Unlock => {
            match_locks::Entity::delete_many()
                .filter(this_lock)
                .exec(&tx)
                .await
                .map_err(db_internal("unlock pair"))?;
        }
        PairRule::Ban => {
            let known = match_bans::Entity::find_by_id((pair.mentor_id, pair.mentee_id))
                .one(&tx)
                .await
                .map_err(db_internal("load ban"))?;
            if known.is_none() {
                match_bans::ActiveModel {
                    mentor_id: Set(pair.mentor_id),
                    mentee_id: Set(pair.mentee_id),
                    banned_by: Set(Some(user.user_id)),
                    note: Set(None),
                    created_at: Set(Utc::now()),
                }
                .insert(&tx)
                .await
                .map_err(db_internal("ban pair"))?;
            }
            match_locks::Entity::delete_many()
                .filter(this_lock)
                .exec(&tx)
                .await
                .map_err(db_internal("unlock banned pair"))?;
        }
        PairRule::Unban => {
            match_bans::Entity::delete_by_id((pair.mentor_id, pair.mentee_id))
                .exec(&tx)
                .await
                .map_err(db_internal("unban pair"))?;
        }
        PairRule::Reject => {}
    }
    let action = match rule {
        PairRule::Lock => BoardAction::Locked,
        PairRule::Unlock => BoardAction::Unlocked,
        PairRule::Ban => BoardAction::Banned,
        PairRule::Unban => BoardAction::Unbanned,
        PairRule::Reject => BoardAction::Rejected,
    };
    history::record(
        &tx,
        Event {
            score,
            ..Event::pair(
                city_id,
                action,
                pair.mentor_id,
                pair.mentee_id,
                user.user_id,
            )
        },
    )
    .await?;
    tx.commit().await.map_err(db_internal("commit rule"))?;
    Ok(())
}
