#!/usr/bin/env python3
"""Compare our assignment solver with `lap` (LAPJV / lapmod) and SciPy.

Usage:
    python3 app/benches/compare_lap.py --ours target/release/examples/assignment_timings
        [--repeat N] [CASE ...]

The Rust runner (app/examples/assignment_timings.rs) builds each benchmark
matrix, times `solve` and prints JSON. This script builds the same matrices with
NumPy from the same splitmix64 stream, checks that both sides agree (number of
allowed pairs and a checksum of every allowed score), times `lap.lapmod`
(sparse cases), `lap.lapjv` and `scipy.optimize.linear_sum_assignment` (dense
cases) and `scipy.sparse.csgraph.min_weight_full_bipartite_matching` (sparse
cases), checks that their optimal totals equal ours, and prints a table.

Generator (must match the Rust side): cell t = row * cols + col (row-major)
uses x = splitmix64 output number t + 1 from the case's seed; the pair is
allowed when (x >> 32) % 100 < percent, with score (x & 0xffffffff) % (max + 1).
Checksum: sum over allowed cells of (t + 1) * (score + 1), modulo 2**64.

lap and SciPy minimise a cost and need a perfect (full) matching, whereas we
maximise the score of a possibly partial matching. They get
cost = max_score + 1 - score (always > 0: SciPy's sparse solver ignores zero
weights) and forbidden pairs are left out; a perfect matching of minimum cost
is then a perfect matching of maximum score. When our optimum is perfect (it
is, with near certainty, for these random matrices) the totals must be equal;
otherwise the comparison is reported as not applicable.

Only the solver calls are timed on both sides, not generation or conversion.
If NumPy, lap or SciPy cannot be imported, the script says so and prints what
it can (at least our timings). Install them with
`python3 -m pip install numpy scipy lap`.
"""

import argparse
import json
import subprocess
import sys
import time

try:
    import numpy as np
except ImportError as error:  # pragma: no cover - depends on the machine
    np = None
    NUMPY_ERROR = error
try:
    import lap
except ImportError as error:  # pragma: no cover
    lap = None
    LAP_ERROR = error
try:
    import scipy.optimize
    import scipy.sparse
    import scipy.sparse.csgraph
except ImportError as error:  # pragma: no cover
    scipy = None
    SCIPY_ERROR = error

GOLDEN = 0x9E3779B97F4A7C15
MASK64 = (1 << 64) - 1


def splitmix64_block(seed, first, count):
    """Outputs number first+1 .. first+count of splitmix64 seeded with `seed`."""
    t = np.arange(first + 1, first + count + 1, dtype=np.uint64)
    z = np.uint64(seed) + t * np.uint64(GOLDEN)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def generate(case):
    """CSR arrays (row starts, columns, scores) and the checksum of a case."""
    rows, cols = case["rows"], case["cols"]
    percent, max_score, seed = case["percent"], case["max_score"], case["seed"]
    block = max(1, 4_000_000 // cols)
    indptr = [np.zeros(1, dtype=np.int64)]
    indices, scores = [], []
    checksum = np.uint64(0)
    total = 0
    with np.errstate(over="ignore"):
        for r0 in range(0, rows, block):
            r1 = min(rows, r0 + block)
            x = splitmix64_block(seed, r0 * cols, (r1 - r0) * cols)
            allowed = (x >> np.uint64(32)) % np.uint64(100) < np.uint64(percent)
            score = (x & np.uint64(0xFFFFFFFF)) % np.uint64(max_score + 1)
            t = np.arange(r0 * cols + 1, r1 * cols + 1, dtype=np.uint64)
            checksum += np.sum(t[allowed] * (score[allowed] + np.uint64(1)), dtype=np.uint64)
            per_row = allowed.reshape(r1 - r0, cols).sum(axis=1)
            indptr.append(total + np.cumsum(per_row))
            total += int(per_row.sum())
            flat = np.nonzero(allowed)[0]
            indices.append((flat % cols).astype(np.int32))
            scores.append(score[allowed].astype(np.int64))
    return (
        np.concatenate(indptr),
        np.concatenate(indices),
        np.concatenate(scores),
        int(checksum),
    )


def best_time(function, repeat):
    best, result = None, None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best, result


def run_lap(case, indptr, indices, scores, repeat):
    """Best time and maximum total of lap on this case, or None."""
    n = case["rows"]
    if case["rows"] != case["cols"]:
        return None
    cost_top = case["max_score"] + 1
    if case["percent"] >= 100:
        cost = (cost_top - scores).astype(np.float64).reshape(n, n)
        seconds, (opt, x, _) = best_time(lambda: lap.lapjv(cost), repeat)
        solver = "lapjv"
    else:
        cc = (cost_top - scores).astype(np.float64)
        ii = indptr.astype(np.int32)
        kk = indices.astype(np.int32)
        seconds, (opt, x, _) = best_time(lambda: lap.lapmod(n, cc, ii, kk), repeat)
        solver = "lapmod"
    if np.any(x < 0):
        return solver, seconds, None
    return solver, seconds, int(round(n * cost_top - opt))


def run_scipy(case, indptr, indices, scores, repeat):
    """Best time and maximum total of SciPy on this case, or None."""
    n, m = case["rows"], case["cols"]
    if case["percent"] >= 100:
        matrix = scores.reshape(n, m)
        seconds, (r, c) = best_time(
            lambda: scipy.optimize.linear_sum_assignment(matrix, maximize=True), repeat
        )
        return "linear_sum_assignment", seconds, int(matrix[r, c].sum())
    cost_top = case["max_score"] + 1
    graph = scipy.sparse.csr_matrix(
        ((cost_top - scores).astype(np.float64), indices, indptr), shape=(n, m)
    )
    try:
        seconds, (r, c) = best_time(
            lambda: scipy.sparse.csgraph.min_weight_full_bipartite_matching(graph), repeat
        )
    except ValueError as error:  # no full matching
        print(f"  scipy sparse: {error}", file=sys.stderr)
        return None
    return "min_weight_full_bipartite_matching", seconds, int(
        len(r) * cost_top - graph[r, c].sum()
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ours", required=True, help="path of the assignment_timings binary")
    parser.add_argument("--repeat", type=int, default=3, help="runs per solver (best is kept)")
    parser.add_argument(
        "--without", action="append", default=[], choices=["lap", "scipy"],
        help="leave a library out (repeatable)",
    )
    parser.add_argument("cases", nargs="*", help="case names (default: all)")
    args = parser.parse_args()
    global lap, scipy
    if "lap" in args.without:
        lap = None
    if "scipy" in args.without:
        scipy = None

    command = [args.ours, "--repeat", str(args.repeat), *args.cases]
    print("running", " ".join(command), file=sys.stderr)
    ours = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)

    if np is None:
        print(f"NumPy cannot be imported ({NUMPY_ERROR}): showing our timings only.")
    if lap is None and "lap" not in args.without:
        print(f"lap cannot be imported ({LAP_ERROR}): no lap column.")
    if scipy is None and "scipy" not in args.without:
        print(f"SciPy cannot be imported ({SCIPY_ERROR}): no SciPy column.")

    header = f"{'case':<16} {'ours s':>8} {'lap s':>8} {'scipy s':>8} {'lap/ours':>9} {'scipy/ours':>10}  totals"
    lines = []
    all_ok = True
    for case in ours["cases"]:
        name = case["name"]
        row = {"ours": case["best"], "lap": None, "scipy": None, "check": []}
        if np is not None:
            print(f"{name}: generating in NumPy", file=sys.stderr)
            indptr, indices, scores, checksum = generate(case)
            same = len(scores) == case["allowed"] and checksum == case["checksum"]
            row["check"].append("same matrix" if same else "MATRIX DIFFERS")
            all_ok &= same
            perfect = case["matched"] == min(case["rows"], case["cols"])
            for label, runner, module in (("lap", run_lap, lap), ("scipy", run_scipy, scipy)):
                if module is None:
                    continue
                print(f"{name}: timing {label}", file=sys.stderr)
                result = runner(case, indptr, indices, scores, args.repeat)
                if result is None:
                    row["check"].append(f"{label}: n/a")
                    continue
                solver, seconds, total = result
                row[label] = seconds
                if total is None:
                    row["check"].append(f"{label}: no perfect matching")
                elif not perfect:
                    row["check"].append(f"{label}: n/a (our optimum is not perfect)")
                elif total == case["total"]:
                    row["check"].append(f"{label} total equal")
                else:
                    row["check"].append(f"{label} TOTAL {total} != {case['total']}")
                    all_ok = False
                print(f"  {solver}: {seconds:.4f} s, total {total}", file=sys.stderr)
            del indptr, indices, scores

        def cell(value, width):
            return f"{value:>{width}.4f}" if value is not None else f"{'-':>{width}}"

        def ratio(value, width):
            return f"{value / row['ours']:>{width}.2f}" if value is not None else f"{'-':>{width}}"

        lines.append(
            f"{name:<16} {cell(row['ours'], 8)} {cell(row['lap'], 8)} {cell(row['scipy'], 8)} "
            f"{ratio(row['lap'], 9)} {ratio(row['scipy'], 10)}  {', '.join(row['check'])}"
        )
    print(f"best of {args.repeat} runs; ratio > 1 means ours is faster")
    print(header)
    for line in lines:
        print(line)
    if not all_ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
