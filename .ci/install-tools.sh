#!/usr/bin/env bash
# Installs the build tools when missing or at the wrong version, and nothing
# else: a second run costs a few version checks. Everything comes from
# crates.io; cargo-leptos is built with `no_downloads` so that it never
# fetches helper binaries from the web.
set -euo pipefail
want_leptos="$1"
want_bindgen="$2"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  rustup component list --installed | grep -q "^$component" || rustup component add "$component"
done

have_leptos="$(cargo leptos --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have_leptos" != "$want_leptos" ]; then
  echo "installing cargo-leptos $want_leptos (about 17 minutes on 2 cores)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install cargo-leptos --version "$want_leptos" --locked --features no_downloads
fi

have_bindgen="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have_bindgen" != "$want_bindgen" ]; then
  echo "installing wasm-bindgen-cli $want_bindgen to match Cargo.lock"
  cargo install wasm-bindgen-cli --version "$want_bindgen" --locked
fi

# The offline dependency audit (make audit).
want_audit="0.22.2"
have_audit="$(cargo audit --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have_audit" != "$want_audit" ]; then
  echo "installing cargo-audit $want_audit (about 4 minutes on 2 cores)"
  cargo install cargo-audit --version "$want_audit" --locked
fi

# The test runner: one process per test (see .config/nextest.toml). Any version will do.
if ! cargo nextest --version >/dev/null 2>&1; then
  echo "installing cargo-nextest (about 6 minutes on 2 cores)"
  cargo install cargo-nextest --locked
fi
