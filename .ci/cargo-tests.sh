#!/usr/bin/env bash
# Unit and integration tests. Integration tests run on SQLite always, and on
# PostgreSQL when TEST_DATABASE_URL is set or a server answers on
# 127.0.0.1:5432. With CI set, a missing PostgreSQL fails the run.
set -euo pipefail
logs="${CARGO_TARGET_DIR:-target}/test-logs"
mkdir -p "$logs"

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  if (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
    export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:5432/postgres"
  elif [ -n "${CI:-}" ]; then
    echo "CI is set but no PostgreSQL answers on 127.0.0.1:5432 and TEST_DATABASE_URL is unset" >&2
    exit 1
  else
    echo "note: no PostgreSQL found; integration tests run on SQLite only"
  fi
fi

# The frontend crate is left out: building it beside the server would merge
# the `hydrate` feature into `app`, and hydrate-only effects (leptos_i18n's
# cookie sync) would then run inside the server's tests and panic.
#
# cargo-nextest runs each test in a process of its own (see .config/nextest.toml): several
# Leptos servers in one test process sometimes left a page request unanswered forever. The
# documentation examples, which nextest does not run, go through cargo test.
cargo nextest run --workspace --exclude frontend --features app/ssr 2>&1 | tee "$logs/cargo.log"
cargo test --workspace --exclude frontend --features app/ssr --doc 2>&1 | tee -a "$logs/cargo.log"
