use super::solver::{CoreRule, Solution, solve_graph, solve_graph_with_core};
use super::*;
use proptest::prelude::*;

/// A small instance: a dense matrix with `-1` for forbidden pairs.
#[derive(Debug, Clone)]
struct Instance {
    rows: u32,
    cols: u32,
    matrix: Vec<i64>,
}

impl Instance {
    fn at(&self, row: u32, col: u32) -> i64 {
        self.matrix[(row * self.cols + col) as usize]
    }

    fn graph(&self) -> ScoreGraph {
        ScoreGraph::from_dense(self.rows, self.cols, &self.matrix).unwrap()
    }
}

/// Brute force by dynamic programming over the set of used columns: the best
/// (total, pair count), compared lexicographically, over every matching that
/// contains `locked` and avoids `banned`.
fn brute_force(instance: &Instance, locked: &[(u32, u32)], banned: &[(u32, u32)]) -> (i64, u32) {
    let cols = instance.cols as usize;
    assert!(cols <= 12);
    let masks = 1usize << cols;
    const IMPOSSIBLE: (i64, u32) = (i64::MIN, 0);
    // best[mask]: best (total, count) over the rows so far using exactly `mask`.
    let mut best = vec![IMPOSSIBLE; masks];
    best[0] = (0, 0);
    for row in 0..instance.rows {
        let lock = locked.iter().find(|&&(r, _)| r == row).map(|&(_, c)| c);
        let mut next = vec![IMPOSSIBLE; masks];
        for mask in 0..masks {
            let (total, count) = best[mask];
            if total == i64::MIN {
                continue;
            }
            if lock.is_none() {
                next[mask] = next[mask].max((total, count));
            }
            for col in 0..instance.cols {
                let score = instance.at(row, col);
                if score < 0
                    || mask & (1 << col) != 0
                    || banned.contains(&(row, col))
                    || lock.is_some_and(|c| c != col)
                {
                    continue;
                }
                let to = mask | (1 << col);
                next[to] = next[to].max((total + score, count + 1));
            }
        }
        best = next;
    }
    best.into_iter().max().unwrap()
}

/// Checks the LP optimality certificate of a solution: with the prices, every
/// allowed pair satisfies `u[i] >= w - p[j]`, assigned pairs are tight, free
/// columns and unmatched rows are at 0. This proves a maximum score.
fn check_certificate(graph: &ScoreGraph, solution: &Solution) {
    let cols = graph.cols();
    let price = &solution.price;
    assert_eq!(price.len(), cols as usize);
    let mut owned = vec![false; cols as usize];
    for (row, &col) in solution.row_col.iter().enumerate() {
        if col < cols {
            assert!(!owned[col as usize], "column {col} used twice");
            owned[col as usize] = true;
            assert_eq!(
                graph.score(row as u32, col),
                Some(solution.row_score[row]),
                "row {row} holds a forbidden pair or a wrong score"
            );
        }
    }
    for (col, &p) in price.iter().enumerate() {
        assert!(p >= 0, "negative price on column {col}");
        if !owned[col] {
            assert_eq!(p, 0, "free column {col} has a price");
        }
    }
    for row in 0..graph.rows() {
        let col = solution.row_col[row as usize];
        let value = if col < cols {
            solution.row_score[row as usize] - price[col as usize]
        } else {
            0
        };
        assert!(value >= 0, "row {row} is worse off than unmatched");
        for (c, w) in graph.row(row) {
            assert!(
                w - price[c as usize] <= value,
                "pair ({row}, {c}) violates dual feasibility"
            );
        }
    }
}

/// Checks everything that must hold of `solve_with`'s result.
fn check_assignment(
    instance: &Instance,
    assignment: &Assignment,
    locked: &[(u32, u32)],
    banned: &[(u32, u32)],
) {
    let mut row_used = vec![false; instance.rows as usize];
    let mut col_used = vec![false; instance.cols as usize];
    let mut total = 0;
    for window in assignment.pairs.windows(2) {
        assert!(window[0].0 < window[1].0, "pairs not sorted by row");
    }
    for &(row, col) in &assignment.pairs {
        let score = instance.at(row, col);
        assert!(score >= 0, "forbidden pair ({row}, {col}) used");
        assert!(!row_used[row as usize], "row {row} used twice");
        assert!(!col_used[col as usize], "column {col} used twice");
        assert!(!banned.contains(&(row, col)), "banned pair used");
        row_used[row as usize] = true;
        col_used[col as usize] = true;
        total += score;
    }
    assert_eq!(total, assignment.total, "total is not the sum of scores");
    for pair in locked {
        assert!(
            assignment.pairs.contains(pair),
            "locked pair {pair:?} missing"
        );
    }
    let (best_total, best_count) = brute_force(instance, locked, banned);
    assert_eq!(assignment.total, best_total, "not optimal");
    assert_eq!(
        assignment.pairs.len() as u32,
        best_count,
        "not the most pairs among optimal matchings"
    );
}

/// Instances up to `max_side` square, with a random forbidden pattern and
/// scores drawn from a small (tie-heavy) or a large range.
fn instances(max_side: u32) -> impl Strategy<Value = Instance> {
    (
        0..=max_side,
        0..=max_side,
        prop_oneof![Just(0u32), Just(30), Just(60), Just(90), Just(100)],
        prop_oneof![
            Just(0i64),
            Just(1),
            Just(3),
            Just(10),
            Just(1000),
            Just(1_000_000)
        ],
    )
        .prop_flat_map(|(rows, cols, allowed_percent, max_score)| {
            let cells = (rows * cols) as usize;
            proptest::collection::vec((0u32..100, 0..=max_score), cells).prop_map(move |cells| {
                Instance {
                    rows,
                    cols,
                    matrix: cells
                        .into_iter()
                        .map(|(draw, score)| if draw < allowed_percent { score } else { -1 })
                        .collect(),
                }
            })
        })
}

/// Square instances, mostly with many allowed pairs, so that perfect
/// matchings often exist.
fn square_instances(max_side: u32) -> impl Strategy<Value = Instance> {
    (1..=max_side)
        .prop_flat_map(|side| {
            (
                Just(side),
                prop_oneof![Just(50u32), Just(80), Just(95), Just(100)],
                prop_oneof![Just(0i64), Just(2), Just(10), Just(1_000_000)],
            )
        })
        .prop_flat_map(|(side, allowed_percent, max_score)| {
            let cells = (side * side) as usize;
            proptest::collection::vec((0u32..100, 0..=max_score), cells).prop_map(move |cells| {
                Instance {
                    rows: side,
                    cols: side,
                    matrix: cells
                        .into_iter()
                        .map(|(draw, score)| if draw < allowed_percent { score } else { -1 })
                        .collect(),
                }
            })
        })
}

type Pairs = Vec<(u32, u32)>;

/// Picks valid locks (allowed, sharing no row or column) and bans (not
/// locked) from random draws.
fn locks_and_bans(
    instance: &Instance,
    lock_draws: &[(u32, u32)],
    ban_draws: &[(u32, u32)],
) -> (Pairs, Pairs) {
    let mut locked: Vec<(u32, u32)> = Vec::new();
    if instance.rows > 0 && instance.cols > 0 {
        for &(r, c) in lock_draws {
            let (row, col) = (r % instance.rows, c % instance.cols);
            if instance.at(row, col) >= 0 && !locked.iter().any(|&(r, c)| r == row || c == col) {
                locked.push((row, col));
            }
        }
    }
    let mut banned = Vec::new();
    if instance.rows > 0 && instance.cols > 0 {
        for &(r, c) in ban_draws {
            let pair = (r % instance.rows, c % instance.cols);
            if !locked.contains(&pair) {
                banned.push(pair);
            }
        }
    }
    (locked, banned)
}

/// A core of `width` pairs per row used whatever its size (0: no core).
fn tiny_core(width: usize) -> CoreRule {
    CoreRule {
        width,
        min_ratio: 0,
    }
}

proptest! {
    // Case count: proptest's default (256) unless PROPTEST_CASES is set.

    #[test]
    fn optimal_against_brute_force(instance in instances(7)) {
        let graph = instance.graph();
        let assignment = solve(&graph);
        check_assignment(&instance, &assignment, &[], &[]);
        check_certificate(&graph, &solve_graph(&graph));
        prop_assert_eq!(&assignment, &solve(&graph), "not deterministic");
    }

    #[test]
    fn locks_and_bans_against_brute_force(
        instance in instances(7),
        lock_draws in proptest::collection::vec((0u32..64, 0u32..64), 0..4),
        ban_draws in proptest::collection::vec((0u32..64, 0u32..64), 0..12),
    ) {
        let (locked, banned) = locks_and_bans(&instance, &lock_draws, &ban_draws);
        let graph = instance.graph();
        let assignment = solve_with(&graph, &locked, &banned).unwrap();
        check_assignment(&instance, &assignment, &locked, &banned);
        prop_assert_eq!(&assignment, &solve_with(&graph, &locked, &banned).unwrap());
    }

    #[test]
    fn square_against_brute_force(instance in square_instances(7)) {
        // Square graphs take the perfect-matching fast path first.
        let graph = instance.graph();
        let assignment = solve(&graph);
        check_assignment(&instance, &assignment, &[], &[]);
        check_certificate(&graph, &solve_graph(&graph));
        prop_assert_eq!(&assignment, &solve(&graph), "not deterministic");
    }

    #[test]
    fn small_cores_against_brute_force(instance in square_instances(7)) {
        // A core of one pair per row: often too small, so that pairs must
        // be added back and searches fall back to the whole graph.
        let graph = instance.graph();
        let solution = solve_graph_with_core(&graph, tiny_core(1));
        check_certificate(&graph, &solution);
        let (pairs, total) = solution.pairs(graph.cols());
        check_assignment(&instance, &Assignment { total, pairs }, &[], &[]);
    }

    #[test]
    fn small_cores_on_larger_instances(
        instance in square_instances(30),
        width in 1usize..=4,
    ) {
        let graph = instance.graph();
        let with_core = solve_graph_with_core(&graph, tiny_core(width));
        check_certificate(&graph, &with_core);
        let without = solve_graph_with_core(&graph, tiny_core(0));
        prop_assert_eq!(with_core.pairs(graph.cols()).1, without.pairs(graph.cols()).1);
    }

    #[test]
    fn certificate_on_larger_instances(instance in instances(40)) {
        let graph = instance.graph();
        check_certificate(&graph, &solve_graph(&graph));
    }

    #[test]
    fn builders_and_text_agree(instance in instances(6)) {
        let graph = instance.graph();
        let triples = (0..instance.rows).flat_map(|r| {
            let instance = &instance;
            (0..instance.cols).rev().filter_map(move |c| {
                let score = instance.at(r, c);
                (score >= 0).then_some((r, c, score))
            })
        });
        prop_assert_eq!(
            &ScoreGraph::from_triples(instance.rows, instance.cols, triples).unwrap(),
            &graph
        );
        let mut text = format!("{} {}\n", instance.rows, instance.cols);
        for r in 0..instance.rows {
            let line: Vec<String> =
                (0..instance.cols).map(|c| instance.at(r, c).to_string()).collect();
            text.push_str(&line.join(" "));
            text.push('\n');
        }
        prop_assert_eq!(&parse_matrix_text(&text).unwrap(), &graph);
    }
}

fn dense(rows: u32, cols: u32, matrix: &[i64]) -> ScoreGraph {
    ScoreGraph::from_dense(rows, cols, matrix).unwrap()
}

#[test]
fn empty_graphs() {
    for (rows, cols) in [(0, 0), (0, 5), (5, 0)] {
        let graph = ScoreGraph::empty(rows, cols).unwrap();
        assert_eq!(solve(&graph), Assignment::default());
    }
    assert_eq!(solve(&dense(0, 0, &[])), Assignment::default());
}

#[test]
fn all_forbidden() {
    let graph = dense(3, 4, &[-1; 12]);
    assert_eq!(graph.allowed_pairs(), 0);
    assert_eq!(solve(&graph), Assignment::default());
}

#[test]
fn single_row_takes_the_best_column() {
    let graph = dense(1, 5, &[3, 9, -1, 9, 1]);
    let expected = Assignment {
        total: 9,
        pairs: vec![(0, 1)],
    };
    assert_eq!(solve(&graph), expected);
}

#[test]
fn single_column_takes_the_best_row() {
    let graph = dense(5, 1, &[3, 9, -1, 9, 1]);
    let assignment = solve(&graph);
    assert_eq!(assignment.total, 9);
    assert_eq!(assignment.pairs.len(), 1);
    assert!(matches!(assignment.pairs[0], (1, 0) | (3, 0)));
}

#[test]
fn greedy_is_not_optimal_here() {
    // Greedy takes (0, 0) = 10 and then (1, 1) = 1; the optimum is 9 + 9.
    let graph = dense(2, 2, &[10, 9, 9, 1]);
    let expected = Assignment {
        total: 18,
        pairs: vec![(0, 1), (1, 0)],
    };
    assert_eq!(solve(&graph), expected);
}

#[test]
fn all_ties_give_a_perfect_matching() {
    let graph = dense(50, 50, &[7; 2500]);
    let assignment = solve(&graph);
    assert_eq!(assignment.total, 350);
    assert_eq!(assignment.pairs.len(), 50);
}

#[test]
fn zero_scores_still_match() {
    let graph = dense(3, 3, &[0, -1, -1, 0, 0, -1, -1, -1, 0]);
    let assignment = solve(&graph);
    assert_eq!(assignment.total, 0);
    assert_eq!(assignment.pairs, vec![(0, 0), (1, 1), (2, 2)]);
}

#[test]
fn leaving_a_row_unmatched_can_be_optimal() {
    // Row 1 can only take column 0, which row 0 values far more, and matching
    // both would need row 0 on its weak column 1.
    let graph = dense(2, 2, &[10, 0, 1, -1]);
    let assignment = solve(&graph);
    assert_eq!(assignment.total, 10);
    // Max cardinality among optimal: (0,1)+(1,0) is 0+1 = 1 < 10, so one pair.
    assert_eq!(assignment.pairs, vec![(0, 0)]);
}

#[test]
fn rectangular_both_ways() {
    let wide = dense(2, 4, &[1, 2, 3, 4, 4, 3, 2, 1]);
    assert_eq!(solve(&wide).total, 8);
    let tall = dense(4, 2, &[1, 4, 2, 3, 3, 2, 4, 1]);
    assert_eq!(solve(&tall).total, 8);
}

#[test]
fn locks_and_bans_scenarios() {
    let graph = dense(2, 2, &[10, 9, 9, 1]);
    let locked = solve_with(&graph, &[(0, 0)], &[]).unwrap();
    assert_eq!(
        locked,
        Assignment {
            total: 11,
            pairs: vec![(0, 0), (1, 1)]
        }
    );
    let banned = solve_with(&graph, &[], &[(1, 0)]).unwrap();
    assert_eq!(
        banned,
        Assignment {
            total: 11,
            pairs: vec![(0, 0), (1, 1)]
        }
    );
    let both = solve_with(&graph, &[(1, 1)], &[(0, 0)]).unwrap();
    assert_eq!(
        both,
        Assignment {
            total: 1,
            pairs: vec![(1, 1)]
        }
    );
}

#[test]
fn lock_errors() {
    let graph = dense(2, 3, &[1, -1, 2, 3, 4, 5]);
    assert_eq!(
        solve_with(&graph, &[(0, 1)], &[]),
        Err(AssignmentError::LockedPairForbidden { row: 0, col: 1 })
    );
    assert_eq!(
        solve_with(&graph, &[(0, 0), (1, 0)], &[]),
        Err(AssignmentError::ConflictingLocks {
            first: (0, 0),
            second: (1, 0)
        })
    );
    assert_eq!(
        solve_with(&graph, &[(0, 0), (0, 2)], &[]),
        Err(AssignmentError::ConflictingLocks {
            first: (0, 0),
            second: (0, 2)
        })
    );
    assert_eq!(
        solve_with(&graph, &[(1, 1)], &[(1, 1)]),
        Err(AssignmentError::LockedPairBanned { row: 1, col: 1 })
    );
    assert_eq!(
        solve_with(&graph, &[(2, 0)], &[]),
        Err(AssignmentError::PairOutOfRange { row: 2, col: 0 })
    );
    assert_eq!(
        solve_with(&graph, &[], &[(0, 3)]),
        Err(AssignmentError::PairOutOfRange { row: 0, col: 3 })
    );
    // Banning a forbidden pair is harmless.
    assert_eq!(solve_with(&graph, &[], &[(0, 1)]), Ok(solve(&graph)));
}

#[test]
fn graph_errors() {
    assert_eq!(
        ScoreGraph::from_dense(2, 2, &[1, 2, 3]),
        Err(GraphError::DimensionMismatch {
            expected: 4,
            actual: 3
        })
    );
    assert_eq!(
        ScoreGraph::from_triples(2, 2, [(0, 2, 1)]),
        Err(GraphError::PairOutOfRange { row: 0, col: 2 })
    );
    assert_eq!(
        ScoreGraph::from_triples(2, 2, [(0, 1, -1)]),
        Err(GraphError::NegativeScore {
            row: 0,
            col: 1,
            score: -1
        })
    );
    assert_eq!(
        ScoreGraph::from_triples(2, 2, [(0, 1, 1), (0, 1, 2)]),
        Err(GraphError::DuplicatePair { row: 0, col: 1 })
    );
    let limit = ScoreGraph::score_limit(2, 2);
    assert_eq!(limit, i64::MAX / 4);
    assert!(matches!(
        ScoreGraph::from_dense(2, 2, &[0, 0, limit + 1, 0]),
        Err(GraphError::ScoreTooLarge { row: 1, col: 0, .. })
    ));
    assert!(matches!(
        ScoreGraph::empty(u32::MAX, 1),
        Err(GraphError::TooLarge { .. })
    ));
}

#[test]
fn extreme_scores_do_not_overflow() {
    let limit = ScoreGraph::score_limit(4, 4);
    let matrix: Vec<i64> = (0..16)
        .map(|k| if k % 5 == 0 { limit } else { limit - k })
        .collect();
    let assignment = solve(&dense(4, 4, &matrix));
    assert_eq!(assignment.total, 4 * limit);
}

#[test]
fn text_round_trip_and_errors() {
    let graph = parse_matrix_text("2 3\n1 -1 2\r\n\n 3 4 5 \n\n").unwrap();
    assert_eq!(graph, dense(2, 3, &[1, -1, 2, 3, 4, 5]));
    let assignment = solve(&graph);
    let mut out = Vec::new();
    write_assignment_text(&assignment, &mut out).unwrap();
    assert_eq!(String::from_utf8(out).unwrap(), "6\n0 2\n1 1\n");

    assert_eq!(
        parse_matrix_text(" \n"),
        Err(MatrixTextError::MissingHeader)
    );
    assert_eq!(
        parse_matrix_text("\n2 x\n"),
        Err(MatrixTextError::InvalidHeader { line: 2 })
    );
    assert_eq!(
        parse_matrix_text("2 2 2\n"),
        Err(MatrixTextError::InvalidHeader { line: 1 })
    );
    assert_eq!(
        parse_matrix_text("2 2\n1 2\n3\n"),
        Err(MatrixTextError::TooFewValues {
            line: 3,
            expected: 2,
            found: 1
        })
    );
    assert_eq!(
        parse_matrix_text("2 2\n1 2 3\n"),
        Err(MatrixTextError::TooManyValues {
            line: 2,
            expected: 2
        })
    );
    assert_eq!(
        parse_matrix_text("2 2\n1 2\n\n3 4a\n"),
        Err(MatrixTextError::InvalidValue { line: 4, field: 2 })
    );
    assert_eq!(
        parse_matrix_text("1 1\n99999999999999999999\n"),
        Err(MatrixTextError::InvalidValue { line: 2, field: 1 })
    );
    assert_eq!(
        parse_matrix_text("2 2\n1 2\n"),
        Err(MatrixTextError::MissingRows {
            expected: 2,
            found: 1
        })
    );
    assert_eq!(
        parse_matrix_text("1 1\n5\n6\n"),
        Err(MatrixTextError::TrailingData { line: 3 })
    );
    assert!(matches!(
        parse_matrix_text("1 1\n9223372036854775807\n"),
        Err(MatrixTextError::ScoreTooLarge {
            line: 2,
            field: 1,
            ..
        })
    ));
    assert_eq!(
        parse_matrix_text("3 0\n").unwrap(),
        ScoreGraph::empty(3, 0).unwrap()
    );
    assert!(
        MatrixTextError::InvalidValue { line: 4, field: 2 }
            .to_string()
            .contains("line 4")
    );
}

/// A fixed pseudo-random generator, so that larger tests are reproducible.
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[test]
fn larger_random_instances_have_certificates() {
    let mut seed = 7;
    for &(rows, cols, percent, max_score) in &[
        (300, 300, 10, 1000),
        (300, 200, 5, 3),
        (200, 300, 20, 0),
        (400, 400, 100, 100),
        (250, 250, 2, 1_000_000),
    ] {
        let mut triples = Vec::new();
        for r in 0..rows {
            for c in 0..cols {
                let x = splitmix64(&mut seed);
                if x % 100 < percent {
                    triples.push((r, c, ((x >> 32) % (max_score as u64 + 1)) as i64));
                }
            }
        }
        let graph = ScoreGraph::from_triples(rows, cols, triples).unwrap();
        let solution = solve_graph(&graph);
        check_certificate(&graph, &solution);
        assert_eq!(solve(&graph), solve(&graph));
    }
}

#[test]
fn cores_agree_with_the_whole_graph() {
    // Square instances with long rows, where the fast path searches a core:
    // random scores, coarse scores, and scores dominated by a per-column
    // bonus (so that every row ranks the same columns first).
    let mut seed = 11;
    for &(side, percent, max_score, bonus) in &[
        (300, 60, 1000, 0),
        (300, 100, 3, 0),
        (250, 100, 1_000_000, 0),
        (250, 40, 100, 1000),
        (200, 100, 10, 50),
    ] {
        let mut triples = Vec::new();
        for r in 0..side {
            for c in 0..side {
                let x = splitmix64(&mut seed);
                if x % 100 < percent {
                    let score = (x >> 32) % (max_score + 1) + bonus * u64::from(c) / 16;
                    triples.push((r, c, score as i64));
                }
            }
        }
        let graph = ScoreGraph::from_triples(side, side, triples).unwrap();
        let whole = solve_graph_with_core(&graph, tiny_core(0));
        check_certificate(&graph, &whole);
        for width in [1, 2, 4, 16] {
            let with_core = solve_graph_with_core(&graph, tiny_core(width));
            check_certificate(&graph, &with_core);
            assert_eq!(
                with_core.pairs(side).1,
                whole.pairs(side).1,
                "core width {width}"
            );
        }
    }
}
