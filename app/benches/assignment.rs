//! Criterion benchmark of the assignment solver on four generated matrices:
//! sparse 1,000² and 10,000² (10 % of pairs allowed, scores 0..=1000), dense
//! 5,000² with scores 0..=1,000,000, and dense 5,000² with coarse scores
//! 0..=100 (full of ties). Only `solve` is timed, not generation.
//!
//! The matrices are the ones of `examples/assignment_timings.rs` (same
//! splitmix64 stream and seeds), which `benches/compare_lap.py` compares with
//! lap and SciPy: cell `t = row * cols + col` uses the `t`-th output `x`; the
//! pair is allowed when `(x >> 32) % 100 < percent`, with score
//! `(x & 0xffff_ffff) % (max_score + 1)`.

use app::domain::matching::assignment::{ScoreGraph, solve};
use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn generate(rows: u32, cols: u32, percent: u64, max_score: u64, seed: u64) -> ScoreGraph {
    let mut state = seed;
    let mut triples = Vec::new();
    for row in 0..rows {
        for col in 0..cols {
            let x = splitmix64(&mut state);
            if (x >> 32) % 100 < percent {
                triples.push((row, col, ((x & 0xffff_ffff) % (max_score + 1)) as i64));
            }
        }
    }
    ScoreGraph::from_triples(rows, cols, triples).expect("valid case")
}

fn assignment(c: &mut Criterion) {
    // (name, rows = cols, percent allowed, max score, seed, measurement seconds)
    let cases = [
        ("sparse_1000", 1000, 10, 1000, 1, 3),
        ("sparse_10000", 10_000, 10, 1000, 2, 20),
        ("dense_5000", 5000, 100, 1_000_000, 3, 12),
        ("dense_5000_ties", 5000, 100, 100, 4, 5),
    ];
    let mut group = c.benchmark_group("assignment");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1));
    for (name, side, percent, max_score, seed, seconds) in cases {
        let graph = generate(side, side, percent, max_score, seed);
        group.measurement_time(Duration::from_secs(seconds));
        group.bench_function(name, |b| b.iter(|| solve(black_box(&graph))));
    }
    group.finish();
}

criterion_group!(benches, assignment);
criterion_main!(benches);
