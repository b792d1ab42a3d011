#!/usr/bin/env bash
# Browser tests against the release build. The server gets a fresh SQLite
# database with the demo data, binds to 127.0.0.1 only, stops by itself after
# 30 minutes at most, and is stopped by its PID when the tests end.
set -euo pipefail
: "${SERVER_BIN:?SERVER_BIN must point to the release server binary}"
logs="${CARGO_TARGET_DIR:-target}/test-logs"
mkdir -p "$logs"
logs="$(cd "$logs" && pwd)"
port="${E2E_PORT:-3100}"
work="$(mktemp -d)"
export DATABASE_URL="sqlite://$work/e2e.sqlite?mode=rwc"
export SITE_ADDR="127.0.0.1:$port"
export PUBLIC_URL="http://127.0.0.1:$port"
# Every browser test applies from 127.0.0.1; the limit itself is tested in the integration tests.
export APPLICATIONS_PER_HOUR=1000
# The same for sign-ins: the suite signs in far more often than 30 times in 15 minutes.
export SIGN_INS_PER_ADDRESS=100000
# Lets the whole-life test move the clock (`POST /test/clock`); production never sets it.
export APP_ENV=test
export SERVER_BIN

"$SERVER_BIN" seed >"$work/seed.log" 2>&1 || { cat "$work/seed.log"; exit 1; }
timeout 1800 "$SERVER_BIN" >"$logs/e2e-server.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$logs/e2e-server.log"; exit 1; fi
  sleep 0.5
done

cd end2end
BASE_URL="http://127.0.0.1:$port" PLAYWRIGHT_JSON_OUTPUT_NAME="$logs/playwright.json" \
  npx playwright test --reporter=list,json "$@"
