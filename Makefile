# The two commands of the README:
#   make run   builds, prepares the SQLite database with demo data, serves on http://127.0.0.1:3000
#   make test  runs every check CI runs: format, clippy, unit, integration (SQLite and
#              PostgreSQL) and browser tests against a release build.
# Both install the tools they need when missing. CARGO_TARGET_DIR, when set,
# lets repeated runs reuse a build directory outside the checkout.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

CARGO_LEPTOS_VERSION := 0.3.10
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/{getline; gsub(/"/,"",$$3); print $$3; exit}' Cargo.lock)
TARGET_DIR := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)
SERVER_BIN := $(TARGET_DIR)/release/server
export PATH := $(CURDIR)/end2end/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: run test tools test-tools npm build-release audit race-test race crash-test crash bench-pages bench-web lint unit-and-integration e2e bench bench-matching bench-impact bench-import

run: tools npm build-release
	@mkdir -p data
	@DATABASE_URL="$${DATABASE_URL:-sqlite://data/duo.sqlite?mode=rwc}" $(SERVER_BIN) seed --if-empty
	@echo
	@echo "  Duo mentoring is starting on http://$${SITE_ADDR:-127.0.0.1:3000}"
	@echo "  Demo sign-ins (password: demo-password-2026):"
	@echo "    admin        admin@demo.duo.be"
	@echo "    coordinator  coordinator.brussels@demo.duo.be   (Brussels)"
	@echo "    manager      manager@demo.duo.be"
	@echo "    mentor       use 'Get a sign-in link' with mentor1@demo.duo.be; the link is on /admin/outbox"
	@echo
	DATABASE_URL="$${DATABASE_URL:-sqlite://data/duo.sqlite?mode=rwc}" $(SERVER_BIN)

test: tools test-tools audit lint unit-and-integration build-release e2e
	@$(MAKE) --no-print-directory race RACE_ROUNDS=50
	@$(MAKE) --no-print-directory crash CRASH_CYCLES=8
	@.ci/summary.sh

tools:
	@.ci/install-tools.sh "$(CARGO_LEPTOS_VERSION)" "$(WASM_BINDGEN_VERSION)"

test-tools: npm
	@command -v chromium >/dev/null || { echo "installing chromium"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

npm:
	@if [ ! -x end2end/node_modules/.bin/playwright ] || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then \
		(cd end2end && npm ci --no-audit --no-fund); fi

# The static files get brotli (quality 11) and gzip copies, which the server sends as they are.
# --split puts each staff page (lazy routes) in a WebAssembly chunk of its own; the browser
# build needs it, because a lazy route imports its chunk's loader.
build-release:
	cargo leptos build --release --split
	$(SERVER_BIN) precompress $(CURDIR)/target/site

# The dependency audit, offline: cargo-audit against the RustSec snapshot beside the checkout
# (a git bundle). A vulnerability fails it; warnings (unmaintained crates) are printed.
ADVISORY_BUNDLE ?= $(CURDIR)/../shared/advisory-db/advisory-db.bundle
audit:
	@test -f "$(ADVISORY_BUNDLE)" || { echo "no advisory snapshot at $(ADVISORY_BUNDLE): set ADVISORY_BUNDLE"; exit 1; }
	@db="$$(mktemp -d)"; trap 'rm -rf "$$db"' EXIT; \
	git -c init.defaultBranch=main clone -q "$(ADVISORY_BUNDLE)" "$$db/advisory-db"; \
	cargo audit --db "$$db/advisory-db" --no-fetch --no-yanked

# Up to 16 clients at once try to put the same mentor, or the same mentee, into a duo: two
# server processes on PostgreSQL, one on SQLite. It prints attempts, successes (one per round)
# and double bookings (none). make test runs 50 rounds of each.
RACE_ROUNDS ?= 1000
race-test: build-release race
race:
	python3 server/stress/race_test.py --server $(SERVER_BIN) --backend postgres --rounds $(RACE_ROUNDS)
	python3 server/stress/race_test.py --server $(SERVER_BIN) --backend sqlite --rounds $(RACE_ROUNDS)

# The release server on core 0 is killed with SIGKILL at random moments while 24 clients on
# core 1 log meetings and propose duos; after each kill the database is checked against the
# ledger of acknowledged writes. Prints cycles, writes checked and losses (none), on SQLite and
# PostgreSQL. make test runs 8 cycles of each.
CRASH_CYCLES ?= 100
crash-test: build-release crash
crash:
	python3 server/stress/crash_test.py --server $(SERVER_BIN) --backend sqlite --cycles $(CRASH_CYCLES)
	python3 server/stress/crash_test.py --server $(SERVER_BIN) --backend postgres --cycles $(CRASH_CYCLES)

# Lighthouse (mobile) on /volunteer, /mentor and /mentor/meeting against the release build:
# performance and accessibility scores, and what a phone downloads on its first load.
# BENCH_PAGES_RUNS=3 takes the median of three runs. Lighthouse has its own npm folder, so
# that make test does not install it.
BENCH_PAGES_RUNS ?= 1
bench-pages: test-tools build-release
	@if [ ! -x end2end/lighthouse/node_modules/.bin/lighthouse ] || [ end2end/lighthouse/package-lock.json -nt end2end/lighthouse/node_modules/.package-lock.json ]; then \
		(cd end2end/lighthouse && npm ci --no-audit --no-fund); fi
	python3 server/stress/bench_pages.py --server $(SERVER_BIN) --runs $(BENCH_PAGES_RUNS)

# wrk on loopback against the release server on the demo data: the mentor home, the matching
# board, the public sign-up and log_meeting, beside `server hello-world` as the ceiling. Prints
# requests per second, p50, p99, errors and the share of the ceiling, and each goal.
bench-web: build-release
	python3 server/stress/bench_web.py --server $(SERVER_BIN)

# The browser build is not linted separately: on a cold target that costs
# eight minutes of CI for the few hydrate-only lines, which the release build
# compiles anyway.
lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --exclude frontend --all-targets --features app/ssr -- -D warnings

unit-and-integration:
	.ci/cargo-tests.sh

e2e:
	SERVER_BIN=$(SERVER_BIN) .ci/e2e.sh

bench: bench-matching bench-impact bench-import

# The impact dashboard on the demo data and on twenty times as much, on SQLite and (when a
# server answers on 127.0.0.1:5432, or BENCH_POSTGRES_URL says where) on PostgreSQL.
bench-impact:
	@if [ -z "$${BENCH_POSTGRES_URL:-}" ] && (echo > /dev/tcp/127.0.0.1/5432) 2>/dev/null; then \
		export BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test; fi; \
	cargo bench -p server --bench impact

# The CSV import of 10,000 mentors through the server functions (check, import, the same file
# again), on SQLite and (as bench-impact finds it) PostgreSQL; target: under 30 s.
bench-import:
	@if [ -z "$${BENCH_POSTGRES_URL:-}" ] && (echo > /dev/tcp/127.0.0.1/5432) 2>/dev/null; then \
		export BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test; fi; \
	cargo bench -p server --bench import

# The assignment solver: criterion benchmarks, then the same matrices timed
# against lap (LAPJV, lapmod) and SciPy, printed side by side as ratios.
bench-matching:
	cargo bench -p app --features ssr --bench assignment
	cargo build --release -p app --features ssr --example assignment_timings
	@if command -v python3 >/dev/null; then \
		python3 -m pip install --quiet numpy scipy lap \
			|| echo "note: could not install numpy, scipy and lap; only our timings follow"; \
		python3 app/benches/compare_lap.py --ours $(TARGET_DIR)/release/examples/assignment_timings; \
	else \
		echo "note: python3 is not available, so lap and SciPy cannot be compared; our timings:"; \
		$(TARGET_DIR)/release/examples/assignment_timings; \
	fi
