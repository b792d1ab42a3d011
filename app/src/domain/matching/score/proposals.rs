//! The best whole-city set of duos: every allowed pair scored, then solved exactly.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::matching::assignment::{self, AssignmentError, GraphError, ScoreGraph};

use super::profile::{MenteeProfile, MentorProfile};
use super::rules::Forbidden;
use super::{Context, Score, allowed_total, evaluate};

/// A duo the solver proposes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    pub mentor_id: i32,
    pub mentee_id: i32,
    /// Kept because the coordinator locked it, not necessarily chosen on merit.
    pub locked: bool,
    pub score: Score,
}

/// Why [`propose`] could not run. Each names the people concerned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProposeError {
    #[error("mentor {mentor_id} is listed twice")]
    DuplicateMentor { mentor_id: i32 },
    #[error("mentee {mentee_id} is listed twice")]
    DuplicateMentee { mentee_id: i32 },
    /// A lock names a mentor who is not in the list, e.g. one who just left the pool.
    #[error("locked mentor {mentor_id} is not among the mentors")]
    UnknownMentor { mentor_id: i32 },
    #[error("locked mentee {mentee_id} is not among the mentees")]
    UnknownMentee { mentee_id: i32 },
    #[error("locked pair (mentor {mentor_id}, mentee {mentee_id}) is forbidden: {forbidden}")]
    LockedPairForbidden {
        mentor_id: i32,
        mentee_id: i32,
        forbidden: Forbidden,
    },
    /// Two locks, as `(mentor_id, mentee_id)`, sharing a person (or one lock given twice).
    #[error("locked pairs {first:?} and {second:?} share a person")]
    ConflictingLocks {
        first: (i32, i32),
        second: (i32, i32),
    },
    /// More people than the solver takes.
    #[error(transparent)]
    Graph(#[from] GraphError),
    /// Not expected: the checks above catch every lock the solver would refuse.
    #[error(transparent)]
    Assignment(#[from] AssignmentError),
}

/// The solver's input: row `r` is `mentees[r]`, column `c` is `mentors[c]`, and each allowed
/// pair scores its total (0..=100). Forbidden pairs, banned ones included, are left out.
pub fn proposal_graph(
    ctx: &Context,
    mentors: &[MentorProfile],
    mentees: &[MenteeProfile],
) -> Result<ScoreGraph, GraphError> {
    let too_large = || GraphError::TooLarge {
        rows: mentees.len() as u64,
        cols: mentors.len() as u64,
    };
    let rows = u32::try_from(mentees.len()).map_err(|_| too_large())?;
    let cols = u32::try_from(mentors.len()).map_err(|_| too_large())?;
    let mut triples = Vec::new();
    for (row, mentee) in (0..rows).zip(mentees) {
        for (col, mentor) in (0..cols).zip(mentors) {
            if let Some(total) = allowed_total(ctx, mentor, mentee) {
                triples.push((row, col, i64::from(total)));
            }
        }
    }
    ScoreGraph::from_triples(rows, cols, triples)
}

/// The matching of maximum total score over the allowed pairs that contains every
/// `(mentor_id, mentee_id)` in `locked`. Banned pairs are forbidden anyway; they are also
/// passed to the solver as bans. People left unmatched are absent from the result.
///
/// Sorted by total descending, then mentee id, then mentor id. Among several best matchings
/// the solver's fixed tie rules pick one, so the same input always gives the same proposals.
pub fn propose(
    ctx: &Context,
    mentors: &[MentorProfile],
    mentees: &[MenteeProfile],
    locked: &[(i32, i32)],
) -> Result<Vec<Proposal>, ProposeError> {
    let mentor_col = index_by_id(mentors.iter().map(|m| m.id))
        .map_err(|mentor_id| ProposeError::DuplicateMentor { mentor_id })?;
    let mentee_row = index_by_id(mentees.iter().map(|m| m.id))
        .map_err(|mentee_id| ProposeError::DuplicateMentee { mentee_id })?;
    // First, as it also refuses more people than positions in `u32`.
    let graph = proposal_graph(ctx, mentors, mentees)?;
    let mut locks = Vec::with_capacity(locked.len());
    for (n, &(mentor_id, mentee_id)) in locked.iter().enumerate() {
        let col = *(mentor_col.get(&mentor_id)).ok_or(ProposeError::UnknownMentor { mentor_id })?;
        let row = *(mentee_row.get(&mentee_id)).ok_or(ProposeError::UnknownMentee { mentee_id })?;
        if let Err(forbidden) = evaluate(ctx, &mentors[col as usize], &mentees[row as usize]) {
            return Err(ProposeError::LockedPairForbidden {
                mentor_id,
                mentee_id,
                forbidden,
            });
        }
        let shares = |&&(m, e): &&(i32, i32)| m == mentor_id || e == mentee_id;
        if let Some(&first) = locked[..n].iter().find(shares) {
            let second = (mentor_id, mentee_id);
            return Err(ProposeError::ConflictingLocks { first, second });
        }
        locks.push((row, col));
    }
    let bans: Vec<(u32, u32)> = ctx
        .bans()
        .filter_map(|(mentor, mentee)| Some((*mentee_row.get(&mentee)?, *mentor_col.get(&mentor)?)))
        .collect();

    let assignment = assignment::solve_with(&graph, &locks, &bans)?;
    let mut proposals: Vec<Proposal> = (assignment.pairs.into_iter())
        .filter_map(|(row, col)| {
            let (mentor, mentee) = (&mentors[col as usize], &mentees[row as usize]);
            // Always `Ok`: the graph holds allowed pairs only.
            let score = evaluate(ctx, mentor, mentee).ok()?;
            Some(Proposal {
                mentor_id: mentor.id,
                mentee_id: mentee.id,
                locked: locks.contains(&(row, col)),
                score,
            })
        })
        .collect();
    proposals.sort_by_key(|p| (std::cmp::Reverse(p.score.total), p.mentee_id, p.mentor_id));
    Ok(proposals)
}

/// Each id's position, or the first id given twice. Used only once `proposal_graph` has
/// accepted the lists, so every position fits in `u32`.
fn index_by_id<I: Iterator<Item = i32>>(ids: I) -> Result<BTreeMap<i32, u32>, i32> {
    let mut index = BTreeMap::new();
    for (position, id) in ids.enumerate() {
        if index.insert(id, position as u32).is_some() {
            return Err(id);
        }
    }
    Ok(index)
}
