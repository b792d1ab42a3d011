//! The solver: auction-style reduction, then shortest augmenting paths.
//!
//! Everything here works in the *maximisation* form of linear-programming
//! duality. Each column `j` has a price `p[j] >= 0`; the value of row `i` on
//! column `j` is `w[i][j] - p[j]`, and a row's value `u[i]` is the value of
//! its assigned column (0 when it stays unmatched). The invariants are:
//!
//! 1. feasibility: `u[i] >= w[i][j] - p[j]` for every allowed pair, and
//!    `u[i] >= 0` (the row's private "stay unmatched" option is worth 0);
//! 2. complementary slackness: an assigned pair has `u[i] = w[i][j] - p[j]`;
//!    a free column has `p[j] = 0`; a row left unmatched has `u[i] = 0`.
//!
//! Any matching with such prices is a maximum-score matching (the dual sum
//! `Σ u + Σ p` then equals the total, and bounds every matching's total).
//!
//! Each row also owns an implicit private column, worth 0, that stands for
//! "stay unmatched". Only that row can reach it, so a row sent there is never
//! part of a later augmenting path and stays unmatched: it need not be stored.
//!
//! The perfect-matching fast path (`run_perfect`) drops the conditions on
//! free columns and on signs while it runs: for a matching in which every row
//! and column is matched, feasibility and tightness alone make it a
//! maximum-score perfect matching (Jonker–Volgenant's argument). It is kept
//! only if some uniform shift `u - t`, `p + t` makes every value `>= 0`
//! (`min u + min p >= 0`): then the conditions above hold, and no partial
//! matching scores more.
//!
//! When rows are long, the fast path searches a *core* (`Core`): a few of
//! the best pairs of each row. Feasibility is then kept on the core only, and
//! checked against the rest of the graph before the result is accepted
//! (`solve_on_core`): the pairs that would break it join the core and their
//! rows are placed again. Prices only ever rise on the fast path, which lets
//! most rows pass that check without reading their pairs again.

use super::graph::ScoreGraph;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// No row or column.
const NONE: u32 = u32::MAX;
/// `row_col` of a row placed on its private "stay unmatched" column.
const UNMATCHED: u32 = u32::MAX - 1;

/// Number of auction-style passes over the free rows (as in Jonker–Volgenant).
const REDUCTION_PASSES: usize = 2;

/// The solver's result: each row's column (`>= cols` when unmatched), the
/// score of that pair, and the final column prices (an optimality certificate).
pub(super) struct Solution {
    pub row_col: Vec<u32>,
    pub row_score: Vec<i64>,
    /// Read by the tests' certificate check.
    #[cfg_attr(not(test), allow(dead_code))]
    pub price: Vec<i64>,
}

impl Solution {
    /// The matched pairs, sorted by row, and their total score.
    pub(super) fn pairs(&self, cols: u32) -> (Vec<(u32, u32)>, i64) {
        let mut total = 0;
        let mut pairs = Vec::new();
        for (row, (&col, &score)) in self.row_col.iter().zip(&self.row_score).enumerate() {
            if col < cols {
                pairs.push((row as u32, col));
                total += score;
            }
        }
        (pairs, total)
    }
}

/// How a row's columns are found: an index list, or every column.
trait ColIndex: Copy {
    fn at(self, k: usize) -> usize;
}

impl ColIndex for &[u32] {
    #[inline(always)]
    fn at(self, k: usize) -> usize {
        self[k] as usize
    }
}

#[derive(Clone, Copy)]
struct Identity;

impl ColIndex for Identity {
    #[inline(always)]
    fn at(self, k: usize) -> usize {
        k
    }
}

/// A stored score: `i64`, or `i32` in a narrowed copy of a sparse graph.
trait Score: Copy + Into<i64> {}
impl Score for i32 {}
impl Score for i64 {}

/// Row access, monomorphised for the sparse and the dense layout.
trait Layout {
    /// Every row holds every column, in order (the dense layout).
    const DENSE: bool;
    type Cols<'a>: ColIndex
    where
        Self: 'a;
    type Score: Score;
    fn row(&self, i: usize) -> (Self::Cols<'_>, &[Self::Score]);
    /// The score of an allowed pair.
    fn score(&self, i: usize, j: usize) -> i64;
}

struct Sparse<'g, S> {
    start: &'g [usize],
    cols: &'g [u32],
    scores: &'g [S],
}

impl<S: Score> Layout for Sparse<'_, S> {
    const DENSE: bool = false;
    type Cols<'a>
        = &'a [u32]
    where
        Self: 'a;
    type Score = S;

    #[inline(always)]
    fn row(&self, i: usize) -> (&[u32], &[S]) {
        let range = self.start[i]..self.start[i + 1];
        (&self.cols[range.clone()], &self.scores[range])
    }

    fn score(&self, i: usize, j: usize) -> i64 {
        let (cols, scores) = self.row(i);
        let k = cols
            .binary_search(&(j as u32))
            .expect("augmenting paths use allowed pairs only");
        scores[k].into()
    }
}

struct Dense<'g, S> {
    cols: usize,
    scores: &'g [S],
}

impl<S: Score> Layout for Dense<'_, S> {
    const DENSE: bool = true;
    type Cols<'a>
        = Identity
    where
        Self: 'a;
    type Score = S;

    #[inline(always)]
    fn row(&self, i: usize) -> (Identity, &[S]) {
        (Identity, &self.scores[i * self.cols..(i + 1) * self.cols])
    }

    fn score(&self, i: usize, j: usize) -> i64 {
        self.scores[i * self.cols + j].into()
    }
}

/// Solves the maximum-score matching problem on `graph`.
pub(super) fn solve_graph(graph: &ScoreGraph) -> Solution {
    solve_graph_with_core(graph, CORE_RULE)
}

/// [`solve_graph`] with another rule for the core of the perfect-matching
/// fast path. The tests use tiny cores to exercise it on small graphs.
pub(super) fn solve_graph_with_core(graph: &ScoreGraph, core: CoreRule) -> Solution {
    let rows = graph.rows() as usize;
    let cols = graph.cols() as usize;
    let max_score = graph.max_score();
    if graph.is_complete() {
        let layout = Dense {
            cols,
            scores: graph.scores(),
        };
        return solve_layout(&layout, rows, cols, max_score, core);
    }
    let (start, col_index) = (graph.row_start(), graph.col_index());
    let core_likely = rows == cols && core.pays(graph.allowed_pairs(), rows);
    if max_score <= i64::from(i32::MAX) && !core_likely {
        // Sparse rows are scanned over and over, straight from memory: with
        // 4-byte scores a search moves a third less data. (In the dense
        // layout the copy costs more than it saves, and so it does when the
        // searches run on a core and the whole graph is read only twice.)
        let scores: Vec<i32> = graph.scores().iter().map(|&w| w as i32).collect();
        let layout = Sparse {
            start,
            cols: col_index,
            scores: &scores[..],
        };
        solve_layout(&layout, rows, cols, max_score, core)
    } else {
        let layout = Sparse {
            start,
            cols: col_index,
            scores: graph.scores(),
        };
        solve_layout(&layout, rows, cols, max_score, core)
    }
}

/// Prices above this abandon the perfect-matching attempt (overflow guard).
const PRICE_LIMIT: i64 = i64::MAX / 4;

fn solve_layout<L: Layout>(
    layout: &L,
    rows: usize,
    cols: usize,
    max_score: i64,
    core: CoreRule,
) -> Solution {
    let small_scores = (rows as i64)
        .checked_add(4)
        .and_then(|n| n.checked_mul(16))
        .and_then(|n| n.checked_mul(max_score.max(1)))
        .is_some();
    if rows == cols
        && rows > 0
        && small_scores
        && let Some(solution) = Solver::new(layout, rows, cols).run_perfect(core)
    {
        return solution;
    }
    Solver::new(layout, rows, cols).run()
}

struct Solver<'l, L: Layout> {
    layout: &'l L,
    rows: usize,
    /// Column of each row: a column index, `NONE` (free) or `UNMATCHED`.
    row_col: Vec<u32>,
    /// Score of each row's assigned pair (0 when not assigned).
    row_score: Vec<i64>,
    /// Row owning each column, or `NONE`.
    owner: Vec<u32>,
    /// Column prices (the column duals).
    price: Vec<i64>,
    // Shortest-path work space, reset after each search.
    /// Tentative distance of each column; `i64::MAX` when not reached.
    dist: Vec<i64>,
    pred: Vec<u32>,
    touched: Vec<u32>,
    scanned: Vec<u32>,
    /// Reached, not yet scanned, taken columns (free ones are never queued).
    heap: RadixQueue,
}

/// How a search for an augmenting path ended.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Search {
    /// The row was placed (possibly on its "unmatched" option).
    Placed,
    /// Perfect mode: no free column can be reached from the row.
    NoFreeColumn,
    /// Perfect mode: a price passed `PRICE_LIMIT`; the solver must be abandoned.
    PriceOverflow,
}

/// Where a shortest augmenting path ends.
enum Terminal {
    /// A free real column.
    Column(usize),
    /// The private "stay unmatched" column of this row.
    Unmatched(usize),
}

impl<'l, L: Layout> Solver<'l, L> {
    fn new(layout: &'l L, rows: usize, cols: usize) -> Self {
        Self {
            layout,
            rows,
            row_col: vec![NONE; rows],
            row_score: vec![0; rows],
            owner: vec![NONE; cols],
            price: vec![0; cols],
            dist: vec![i64::MAX; cols],
            pred: vec![NONE; cols],
            touched: Vec::new(),
            scanned: Vec::new(),
            heap: RadixQueue::new(),
        }
    }

    fn into_solution(self) -> Solution {
        Solution {
            row_col: self.row_col,
            row_score: self.row_score,
            price: self.price,
        }
    }

    /// The general exact algorithm: every intermediate matching is optimal
    /// for the rows placed so far, free columns stay at price 0.
    fn run(mut self) -> Solution {
        let mut free = Vec::with_capacity(self.rows);
        for i in 0..self.rows {
            if self.layout.row(i).1.is_empty() {
                self.row_col[i] = UNMATCHED;
            } else {
                free.push(i as u32);
            }
        }
        let pending = self.auction(free, false).unwrap_or_default();
        for row in pending {
            self.augment::<false>(row as usize);
        }
        self.into_solution()
    }

    /// The Jonker–Volgenant fast path for square graphs: a maximum-score
    /// *perfect* matching, with column reduction, reduction transfer, the
    /// auction passes and shortest augmenting paths in which free columns may
    /// carry any price (valid because every column ends up matched).
    ///
    /// Its result is kept only when the prices prove it optimal among *all*
    /// matchings: after a uniform shift `u - t`, `p + t`, every row and column
    /// value must be `>= 0`, i.e. `min u + min p >= 0`. Returns `None` when no
    /// perfect matching exists, when that proof fails, or on the price guard.
    fn run_perfect(mut self, core: CoreRule) -> Option<Solution> {
        match Core::select(self.layout, self.rows, &mut self.price, core) {
            Some((core, best_row)) => self = self.solve_on_core(core, &best_row)?,
            None => {
                let best_row = self.column_maxima();
                let free = self.transfer_reductions(&best_row)?;
                let pending = self.auction(free, true)?;
                for &row in &pending {
                    if self.augment::<true>(row as usize) != Search::Placed {
                        return None;
                    }
                }
            }
        }
        let min_price = self.price.iter().copied().min()?;
        let min_value = (0..self.rows)
            .map(|i| self.row_score[i] - self.price[self.row_col[i] as usize])
            .min()?;
        if min_value + min_price < 0 {
            return None;
        }
        for p in &mut self.price {
            *p -= min_price;
        }
        Some(self.into_solution())
    }

    /// The same state over another layout of the same matrix (or a subgraph).
    fn with_layout<'m, M: Layout>(self, layout: &'m M) -> Solver<'m, M> {
        Solver {
            layout,
            rows: self.rows,
            row_col: self.row_col,
            row_score: self.row_score,
            owner: self.owner,
            price: self.price,
            dist: self.dist,
            pred: self.pred,
            touched: self.touched,
            scanned: self.scanned,
            heap: self.heap,
        }
    }

    /// Perfect mode, after column reduction: the auction passes and the
    /// searches run on a *core* of `graph`, a few of the best pairs of each
    /// row (see [`Core`]), which is far cheaper when rows are long. Then every
    /// assigned row is checked against its pairs outside the core: one that
    /// some pair would improve (`w - p[j] > u[i]`) gets those pairs added to
    /// the core and is placed again, and the rounds repeat until none does.
    /// The prices are then feasible for the whole graph, so the result is
    /// exact: the core only decides how much is scanned.
    ///
    /// If a row cannot reach a free column in the core, the rows still
    /// unplaced are placed by searches on the whole graph, after a check that
    /// makes every assigned row feasible for it. `None` on the price guard or
    /// when no perfect matching exists.
    fn solve_on_core(self, mut core: Core<L::Score>, best_row: &[u32]) -> Option<Self> {
        let graph = self.layout;
        let mut solver = self;
        let mut pending = {
            let core_layout = core.layout();
            let mut on_core = solver.with_layout(&core_layout);
            let free = on_core.transfer_reductions(best_row)?;
            let pending = on_core.auction(free, true)?;
            solver = on_core.with_layout(graph);
            // Rows ranked at immature prices (the first ones) may miss
            // pairs: fix them now rather than after the searches.
            let mut pending = pending;
            pending.extend(solver.release_violations(&mut core));
            pending.sort_unstable();
            pending
        };
        loop {
            let core_layout = core.layout();
            let mut on_core = solver.with_layout(&core_layout);
            let unplaced = on_core.augment_until_stuck(&pending)?.to_vec();
            solver = on_core.with_layout(graph);
            pending = solver.release_violations(&mut core);
            if !unplaced.is_empty() {
                pending.extend(unplaced);
                pending.sort_unstable();
                break;
            }
            if pending.is_empty() {
                return Some(solver);
            }
        }
        for &row in &pending {
            if solver.augment::<true>(row as usize) != Search::Placed {
                return None;
            }
        }
        Some(solver)
    }

    /// Perfect mode: places the rows of `pending` in order until one cannot
    /// reach a free column; returns that row and the rest (empty when all
    /// were placed), or `None` on the price guard.
    fn augment_until_stuck<'p>(&mut self, pending: &'p [u32]) -> Option<&'p [u32]> {
        for (k, &row) in pending.iter().enumerate() {
            match self.augment::<true>(row as usize) {
                Search::Placed => {}
                Search::NoFreeColumn => return Some(&pending[k..]),
                Search::PriceOverflow => return None,
            }
        }
        Some(&[])
    }

    /// Checks every assigned row against its pairs outside `core`. A row
    /// with a pair better than its value (`w - p[j] > u[i]`) is freed and
    /// those pairs are added to the core. Returns the freed rows.
    ///
    /// Only rows whose value is below their `outside_below` bound are read
    /// in the whole graph; their bound is then lowered to just above their
    /// best pair left outside.
    fn release_violations(&mut self, core: &mut Core<L::Score>) -> Vec<u32> {
        let layout = self.layout;
        let mut added = Vec::new();
        let mut freed = Vec::new();
        for i in 0..self.rows {
            let col = self.row_col[i];
            if col == NONE {
                continue;
            }
            let value = self.row_score[i] - self.price[col as usize];
            if value >= core.outside_below[i] {
                continue;
            }
            let (cols, scores) = layout.row(i);
            let in_core = core.row_cols(i);
            let mut next_in_core = 0;
            let mut best_outside = i64::MIN;
            let before = added.len();
            for (k, &w) in scores.iter().enumerate() {
                let j = cols.at(k);
                let v = w.into() - self.price[j];
                if v > value {
                    added.push((i as u32, j as u32, w));
                    continue;
                }
                while next_in_core < in_core.len() && (in_core[next_in_core] as usize) < j {
                    next_in_core += 1;
                }
                if in_core.get(next_in_core).is_none_or(|&c| c as usize != j) {
                    best_outside = best_outside.max(v);
                }
            }
            core.outside_below[i] = best_outside.saturating_add(1);
            if added.len() > before {
                self.row_col[i] = NONE;
                self.row_score[i] = 0;
                self.owner[col as usize] = NONE;
                freed.push(i as u32);
            }
        }
        core.add(&added);
        freed
    }

    #[inline]
    fn assign(&mut self, i: usize, j: usize, score: i64) {
        self.row_col[i] = j as u32;
        self.row_score[i] = score;
        self.owner[j] = i as u32;
    }

    /// The first half of JV's column reduction: each column is priced at
    /// its best score. Returns each column's best row (the lowest index on
    /// ties), `NONE` for a column without pairs.
    fn column_maxima(&mut self) -> Vec<u32> {
        let layout = self.layout;
        let mut best_row = vec![NONE; self.price.len()];
        self.price.fill(i64::MIN);
        for i in 0..self.rows {
            let (idx, scores) = layout.row(i);
            for (k, &w) in scores.iter().enumerate() {
                raise_column_max(&mut self.price, &mut best_row, idx.at(k), i, w.into());
            }
        }
        best_row
    }

    /// The second half of JV's column reduction, and reduction transfer,
    /// with the prices at the column maxima: each column goes to its best
    /// row if that row has no column yet; a row that got exactly one column
    /// then raises that column's price to leave itself indifferent to its
    /// second option. Returns the rows left free, or `None` when a row or a
    /// column has no allowed pair (no perfect matching).
    fn transfer_reductions(&mut self, best_row: &[u32]) -> Option<Vec<u32>> {
        let layout = self.layout;
        if (0..self.rows).any(|i| layout.row(i).1.is_empty()) {
            return None;
        }
        let mut won = vec![0u32; self.rows];
        for (j, &i) in best_row.iter().enumerate() {
            if i == NONE {
                return None;
            }
            let i = i as usize;
            won[i] += 1;
            if self.row_col[i] == NONE {
                self.assign(i, j, self.price[j]);
            }
        }
        let mut free = Vec::new();
        for (i, &won) in won.iter().enumerate() {
            if won == 0 {
                free.push(i as u32);
            } else if won == 1 {
                let j1 = self.row_col[i] as usize;
                let (idx, scores) = layout.row(i);
                let mut margin = i64::MAX;
                for (k, &w) in scores.iter().enumerate() {
                    let j = idx.at(k);
                    if j != j1 {
                        margin = margin.min(self.price[j] - w.into());
                    }
                }
                if margin != i64::MAX {
                    self.price[j1] += margin;
                }
            }
        }
        Some(free)
    }

    /// Jonker–Volgenant's augmenting row reduction, an auction without
    /// epsilon: a free row bids for its best column, raising that column's
    /// price to leave the row indifferent to its second-best option and
    /// evicting the previous owner. Prices only rise and columns, once taken,
    /// stay taken, so the invariants hold throughout and the phase can stop at
    /// any point. Returns the rows still free.
    ///
    /// In the general mode a row's private "unmatched" option counts as a
    /// second option worth 0, and a row whose best column is worth no more
    /// than that is left to the exact phase. In the perfect mode rows have no
    /// such option; `None` reports the price guard.
    fn auction(&mut self, mut free: Vec<u32>, perfect: bool) -> Option<Vec<u32>> {
        let layout = self.layout;
        let mut pending = Vec::new();
        // Bound the work (entries scanned) so that price wars cannot drag on;
        // whatever is left is solved exactly by `augment`.
        let mut budget: u64 = self.rows as u64;
        for i in 0..self.rows {
            budget += 4 * layout.row(i).1.len() as u64;
        }

        for _ in 0..REDUCTION_PASSES {
            if free.is_empty() {
                break;
            }
            let mut next = Vec::new();
            for &start in &free {
                let mut i = start as usize;
                loop {
                    let (cols, scores) = layout.row(i);
                    if budget < scores.len() as u64 {
                        next.push(i as u32);
                        break;
                    }
                    budget -= scores.len() as u64;
                    let (price, owner) = (&self.price, &self.owner);
                    let (mut a1, mut j1, mut a2, mut j2) =
                        (i64::MIN, usize::MAX, i64::MIN, usize::MAX);
                    // The first free column among the best ones, if any.
                    let mut free_best = usize::MAX;
                    for (k, &w) in scores.iter().enumerate() {
                        let j = cols.at(k);
                        let a = w.into() - price[j];
                        if a > a1 {
                            (a2, j2) = (a1, j1);
                            (a1, j1) = (a, j);
                            free_best = usize::MAX;
                        } else if a > a2 {
                            (a2, j2) = (a, j);
                        }
                        if a == a1 && free_best == usize::MAX && owner[j] == NONE {
                            free_best = j;
                        }
                    }
                    if !perfect {
                        if a1 <= 0 {
                            // Staying unmatched is as good as any column now.
                            pending.push(i as u32);
                            break;
                        }
                        a2 = a2.max(0);
                    } else if j2 == usize::MAX {
                        // A single allowed column: take it only if free.
                        if self.owner[j1] == NONE {
                            self.assign(i, j1, a1 + self.price[j1]);
                        } else {
                            pending.push(i as u32);
                        }
                        break;
                    }
                    if a1 > a2 {
                        let w = a1 + self.price[j1];
                        self.price[j1] += a1 - a2;
                        if self.price[j1] > PRICE_LIMIT {
                            return None;
                        }
                        let prev = self.owner[j1];
                        self.assign(i, j1, w);
                        if prev == NONE {
                            break;
                        }
                        // The evicted row bids at once (its price just rose).
                        self.row_col[prev as usize] = NONE;
                        i = prev as usize;
                    } else {
                        // A tie between real columns (a1 == a2): take the
                        // first free one among the best, else the second,
                        // without raising a price; an evicted row waits for
                        // the next pass.
                        let j = if free_best != usize::MAX {
                            free_best
                        } else {
                            j2
                        };
                        let w = a1 + self.price[j];
                        let prev = self.owner[j];
                        self.assign(i, j, w);
                        if prev != NONE {
                            self.row_col[prev as usize] = NONE;
                            next.push(prev);
                        }
                        break;
                    }
                }
            }
            free = next;
        }
        pending.extend(free);
        Some(pending)
    }

    /// Assigns the free row `f` by one shortest augmenting path (Dijkstra on
    /// reduced costs `u[i] - (w[i][j] - p[j]) >= 0`), then updates prices so
    /// that the invariants hold again.
    ///
    /// Taken columns wait in a radix heap ordered by (distance, index); free
    /// columns are never queued, only the closest one (lowest index on ties)
    /// is remembered. The search ends when that free column is no farther than
    /// every queued column — or, in the general mode, at a row's private
    /// "unmatched" option when that is strictly closer than everything else:
    /// at equal distance a real column wins, which keeps the matching of
    /// maximum cardinality among those of maximum score.
    ///
    /// In perfect mode the search may fail: no free column can be reached
    /// (the matching and prices are then unchanged), or a price passed the
    /// guard (the solver must then be abandoned).
    fn augment<const PERFECT: bool>(&mut self, f: usize) -> Search {
        if L::DENSE {
            return self.augment_dense::<PERFECT>(f);
        }
        // Distances are relative to f's value 0: the pair (f, j) is at
        // distance p[j] - w[f][j], and f's own unmatched option at 0.
        let mut unmatched_dist = if PERFECT { i64::MAX } else { 0 };
        let mut unmatched_row = f;
        let mut free = (i64::MAX, usize::MAX);
        self.relax(f, 0, &mut free);
        let found = loop {
            // The closest queued column, once stale entries are dropped.
            let top = loop {
                match self.heap.peek() {
                    Some((d, j)) if d != self.dist[j] => self.heap.discard(),
                    Some((d, _)) => break d,
                    None => break i64::MAX,
                }
            };
            if free.1 != usize::MAX && free.0 <= top && free.0 <= unmatched_dist {
                break Some((Terminal::Column(free.1), free.0));
            }
            if unmatched_dist < top && unmatched_dist < free.0 {
                break Some((Terminal::Unmatched(unmatched_row), unmatched_dist));
            }
            let Some((d, j)) = self.heap.pop() else {
                break None; // perfect mode: no free column reachable
            };
            self.scanned.push(j as u32);
            let i = self.owner[j] as usize;
            let base = d + self.row_score[i] - self.price[j];
            if !PERFECT && base < unmatched_dist {
                unmatched_dist = base;
                unmatched_row = i;
            }
            self.relax(i, base, &mut free);
        };
        let outcome = match found {
            None => Search::NoFreeColumn,
            Some((terminal, end)) => {
                if self.raise_scanned_prices::<PERFECT>(end) {
                    self.flip_path(f, terminal);
                    Search::Placed
                } else {
                    Search::PriceOverflow
                }
            }
        };
        // Reset the work space for the next search.
        for &j in &self.touched {
            self.dist[j as usize] = i64::MAX;
        }
        self.touched.clear();
        self.scanned.clear();
        self.heap.clear();
        outcome
    }

    /// Raises the price of each scanned column by `end` minus its distance,
    /// which keeps every reduced cost `>= 0` and makes the path tight.
    /// False (perfect mode) when a price passes `PRICE_LIMIT`.
    fn raise_scanned_prices<const PERFECT: bool>(&mut self, end: i64) -> bool {
        for &j in &self.scanned {
            let j = j as usize;
            self.price[j] += end - self.dist[j];
            if PERFECT && self.price[j] > PRICE_LIMIT {
                return false;
            }
        }
        true
    }

    /// Moves every row on the path to its new column (see `augment`).
    fn flip_path(&mut self, f: usize, terminal: Terminal) {
        let mut j = match terminal {
            Terminal::Column(j) => j,
            Terminal::Unmatched(r) => {
                let old = self.row_col[r];
                self.row_col[r] = UNMATCHED;
                self.row_score[r] = 0;
                if r == f { usize::MAX } else { old as usize }
            }
        };
        while j != usize::MAX {
            let i = self.pred[j] as usize;
            let prev = self.row_col[i];
            let score = self.layout.score(i, j);
            self.assign(i, j, score);
            j = if i == f { usize::MAX } else { prev as usize };
        }
    }

    /// `augment` for the dense layout, as in Jonker–Volgenant's dense code:
    /// distances of all columns in a flat array, no heap. Columns are
    /// finalised level by level: the next level is every column at the
    /// smallest distance above the previous one, found by a linear pass;
    /// scanning a level's rows adds the columns they reach at that same
    /// distance. A free column at the level's distance ends the search
    /// (the lowest index when the level is formed, else the first reached).
    fn augment_dense<const PERFECT: bool>(&mut self, f: usize) -> Search {
        let cols = self.price.len();
        let mut unmatched_dist = if PERFECT { i64::MAX } else { 0 };
        let mut unmatched_row = f;
        {
            let (_, scores) = self.layout.row(f);
            let scores = &scores[..cols];
            let price = &self.price[..cols];
            let dist = &mut self.dist[..cols];
            for j in 0..cols {
                dist[j] = price[j] - scores[j].into();
            }
            self.pred[..cols].fill(f as u32);
        }
        let mut level: Vec<u32> = std::mem::take(&mut self.touched);
        let mut previous = i64::MIN;
        let (terminal, end) = 'search: loop {
            // The next level: all columns at the smallest distance above `previous`.
            let dist = &self.dist[..cols];
            let mut best = i64::MAX;
            for &d in dist {
                if d > previous && d < best {
                    best = d;
                }
            }
            if best == i64::MAX {
                if PERFECT {
                    self.touched = level;
                    self.scanned.clear();
                    return Search::NoFreeColumn;
                }
                break (Terminal::Unmatched(unmatched_row), unmatched_dist);
            }
            if unmatched_dist < best {
                break (Terminal::Unmatched(unmatched_row), unmatched_dist);
            }
            level.clear();
            for (j, &d) in dist.iter().enumerate() {
                if d == best {
                    if self.owner[j] == NONE {
                        break 'search (Terminal::Column(j), best);
                    }
                    level.push(j as u32);
                }
            }
            let mut next = 0;
            while next < level.len() {
                let j = level[next] as usize;
                next += 1;
                self.scanned.push(j as u32);
                let i = self.owner[j] as usize;
                let base = best + self.row_score[i] - self.price[j];
                if !PERFECT && base < unmatched_dist {
                    unmatched_dist = base;
                    unmatched_row = i;
                }
                let (_, scores) = self.layout.row(i);
                let scores = &scores[..cols];
                let price = &self.price[..cols];
                let owner = &self.owner[..cols];
                let dist = &mut self.dist[..cols];
                let pred = &mut self.pred[..cols];
                for k in 0..cols {
                    let d = base - scores[k].into() + price[k];
                    if d < dist[k] {
                        dist[k] = d;
                        pred[k] = i as u32;
                        if d == best {
                            if owner[k] == NONE {
                                break 'search (Terminal::Column(k), best);
                            }
                            level.push(k as u32);
                        }
                    }
                }
            }
            previous = best;
        };
        level.clear();
        self.touched = level;

        for &j in &self.scanned {
            let j = j as usize;
            self.price[j] += end - self.dist[j];
            if PERFECT && self.price[j] > PRICE_LIMIT {
                self.scanned.clear();
                return Search::PriceOverflow;
            }
        }
        self.scanned.clear();
        self.flip_path(f, terminal);
        Search::Placed
    }

    /// Relaxes the pairs of row `i`, reached at `base` = its distance plus its
    /// value. Scanned columns need no check: reduced costs are `>= 0`, so
    /// they can never improve.
    #[inline(always)]
    fn relax(&mut self, i: usize, base: i64, free: &mut (i64, usize)) {
        let (cols, scores) = self.layout.row(i);
        // Plain slices, so that the loop keeps its pointers in registers.
        let price = &self.price[..];
        let owner = &self.owner[..];
        let dist = &mut self.dist[..];
        let pred = &mut self.pred[..];
        let touched = &mut self.touched;
        let heap = &mut self.heap;
        for (k, &w) in scores.iter().enumerate() {
            let j = cols.at(k);
            let d = base - w.into() + price[j];
            let old = dist[j];
            if d < old {
                if old == i64::MAX {
                    touched.push(j as u32);
                }
                dist[j] = d;
                pred[j] = i as u32;
                if owner[j] == NONE {
                    if d < free.0 || (d == free.0 && j < free.1) {
                        *free = (d, j);
                    }
                } else {
                    heap.push(j, d);
                }
            }
        }
    }
}

/// When and how large a core the fast path uses (see [`Core`]).
#[derive(Clone, Copy, Debug)]
pub(super) struct CoreRule {
    /// Pairs per row (more on ties); 0 for no core.
    pub width: usize,
    /// A core is used only when rows are on average this many times longer
    /// than `width`, and dropped if it grows past this fraction of the
    /// graph (or too long per row): a core that is not much smaller than the
    /// graph does not pay for its selection. 0 to use a core whatever its
    /// size (for tests).
    pub min_ratio: usize,
}

/// A core is given up when its rows hold on average more than this many
/// times its width (heavy ties), past an allowance for the first rows (see
/// `CoreRule::size_limits`).
const TIE_ROOM: usize = 4;

/// The rule of [`solve_graph`].
const CORE_RULE: CoreRule = CoreRule {
    width: 16,
    min_ratio: 4,
};

impl CoreRule {
    /// Whether a core pays in a graph of `pairs` allowed pairs.
    fn pays(self, pairs: usize, rows: usize) -> bool {
        let needed = self
            .min_ratio
            .saturating_mul(self.width)
            .saturating_mul(rows);
        self.width > 0 && pairs >= needed
    }

    /// The most pairs a core may hold, in a graph of `pairs` pairs and
    /// `cols` columns: a fraction of the graph, and past an allowance for
    /// the first rows (ranked at immature prices, many of their pairs tie)
    /// `TIE_ROOM` times the width per row. A larger core means heavy ties,
    /// and would not pay. Returns `(in all, per row, allowance)`.
    fn size_limits(self, pairs: usize, cols: usize) -> (usize, usize, usize) {
        if self.min_ratio == 0 {
            return (usize::MAX, usize::MAX, usize::MAX);
        }
        let cols_log = (usize::BITS - cols.leading_zeros()) as usize;
        (
            pairs / self.min_ratio,
            TIE_ROOM.saturating_mul(self.width),
            cols.saturating_mul(2 * cols_log),
        )
    }
}

/// The *core* of a graph: for each row, its `width` best pairs by value
/// `w - p[j]` at the (running) prices of the column reduction, every pair
/// tied with the last of them, and later the pairs found to violate
/// feasibility (see `solve_on_core`). In compressed sparse rows, columns
/// ascending.
///
/// On random-like inputs the optimal matching and every shortest augmenting
/// path use only pairs near the top of each row, so the searches follow the
/// same course as on the whole graph while scanning a fraction of it.
struct Core<S> {
    /// Every pair of row `i` left out of the core had a value `w - p[j]`
    /// below `outside_below[i]` when the core was selected. Prices only rise,
    /// so those pairs stay below it: a row whose value `u[i]` is at least
    /// that has no better pair outside the core.
    outside_below: Vec<i64>,
    start: Vec<usize>,
    cols: Vec<u32>,
    scores: Vec<S>,
}

impl<S: Score> Core<S> {
    fn layout(&self) -> Sparse<'_, S> {
        Sparse {
            start: &self.start,
            cols: &self.cols,
            scores: &self.scores,
        }
    }

    /// Selects the core of `layout` in one pass that also sets `price` to
    /// the column maxima, as `column_maxima` does, and returns the core with
    /// each column's best row. `None` when the core would not pay for itself
    /// (then `price` is left in any state).
    ///
    /// Row `i` is ranked at the running maxima of rows `0..=i`, which are at
    /// most the final ones: a pair left out then is still worse than
    /// `outside_below[i]` at any later price. Each row is filtered with a
    /// bound guessed from the row before (its threshold plus its spread)
    /// and the threshold is found among the few pairs that pass; a row where
    /// too few pass is filtered again without a bound.
    fn select<L: Layout<Score = S>>(
        layout: &L,
        rows: usize,
        price: &mut [i64],
        rule: CoreRule,
    ) -> Option<(Self, Vec<u32>)> {
        let pairs: usize = (0..rows).map(|i| layout.row(i).1.len()).sum();
        if !rule.pays(pairs, rows) {
            return None;
        }
        let width = rule.width;
        let (max_pairs, max_per_row, first_rows) = rule.size_limits(pairs, price.len());
        let mut best_row = vec![NONE; price.len()];
        price.fill(i64::MIN);
        let mut core = Self {
            outside_below: Vec::with_capacity(rows),
            start: Vec::with_capacity(rows + 1),
            cols: Vec::with_capacity(rows * width),
            scores: Vec::with_capacity(rows * width),
        };
        core.start.push(0);
        // (cost p[j] - w, position in the row) of the pairs that pass.
        let mut passed: Vec<(i64, u32)> = Vec::new();
        let mut costs: Vec<i64> = Vec::new();
        let mut bound = i64::MAX;
        for i in 0..rows {
            let (cols, scores) = layout.row(i);
            // The pairs costing at most `cutoff` pass the filter.
            let mut cutoff = bound;
            passed.clear();
            for (k, &w) in scores.iter().enumerate() {
                let j = cols.at(k);
                let w = w.into();
                raise_column_max(price, &mut best_row, j, i, w);
                let cost = price[j] - w;
                if cost <= cutoff {
                    passed.push((cost, k as u32));
                }
            }
            if passed.len() < width.min(scores.len()) {
                cutoff = i64::MAX;
                passed.clear();
                passed.extend(
                    scores
                        .iter()
                        .enumerate()
                        .map(|(k, &w)| (price[cols.at(k)] - w.into(), k as u32)),
                );
            }
            costs.clear();
            costs.extend(passed.iter().map(|&(cost, _)| cost));
            let threshold = if costs.len() > width {
                let threshold = *costs.select_nth_unstable(width - 1).1;
                let low = costs[..width].iter().copied().min().unwrap_or(threshold);
                bound = threshold.saturating_add(threshold.saturating_sub(low).max(1));
                threshold
            } else {
                cutoff
            };
            // Kept: the pairs costing at most `threshold`; every other pair
            // costs more, i.e. has a value below `-threshold`.
            for &(cost, k) in &passed {
                if cost <= threshold {
                    core.cols.push(cols.at(k as usize) as u32);
                    core.scores.push(scores[k as usize]);
                }
            }
            core.start.push(core.cols.len());
            core.outside_below
                .push(threshold.checked_neg().unwrap_or(i64::MIN));
            let so_far = max_per_row.saturating_mul(i + 1).saturating_add(first_rows);
            if core.cols.len() > max_pairs.min(so_far) {
                return None;
            }
        }
        Some((core, best_row))
    }

    /// The columns of row `i`.
    fn row_cols(&self, i: usize) -> &[u32] {
        &self.cols[self.start[i]..self.start[i + 1]]
    }

    /// Adds pairs `(row, col, score)`, sorted by row then column, absent from the core.
    fn add(&mut self, added: &[(u32, u32, S)]) {
        if added.is_empty() {
            return;
        }
        let rows = self.start.len() - 1;
        let mut start = Vec::with_capacity(rows + 1);
        let mut cols = Vec::with_capacity(self.cols.len() + added.len());
        let mut scores = Vec::with_capacity(self.cols.len() + added.len());
        start.push(0);
        let mut next = 0;
        for i in 0..rows {
            let range = self.start[i]..self.start[i + 1];
            let (old_cols, old_scores) = (&self.cols[range.clone()], &self.scores[range]);
            let first = next;
            while next < added.len() && added[next].0 as usize == i {
                next += 1;
            }
            let new = &added[first..next];
            let (mut a, mut b) = (0, 0);
            while a < old_cols.len() || b < new.len() {
                if b == new.len() || (a < old_cols.len() && old_cols[a] < new[b].1) {
                    cols.push(old_cols[a]);
                    scores.push(old_scores[a]);
                    a += 1;
                } else {
                    cols.push(new[b].1);
                    scores.push(new[b].2);
                    b += 1;
                }
            }
            start.push(cols.len());
        }
        self.start = start;
        self.cols = cols;
        self.scores = scores;
    }
}

/// Column reduction's step for the pair `(i, j)` of score `w`.
#[inline(always)]
fn raise_column_max(price: &mut [i64], best_row: &mut [u32], j: usize, i: usize, w: i64) {
    if w > price[j] {
        price[j] = w;
        best_row[j] = i as u32;
    }
}

/// A monotone priority queue of columns keyed by distance, for Dijkstra's
/// algorithm: no key pushed is below the last key taken out (a radix heap).
///
/// Bucket `b >= 1` holds the keys whose highest bit differing from `last`
/// is bit `b - 1`; keys equal to `last` wait in `current`, lowest column
/// first. Taking the minimum when `current` is empty empties the lowest
/// non-empty bucket: its smallest key becomes `last` and its entries move to
/// lower buckets, so each entry moves at most 64 times. There is no
/// decrease-key: a column is pushed again with its smaller key, and the
/// caller discards the stale entry (key no longer its distance) when it
/// comes out. Pops follow (distance, column) order among queued entries.
struct RadixQueue {
    buckets: Vec<Vec<(i64, u32)>>,
    current: BinaryHeap<Reverse<u32>>,
    last: i64,
}

impl RadixQueue {
    fn new() -> Self {
        Self {
            buckets: (0..=64).map(|_| Vec::new()).collect(),
            current: BinaryHeap::new(),
            last: i64::MIN,
        }
    }

    #[inline(always)]
    fn bucket(&self, key: i64) -> usize {
        64 - (key ^ self.last).leading_zeros() as usize
    }

    #[inline(always)]
    fn push(&mut self, col: usize, key: i64) {
        debug_assert!(
            key >= self.last,
            "keys must not fall below the last one taken"
        );
        if key == self.last {
            self.current.push(Reverse(col as u32));
        } else {
            let b = self.bucket(key);
            self.buckets[b].push((key, col as u32));
        }
    }

    /// The smallest (key, column) queued, stale or not.
    fn peek(&mut self) -> Option<(i64, usize)> {
        if self.current.is_empty() && !self.refill() {
            return None;
        }
        self.current
            .peek()
            .map(|&Reverse(col)| (self.last, col as usize))
    }

    /// Drops the entry `peek` returned.
    fn discard(&mut self) {
        self.current.pop();
    }

    fn pop(&mut self) -> Option<(i64, usize)> {
        let top = self.peek()?;
        self.current.pop();
        Some(top)
    }

    /// Moves the smallest keys into `current`; false when nothing is queued.
    fn refill(&mut self) -> bool {
        let Some(b) = (1..self.buckets.len()).find(|&b| !self.buckets[b].is_empty()) else {
            return false;
        };
        let entries = std::mem::take(&mut self.buckets[b]);
        self.last = entries
            .iter()
            .map(|&(key, _)| key)
            .min()
            .expect("not empty");
        for &(key, col) in &entries {
            self.push(col as usize, key);
        }
        // Keep the bucket's allocation for later.
        let mut entries = entries;
        entries.clear();
        self.buckets[b] = entries;
        true
    }

    fn clear(&mut self) {
        for bucket in &mut self.buckets {
            bucket.clear();
        }
        self.current.clear();
        self.last = i64::MIN;
    }
}
