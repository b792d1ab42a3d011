//! Times the assignment solver on the benchmark matrices and prints JSON, for
//! `benches/compare_lap.py`, which builds the same matrices in NumPy and
//! checks the checksums and optimal totals against `lap` and SciPy.
//!
//! Usage: `assignment_timings [--repeat N] [CASE ...]` (default: all cases, 3 runs).
//!
//! The matrices come from splitmix64 seeded per case; cell `t = row * cols + col`
//! (row-major) uses the `t`-th output `x`: the pair is allowed when
//! `(x >> 32) % 100 < percent`, with score `(x & 0xffff_ffff) % (max_score + 1)`.
//! The checksum is the wrapping sum, over allowed cells, of `(t + 1) * (score + 1)`.
//! `benches/assignment.rs` uses the same generator.

use app::domain::matching::assignment::{ScoreGraph, solve};
use std::time::Instant;

struct Case {
    name: &'static str,
    rows: u32,
    cols: u32,
    percent: u64,
    max_score: u64,
    seed: u64,
}

const CASES: [Case; 4] = [
    Case {
        name: "sparse_1000",
        rows: 1000,
        cols: 1000,
        percent: 10,
        max_score: 1000,
        seed: 1,
    },
    Case {
        name: "sparse_10000",
        rows: 10_000,
        cols: 10_000,
        percent: 10,
        max_score: 1000,
        seed: 2,
    },
    Case {
        name: "dense_5000",
        rows: 5000,
        cols: 5000,
        percent: 100,
        max_score: 1_000_000,
        seed: 3,
    },
    Case {
        name: "dense_5000_ties",
        rows: 5000,
        cols: 5000,
        percent: 100,
        max_score: 100,
        seed: 4,
    },
];

fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The case's graph and checksum.
fn generate(case: &Case) -> (ScoreGraph, u64) {
    let mut state = case.seed;
    let mut checksum = 0u64;
    let mut triples = Vec::new();
    let mut t = 0u64;
    for row in 0..case.rows {
        for col in 0..case.cols {
            let x = splitmix64(&mut state);
            t += 1;
            if (x >> 32) % 100 < case.percent {
                let score = (x & 0xffff_ffff) % (case.max_score + 1);
                checksum = checksum.wrapping_add(t.wrapping_mul(score + 1));
                triples.push((row, col, score as i64));
            }
        }
    }
    let graph = ScoreGraph::from_triples(case.rows, case.cols, triples).expect("valid case");
    (graph, checksum)
}

fn main() {
    let mut repeat = 3usize;
    let mut wanted = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--repeat" {
            repeat = args
                .next()
                .and_then(|n| n.parse().ok())
                .filter(|&n| n > 0)
                .expect("--repeat needs a positive number");
        } else if CASES.iter().any(|case| case.name == arg) {
            wanted.push(arg);
        } else {
            eprintln!("unknown argument {arg}; cases are:");
            for case in &CASES {
                eprintln!("  {}", case.name);
            }
            std::process::exit(2);
        }
    }
    let mut entries = Vec::new();
    for case in &CASES {
        if !wanted.is_empty() && !wanted.iter().any(|name| name == case.name) {
            continue;
        }
        let (graph, checksum) = generate(case);
        let mut seconds = Vec::new();
        let mut result = None;
        for _ in 0..repeat {
            let start = Instant::now();
            let assignment = solve(&graph);
            seconds.push(start.elapsed().as_secs_f64());
            if let Some(previous) = &result {
                assert_eq!(previous, &assignment, "the solver is not deterministic");
            }
            result = Some(assignment);
        }
        let assignment = result.expect("at least one run");
        let mut sorted = seconds.clone();
        sorted.sort_by(f64::total_cmp);
        let times: Vec<String> = seconds.iter().map(|s| format!("{s:.6}")).collect();
        eprintln!(
            "{:<16} total {:>12}  pairs {:>6}  best {:.4} s",
            case.name,
            assignment.total,
            assignment.pairs.len(),
            sorted[0]
        );
        entries.push(format!(
            "{{\"name\":\"{}\",\"rows\":{},\"cols\":{},\"percent\":{},\"max_score\":{},\
             \"seed\":{},\"allowed\":{},\"checksum\":{},\"total\":{},\"matched\":{},\
             \"best\":{:.6},\"median\":{:.6},\"seconds\":[{}]}}",
            case.name,
            case.rows,
            case.cols,
            case.percent,
            case.max_score,
            case.seed,
            graph.allowed_pairs(),
            checksum,
            assignment.total,
            assignment.pairs.len(),
            sorted[0],
            sorted[sorted.len() / 2],
            times.join(",")
        ));
    }
    println!("{{\"cases\":[{}]}}", entries.join(","));
}
