//! The allowed pairs and their scores, stored row by row (CSR).

use std::fmt;

/// The largest row or column count a [`ScoreGraph`] accepts. The two values
/// above it are kept free for the solver's "none" markers.
pub const MAX_DIMENSION: u32 = u32::MAX - 2;

/// Why a [`ScoreGraph`] could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GraphError {
    /// `rows` or `cols` is above [`MAX_DIMENSION`], or `rows × cols` does not fit in memory indices.
    TooLarge { rows: u64, cols: u64 },
    /// A dense matrix whose length is not `rows × cols`.
    DimensionMismatch { expected: u64, actual: u64 },
    /// A triple naming a row or column outside the graph.
    PairOutOfRange { row: u32, col: u32 },
    /// A triple with a negative score (forbidden pairs are simply left out).
    NegativeScore { row: u32, col: u32, score: i64 },
    /// The same pair given twice.
    DuplicatePair { row: u32, col: u32 },
    /// A score above [`ScoreGraph::score_limit`], where totals could overflow `i64`.
    ScoreTooLarge {
        row: u32,
        col: u32,
        score: i64,
        limit: i64,
    },
}

impl fmt::Display for GraphError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooLarge { rows, cols } => {
                write!(f, "a {rows} × {cols} score matrix is too large")
            }
            Self::DimensionMismatch { expected, actual } => write!(
                f,
                "the matrix has {actual} entries where {expected} (rows × cols) were expected"
            ),
            Self::PairOutOfRange { row, col } => {
                write!(f, "pair ({row}, {col}) lies outside the matrix")
            }
            Self::NegativeScore { row, col, score } => {
                write!(f, "pair ({row}, {col}) has a negative score {score}")
            }
            Self::DuplicatePair { row, col } => write!(f, "pair ({row}, {col}) is given twice"),
            Self::ScoreTooLarge {
                row,
                col,
                score,
                limit,
            } => write!(
                f,
                "pair ({row}, {col}) has score {score}, above the limit {limit} for this size"
            ),
        }
    }
}

impl std::error::Error for GraphError {}

/// A `rows × cols` score matrix in which only some pairs are allowed.
///
/// Stored in compressed sparse rows: for each row, its allowed columns in
/// ascending order with their scores (all `>= 0`). When every pair is allowed
/// the column lists are left out and the scores are one dense row-major
/// block, which the solver scans without indirection. Two graphs with the same
/// allowed pairs and scores are equal however they were built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreGraph {
    rows: u32,
    cols: u32,
    /// `row_start[r]..row_start[r + 1]` indexes `col_index` and `scores` for row `r`.
    row_start: Vec<usize>,
    /// Column of each stored score; empty when `complete`.
    col_index: Vec<u32>,
    scores: Vec<i64>,
    /// Every pair is allowed: `scores` is the dense row-major matrix.
    complete: bool,
    max_score: i64,
}

impl ScoreGraph {
    /// The largest score accepted for a `rows × cols` graph: any total and
    /// every intermediate value of the solver then fits in an `i64`.
    pub fn score_limit(rows: u32, cols: u32) -> i64 {
        i64::MAX / i64::from(rows.min(cols).max(4))
    }

    /// A graph with no allowed pair.
    pub fn empty(rows: u32, cols: u32) -> Result<Self, GraphError> {
        check_dimensions(rows, cols)?;
        Ok(Self::from_parts(
            rows,
            cols,
            vec![0; rows as usize + 1],
            Vec::new(),
            Vec::new(),
            0,
        ))
    }

    /// Builds a graph from a dense row-major `rows × cols` matrix in which a
    /// negative entry (conventionally `-1`) marks a forbidden pair.
    pub fn from_dense(rows: u32, cols: u32, matrix: &[i64]) -> Result<Self, GraphError> {
        let cells = check_dimensions(rows, cols)?;
        if matrix.len() as u64 != cells as u64 {
            return Err(GraphError::DimensionMismatch {
                expected: cells as u64,
                actual: matrix.len() as u64,
            });
        }
        let limit = Self::score_limit(rows, cols);
        let mut builder = CsrBuilder::new(rows, cols, matrix.len());
        let width = cols as usize;
        for r in 0..rows as usize {
            let line = &matrix[r * width..(r + 1) * width];
            for (c, &score) in line.iter().enumerate() {
                if score >= 0 {
                    if score > limit {
                        return Err(GraphError::ScoreTooLarge {
                            row: r as u32,
                            col: c as u32,
                            score,
                            limit,
                        });
                    }
                    builder.push(c as u32, score);
                }
            }
            builder.end_row();
        }
        Ok(builder.finish())
    }

    /// Builds a graph from `(row, col, score)` triples, in any order; pairs
    /// not given are forbidden. Scores must be `>= 0` and pairs distinct.
    pub fn from_triples<I>(rows: u32, cols: u32, triples: I) -> Result<Self, GraphError>
    where
        I: IntoIterator<Item = (u32, u32, i64)>,
    {
        check_dimensions(rows, cols)?;
        let limit = Self::score_limit(rows, cols);
        let triples: Vec<(u32, u32, i64)> = triples.into_iter().collect();
        let mut row_start = vec![0usize; rows as usize + 1];
        for &(row, col, score) in &triples {
            if row >= rows || col >= cols {
                return Err(GraphError::PairOutOfRange { row, col });
            }
            if score < 0 {
                return Err(GraphError::NegativeScore { row, col, score });
            }
            if score > limit {
                return Err(GraphError::ScoreTooLarge {
                    row,
                    col,
                    score,
                    limit,
                });
            }
            row_start[row as usize + 1] += 1;
        }
        for r in 0..rows as usize {
            row_start[r + 1] += row_start[r];
        }
        // Counting sort by row, then sort each row by column.
        let mut fill = row_start.clone();
        let mut entries = vec![(0u32, 0i64); triples.len()];
        for &(row, col, score) in &triples {
            let slot = &mut fill[row as usize];
            entries[*slot] = (col, score);
            *slot += 1;
        }
        drop(triples);
        let mut max_score = 0;
        for r in 0..rows as usize {
            let line = &mut entries[row_start[r]..row_start[r + 1]];
            line.sort_unstable_by_key(|&(col, _)| col);
            for pair in line.windows(2) {
                if pair[0].0 == pair[1].0 {
                    return Err(GraphError::DuplicatePair {
                        row: r as u32,
                        col: pair[0].0,
                    });
                }
            }
            for &(_, score) in line.iter() {
                max_score = max_score.max(score);
            }
        }
        let (col_index, scores) = entries.into_iter().unzip();
        Ok(Self::from_parts(
            rows, cols, row_start, col_index, scores, max_score,
        ))
    }

    /// Assembles a graph from valid CSR parts, switching to the dense layout
    /// when every pair is present.
    pub(super) fn from_parts(
        rows: u32,
        cols: u32,
        row_start: Vec<usize>,
        mut col_index: Vec<u32>,
        scores: Vec<i64>,
        max_score: i64,
    ) -> Self {
        let complete = scores.len() as u64 == u64::from(rows) * u64::from(cols);
        if complete {
            col_index = Vec::new();
        }
        Self {
            rows,
            cols,
            row_start,
            col_index,
            scores,
            complete,
            max_score,
        }
    }

    /// Number of rows.
    pub fn rows(&self) -> u32 {
        self.rows
    }

    /// Number of columns.
    pub fn cols(&self) -> u32 {
        self.cols
    }

    /// Number of allowed pairs.
    pub fn allowed_pairs(&self) -> usize {
        self.scores.len()
    }

    /// The highest score of any allowed pair (0 when none is allowed).
    pub fn max_score(&self) -> i64 {
        self.max_score
    }

    /// The allowed pairs of `row` as `(col, score)`, columns ascending.
    ///
    /// # Panics
    /// When `row >= self.rows()`.
    pub fn row(&self, row: u32) -> impl ExactSizeIterator<Item = (u32, i64)> + '_ {
        let (cols, scores) = self.row_parts(row as usize);
        scores.iter().enumerate().map(move |(k, &score)| {
            let col = match cols {
                Some(cols) => cols[k],
                None => k as u32,
            };
            (col, score)
        })
    }

    /// The score of `(row, col)`, or `None` when the pair is forbidden or out of range.
    pub fn score(&self, row: u32, col: u32) -> Option<i64> {
        if row >= self.rows || col >= self.cols {
            return None;
        }
        let (cols, scores) = self.row_parts(row as usize);
        match cols {
            None => Some(scores[col as usize]),
            Some(cols) => cols.binary_search(&col).ok().map(|k| scores[k]),
        }
    }

    /// The column list (absent in the dense layout) and scores of one row.
    pub(super) fn row_parts(&self, row: usize) -> (Option<&[u32]>, &[i64]) {
        let range = self.row_start[row]..self.row_start[row + 1];
        let cols = if self.complete {
            None
        } else {
            Some(&self.col_index[range.clone()])
        };
        (cols, &self.scores[range])
    }

    pub(super) fn is_complete(&self) -> bool {
        self.complete
    }

    pub(super) fn row_start(&self) -> &[usize] {
        &self.row_start
    }

    pub(super) fn col_index(&self) -> &[u32] {
        &self.col_index
    }

    pub(super) fn scores(&self) -> &[i64] {
        &self.scores
    }
}

/// Checks the size limits and returns `rows × cols`.
pub(super) fn check_dimensions(rows: u32, cols: u32) -> Result<usize, GraphError> {
    let too_large = GraphError::TooLarge {
        rows: u64::from(rows),
        cols: u64::from(cols),
    };
    if rows > MAX_DIMENSION || cols > MAX_DIMENSION {
        return Err(too_large);
    }
    usize::try_from(u64::from(rows) * u64::from(cols)).map_err(|_| too_large)
}

/// Appends rows in order; used by the dense and text constructors.
pub(super) struct CsrBuilder {
    rows: u32,
    cols: u32,
    row_start: Vec<usize>,
    col_index: Vec<u32>,
    scores: Vec<i64>,
    max_score: i64,
}

impl CsrBuilder {
    pub(super) fn new(rows: u32, cols: u32, capacity: usize) -> Self {
        let mut row_start = Vec::with_capacity(rows as usize + 1);
        row_start.push(0);
        Self {
            rows,
            cols,
            row_start,
            col_index: Vec::with_capacity(capacity),
            scores: Vec::with_capacity(capacity),
            max_score: 0,
        }
    }

    /// Adds an allowed pair to the current row; columns must ascend.
    #[inline]
    pub(super) fn push(&mut self, col: u32, score: i64) {
        self.col_index.push(col);
        self.scores.push(score);
        self.max_score = self.max_score.max(score);
    }

    pub(super) fn end_row(&mut self) {
        self.row_start.push(self.scores.len());
    }

    pub(super) fn finish(mut self) -> ScoreGraph {
        self.col_index.shrink_to_fit();
        self.scores.shrink_to_fit();
        ScoreGraph::from_parts(
            self.rows,
            self.cols,
            self.row_start,
            self.col_index,
            self.scores,
            self.max_score,
        )
    }
}
