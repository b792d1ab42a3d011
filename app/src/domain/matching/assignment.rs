//! Exact maximum-score one-to-one assignment on a sparse bipartite graph.
//!
//! # Problem
//!
//! Given a `rows × cols` matrix of non-negative integer scores in which some
//! pairs are forbidden, [`solve`] returns a matching — each row and each
//! column used at most once, allowed pairs only — of maximum total score.
//! The matching need not be perfect: rows and columns may stay unmatched,
//! which is worth 0. [`solve_with`] also forces *locked* pairs into the
//! result and keeps *banned* pairs out of it, solving the rest optimally.
//!
//! Among the matchings of maximum total score, the one returned has the most
//! pairs: nobody is left unmatched when matching them costs no score (for
//! instance through an allowed pair of score 0).
//!
//! # Algorithm
//!
//! Jonker–Volgenant (JV) style shortest augmenting paths with column prices
//! `p` as the dual variables, on compressed sparse rows. The non-perfect
//! problem becomes an assignment problem once every row gets a private extra
//! column worth 0 that means "stay unmatched"; it never needs storing, since
//! only its row can reach it. Two routes, both exact:
//!
//! 1. *Perfect-matching fast path* (square graphs): JV's column reduction
//!    (each column priced at its best score), reduction transfer, two
//!    passes of augmenting row reduction (an auction without epsilon: a free
//!    row takes its best column and raises its price to its margin over the
//!    second best, evicting the owner), then one Dijkstra search per
//!    remaining free row, ending at the first free column reached, followed
//!    by a price update and an augmentation. This yields a maximum-score
//!    *perfect* matching with prices; it is returned only if the prices, after
//!    a uniform shift, also prove it optimal among *all* matchings
//!    (`min u + min p >= 0`, see `solver.rs`), which is the usual case when
//!    every row and column has decent scores.
//! 2. *General path* (otherwise): the same auction passes and searches, with
//!    free columns kept at price 0 so that every intermediate matching is
//!    optimal for the rows placed so far, and with each row's "unmatched"
//!    option as an extra end of the search: a row may end up unmatched, or be
//!    pushed out by a better use of its column.
//!
//! Both keep the linear-programming optimality conditions (dual feasibility
//! and complementary slackness), so the result is optimal — exact, not a
//! heuristic — and the final prices are a certificate, which the tests
//! check. On the general path a real column is preferred to an "unmatched"
//! option at equal distance: that is the shortest-path rule for the
//! lexicographic cost (score, unmatched rows), hence the maximum cardinality.
//!
//! *Cores.* When rows are long (on average at least 64 pairs), the fast path
//! works on a *core* instead of the whole graph: the 16 best pairs of each
//! row by value `w - p[j]` (and those tied with the last), picked in the same
//! pass as the column reduction; a core swollen by heavy ties is given up at
//! once. The auction and the searches run on the core; then every row is
//! checked against its other pairs, and a row that one of them would improve
//! gets them added to its core and is placed again, until no pair does.
//! Prices only rise, so a row whose value stayed above a bound noted at
//! selection passes that check without reading its pairs again. The result
//! is as exact as on the whole graph (the final prices are feasible for every
//! pair); the core only decides how much is scanned, and on random-like
//! inputs the searches follow the same course over a small fraction of the
//! pairs. Should a row reach no free column within its core, the remaining
//! rows are placed by searches on the whole graph.
//!
//! Searches use a radix heap (keys never fall below the last one taken out,
//! as in Dijkstra's algorithm) in the sparse layout and for cores, and JV's
//! heap-free level-by-level scan over flat arrays when every pair is allowed.
//! Sparse scores that fit are scanned as `i32` (a temporary copy) when the
//! whole graph is searched.
//!
//! Cost: the reductions are `O(E)` with `E` the number of allowed pairs; each
//! augmentation is at worst `O(E log C)` (sparse) or `O(R · C)` (dense) for
//! `R` rows and `C` columns, so `O(R · E log C)` in the worst case, far less
//! in practice: most rows are placed by the reductions and searches stop at
//! the first free column, and with a core `E` is mostly the core's size. A
//! failed fast path at most doubles the time. Memory is the graph plus
//! `O(R + C)` (plus the `i32` copy, or the core). Ties (coarse scores) do
//! not slow the solver down: the search needs no strictly positive reduced
//! costs, and a free column at the current distance ends it at once.
//!
//! # Determinism and ties
//!
//! The solver uses no randomness, hashing or threads: the same graph always
//! gives the same result, however it was built. Ties are broken by fixed
//! rules: rows are taken in increasing index, a row bids for the lowest
//! column index among equally good ones, a column goes to the lowest row
//! index among its equally good rows, and searches take columns in
//! (distance, index) order. Which of several optimal matchings is returned is
//! thus fixed by the input, but it is not promised to be, say, the
//! lexicographically smallest one.
//!
//! # Limits
//!
//! Rows and columns up to [`MAX_DIMENSION`]; scores from 0 up to
//! [`ScoreGraph::score_limit`] (`i64::MAX / min(rows, cols)`), so totals and
//! intermediate values never overflow.

mod graph;
mod solver;
mod text;

#[cfg(test)]
mod tests;

use std::fmt;

pub use graph::{GraphError, MAX_DIMENSION, ScoreGraph};
pub use text::{MatrixTextError, parse_matrix_text, write_assignment_text};

/// A matching and its total score.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Assignment {
    /// Sum of the scores of `pairs`.
    pub total: i64,
    /// Matched `(row, col)` pairs, sorted by row.
    pub pairs: Vec<(u32, u32)>,
}

/// Why locked or banned pairs were refused by [`solve_with`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssignmentError {
    /// A locked or banned pair outside the matrix.
    PairOutOfRange { row: u32, col: u32 },
    /// A locked pair that the graph forbids.
    LockedPairForbidden { row: u32, col: u32 },
    /// A locked pair that is also banned.
    LockedPairBanned { row: u32, col: u32 },
    /// Two locked pairs sharing a row or a column (or given twice).
    ConflictingLocks {
        first: (u32, u32),
        second: (u32, u32),
    },
}

impl fmt::Display for AssignmentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::PairOutOfRange { row, col } => {
                write!(f, "pair ({row}, {col}) lies outside the score matrix")
            }
            Self::LockedPairForbidden { row, col } => {
                write!(f, "locked pair ({row}, {col}) is a forbidden pair")
            }
            Self::LockedPairBanned { row, col } => {
                write!(f, "pair ({row}, {col}) is both locked and banned")
            }
            Self::ConflictingLocks { first, second } => write!(
                f,
                "locked pairs ({}, {}) and ({}, {}) share a row or a column",
                first.0, first.1, second.0, second.1
            ),
        }
    }
}

impl std::error::Error for AssignmentError {}

/// Returns a maximum-score matching of `graph` (see the module docs).
pub fn solve(graph: &ScoreGraph) -> Assignment {
    let solution = solver::solve_graph(graph);
    let (pairs, total) = solution.pairs(graph.cols());
    Assignment { total, pairs }
}

/// Like [`solve`], with every `locked` pair in the result and no `banned`
/// pair: the best matching among those that contain the locks.
///
/// Locked pairs must be allowed, inside the matrix, not banned, and share no
/// row or column. Banned pairs must be inside the matrix; banning a pair the
/// graph forbids anyway is allowed.
pub fn solve_with(
    graph: &ScoreGraph,
    locked: &[(u32, u32)],
    banned: &[(u32, u32)],
) -> Result<Assignment, AssignmentError> {
    let (rows, cols) = (graph.rows(), graph.cols());
    let in_range = |&(row, col): &(u32, u32)| {
        if row < rows && col < cols {
            Ok(())
        } else {
            Err(AssignmentError::PairOutOfRange { row, col })
        }
    };
    let mut row_lock = vec![u32::MAX; rows as usize];
    let mut col_lock = vec![u32::MAX; cols as usize];
    let mut locked_total = 0;
    for (index, &(row, col)) in locked.iter().enumerate() {
        in_range(&(row, col))?;
        let Some(score) = graph.score(row, col) else {
            return Err(AssignmentError::LockedPairForbidden { row, col });
        };
        for earlier in [row_lock[row as usize], col_lock[col as usize]] {
            if earlier != u32::MAX {
                return Err(AssignmentError::ConflictingLocks {
                    first: locked[earlier as usize],
                    second: (row, col),
                });
            }
        }
        row_lock[row as usize] = index as u32;
        col_lock[col as usize] = index as u32;
        locked_total += score;
    }
    let mut banned: Vec<(u32, u32)> = banned.to_vec();
    for pair in &banned {
        in_range(pair)?;
        let lock = row_lock[pair.0 as usize];
        if lock != u32::MAX && locked[lock as usize] == *pair {
            return Err(AssignmentError::LockedPairBanned {
                row: pair.0,
                col: pair.1,
            });
        }
    }
    if locked.is_empty() && banned.is_empty() {
        return Ok(solve(graph));
    }
    banned.sort_unstable();

    // The same matrix without the locked rows and columns and the banned pairs.
    let mut row_start = Vec::with_capacity(rows as usize + 1);
    row_start.push(0);
    let mut col_index = Vec::new();
    let mut scores = Vec::new();
    let mut max_score = 0;
    let mut next_ban = 0;
    for row in 0..rows {
        let row_bans_start = next_ban;
        while next_ban < banned.len() && banned[next_ban].0 == row {
            next_ban += 1;
        }
        let row_bans = &banned[row_bans_start..next_ban];
        if row_lock[row as usize] == u32::MAX {
            let mut ban = row_bans.iter().map(|&(_, col)| col).peekable();
            for (col, score) in graph.row(row) {
                while ban.next_if(|&b| b < col).is_some() {}
                if ban.next_if_eq(&col).is_some() || col_lock[col as usize] != u32::MAX {
                    continue;
                }
                col_index.push(col);
                scores.push(score);
                max_score = max_score.max(score);
            }
        }
        row_start.push(scores.len());
    }
    let rest = ScoreGraph::from_parts(rows, cols, row_start, col_index, scores, max_score);
    let solution = solve(&rest);
    let mut pairs = solution.pairs;
    pairs.extend_from_slice(locked);
    pairs.sort_unstable();
    Ok(Assignment {
        total: solution.total + locked_total,
        pairs,
    })
}
