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
for m in re.finditer(r"test result: \w+\. (\d+) passed; (\d+) failed", cargo):
    passed += int(m.group(1)); failed += int(m.group(2))
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
