//! One person's candidates, best first: the coordinator's "match with…" list.

use serde::{Deserialize, Serialize};

use super::profile::{MenteeProfile, MentorProfile};
use super::rules::Forbidden;
use super::{Context, Score, evaluate};

/// An allowed candidate and the score of the pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    pub id: i32,
    pub score: Score,
}

/// A candidate the hard constraints rule out, with every reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Excluded {
    pub id: i32,
    pub forbidden: Forbidden,
}

/// The list shown next to one person on the board.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ranking {
    /// The best `k` allowed candidates: total descending, then id ascending.
    pub allowed: Vec<Candidate>,
    /// Every forbidden candidate, fewest reasons first (the nearest misses, where lifting one
    /// must or ban would help), then id ascending. Not cut to `k`.
    pub forbidden: Vec<Excluded>,
}

/// Ranks `mentors` for one mentee.
pub fn top_mentors(
    ctx: &Context,
    mentee: &MenteeProfile,
    mentors: &[MentorProfile],
    k: usize,
) -> Ranking {
    let results = mentors.iter().map(|m| (m.id, evaluate(ctx, m, mentee)));
    rank(results, k)
}

/// Ranks `mentees` for one mentor.
pub fn top_mentees(
    ctx: &Context,
    mentor: &MentorProfile,
    mentees: &[MenteeProfile],
    k: usize,
) -> Ranking {
    let results = mentees.iter().map(|m| (m.id, evaluate(ctx, mentor, m)));
    rank(results, k)
}

fn rank<I: Iterator<Item = (i32, Result<Score, Forbidden>)>>(results: I, k: usize) -> Ranking {
    let mut ranking = Ranking::default();
    for (id, result) in results {
        match result {
            Ok(score) => ranking.allowed.push(Candidate { id, score }),
            Err(forbidden) => ranking.forbidden.push(Excluded { id, forbidden }),
        }
    }
    // Stable sorts: candidates sharing an id keep their input order.
    ranking
        .allowed
        .sort_by_key(|c| (std::cmp::Reverse(c.score.total), c.id));
    ranking.allowed.truncate(k);
    ranking
        .forbidden
        .sort_by_key(|e| (e.forbidden.reasons.len(), e.id));
    ranking
}
