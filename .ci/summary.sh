#!/usr/bin/env bash
# Prints one plain line with the totals of every test level, which is the
# line CI reads: "N passed, N failed".
set -euo pipefail
logs="${CARGO_TARGET_DIR:-target}/test-logs"
python3 - "$logs" <<'PY'
import json, re, sys, pathlib
logs = pathlib.Path(sys.argv[1])
passed = failed = 0
cargo = (logs / "cargo.log").read_text(errors="replace") if (logs / "cargo.log").exists() else ""
# cargo test (the documentation examples): "test result: ok. N passed; N failed; ..."
for m in re.finditer(r"test result: \w+\. (\d+) passed; (\d+) failed", cargo):
    passed += int(m.group(1)); failed += int(m.group(2))
# cargo-nextest: "Summary [ 12.3s] N tests run: N passed, N failed, N timed out, N skipped"
for line in re.findall(r"Summary \[.*?\] \d+ tests? run: ([^\n]*)", cargo):
    counts = dict((kind, int(n)) for n, kind in re.findall(r"(\d+) (passed|failed|timed out)", line))
    passed += counts.get("passed", 0)
    failed += counts.get("failed", 0) + counts.get("timed out", 0)
cargo_passed = passed
pw = logs / "playwright.json"
browser = 0
if pw.exists():
    stats = json.loads(pw.read_text()).get("stats", {})
    browser = stats.get("expected", 0)
    passed += browser
    failed += stats.get("unexpected", 0) + stats.get("flaky", 0)
print(f"cargo tests: {cargo_passed} passed; browser tests: {browser} passed")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
