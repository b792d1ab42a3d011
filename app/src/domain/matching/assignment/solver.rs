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

use super::graph::ScoreGraph;

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
    let rows = graph.rows() as usize;
    let cols = graph.cols() as usize;
    let max_score = graph.max_score();
    if graph.is_complete() {
        let layout = Dense {
            cols,
            scores: graph.scores(),
        };
        return solve_layout(&layout, rows, cols, max_score);
    }
    let (start, col_index) = (graph.row_start(), graph.col_index());
    if max_score <= i64::from(i32::MAX) {
        // Sparse rows are scanned over and over, straight from memory: with
        // 4-byte scores a search moves a third less data. (In the dense
        // layout the copy costs more than it saves.)
        let scores: Vec<i32> = graph.scores().iter().map(|&w| w as i32).collect();
        let layout = Sparse {
            start,
            cols: col_index,
            scores: &scores[..],
        };
        solve_layout(&layout, rows, cols, max_score)
    } else {
        let layout = Sparse {
            start,
            cols: col_index,
            scores: graph.scores(),
        };
        solve_layout(&layout, rows, cols, max_score)
    }
}

/// Prices above this abandon the perfect-matching attempt (overflow guard).
const PRICE_LIMIT: i64 = i64::MAX / 4;

fn solve_layout<L: Layout>(layout: &L, rows: usize, cols: usize, max_score: i64) -> Solution {
    let small_scores = (rows as i64)
        .checked_add(4)
        .and_then(|n| n.checked_mul(16))
        .and_then(|n| n.checked_mul(max_score.max(1)))
        .is_some();
    if rows == cols
        && rows > 0
        && small_scores
        && let Some(solution) = Solver::new(layout, rows, cols).run_perfect()
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
    heap: IndexedHeap,
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
            heap: IndexedHeap::new(cols),
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
    fn run_perfect(mut self) -> Option<Solution> {
        let free = self.column_reduction()?;
        let pending = self.auction(free, true)?;
        for row in pending {
            if !self.augment::<true>(row as usize) {
                return None;
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

    #[inline]
    fn assign(&mut self, i: usize, j: usize, score: i64) {
        self.row_col[i] = j as u32;
        self.row_score[i] = score;
        self.owner[j] = i as u32;
    }

    /// JV's column reduction and reduction transfer. Each column is priced at
    /// its best score and given to its best row (the lowest index on ties)
    /// if that row has no column yet; a row that got exactly one column then
    /// raises that column's price to leave itself indifferent to its second
    /// option. Returns the rows left free, or `None` when a row or a column
    /// has no allowed pair (no perfect matching).
    fn column_reduction(&mut self) -> Option<Vec<u32>> {
        let layout = self.layout;
        let cols = self.price.len();
        let mut best_row = vec![NONE; cols];
        self.price.fill(i64::MIN);
        for i in 0..self.rows {
            let (idx, scores) = layout.row(i);
            if scores.is_empty() {
                return None;
            }
            for (k, &w) in scores.iter().enumerate() {
                let j = idx.at(k);
                let w: i64 = w.into();
                if w > self.price[j] {
                    self.price[j] = w;
                    best_row[j] = i as u32;
                }
            }
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
    /// Taken columns wait in a heap ordered by (distance, index); free
    /// columns are never queued, only the closest one (lowest index on ties)
    /// is remembered. The search ends when that free column is no farther than
    /// every queued column — or, in the general mode, at a row's private
    /// "unmatched" option when that is strictly closer than everything else:
    /// at equal distance a real column wins, which keeps the matching of
    /// maximum cardinality among those of maximum score.
    /// Returns false (perfect mode) when no free column can be reached or on
    /// the price guard; the solver is then abandoned.
    fn augment<const PERFECT: bool>(&mut self, f: usize) -> bool {
        if L::DENSE {
            return self.augment_dense::<PERFECT>(f);
        }
        // Distances are relative to f's value 0: the pair (f, j) is at
        // distance p[j] - w[f][j], and f's own unmatched option at 0.
        let mut unmatched_dist = if PERFECT { i64::MAX } else { 0 };
        let mut unmatched_row = f;
        let mut free = (i64::MAX, usize::MAX);
        self.relax(f, 0, &mut free);
        let (terminal, end) = loop {
            let top = self.heap.min_key();
            if free.1 != usize::MAX && free.0 <= top && free.0 <= unmatched_dist {
                break (Terminal::Column(free.1), free.0);
            }
            if unmatched_dist < top && unmatched_dist < free.0 {
                break (Terminal::Unmatched(unmatched_row), unmatched_dist);
            }
            let Some((d, j)) = self.heap.pop() else {
                return false; // perfect mode: no free column reachable
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

        for &j in &self.scanned {
            let j = j as usize;
            self.price[j] += end - self.dist[j];
            if PERFECT && self.price[j] > PRICE_LIMIT {
                return false;
            }
        }

        self.flip_path(f, terminal);

        for &j in &self.touched {
            self.dist[j as usize] = i64::MAX;
        }
        self.touched.clear();
        self.scanned.clear();
        self.heap.clear();
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
    fn augment_dense<const PERFECT: bool>(&mut self, f: usize) -> bool {
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
                    return false;
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
                return false;
            }
        }
        self.scanned.clear();
        self.flip_path(f, terminal);
        true
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
                    heap.push_or_decrease(j, d);
                }
            }
        }
    }
}

/// A binary min-heap of columns keyed by (distance, column), with
/// decrease-key: each column is queued at most once.
struct IndexedHeap {
    items: Vec<(i64, u32)>,
    /// Position of each column in `items`, or `NONE`.
    pos: Vec<u32>,
}

impl IndexedHeap {
    fn new(cols: usize) -> Self {
        Self {
            items: Vec::new(),
            pos: vec![NONE; cols],
        }
    }

    /// The smallest distance queued, or `i64::MAX`.
    #[inline]
    fn min_key(&self) -> i64 {
        self.items.first().map_or(i64::MAX, |item| item.0)
    }

    #[inline]
    fn push_or_decrease(&mut self, col: usize, key: i64) {
        let at = match self.pos[col] {
            NONE => {
                self.items.push((key, col as u32));
                self.items.len() - 1
            }
            at => at as usize,
        };
        self.sift_up(at, (key, col as u32));
    }

    fn pop(&mut self) -> Option<(i64, usize)> {
        let top = *self.items.first()?;
        self.pos[top.1 as usize] = NONE;
        let last = self.items.pop().expect("not empty");
        if !self.items.is_empty() {
            self.sift_down(0, last);
        }
        Some((top.0, top.1 as usize))
    }

    fn clear(&mut self) {
        for &(_, col) in &self.items {
            self.pos[col as usize] = NONE;
        }
        self.items.clear();
    }

    #[inline]
    fn sift_up(&mut self, mut at: usize, item: (i64, u32)) {
        while at > 0 {
            let parent = (at - 1) / 2;
            let above = self.items[parent];
            if above <= item {
                break;
            }
            self.items[at] = above;
            self.pos[above.1 as usize] = at as u32;
            at = parent;
        }
        self.items[at] = item;
        self.pos[item.1 as usize] = at as u32;
    }

    fn sift_down(&mut self, mut at: usize, item: (i64, u32)) {
        let len = self.items.len();
        loop {
            let mut child = 2 * at + 1;
            if child >= len {
                break;
            }
            if child + 1 < len && self.items[child + 1] < self.items[child] {
                child += 1;
            }
            let below = self.items[child];
            if item <= below {
                break;
            }
            self.items[at] = below;
            self.pos[below.1 as usize] = at as u32;
            at = child;
        }
        self.items[at] = item;
        self.pos[item.1 as usize] = at as u32;
    }
}
