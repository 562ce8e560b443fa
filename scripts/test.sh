#!/usr/bin/env bash
# The whole test suite: formatting, clippy, native tests, browser tests (wasm-bindgen-test in headless
# Chromium), the release build, its size budget, and end-to-end flows against dist/ under a sub-path.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
export CARGO_TERM_COLOR=never

start=$SECONDS
step() { printf '\n== %s (%ss)\n' "$*" $((SECONDS - start)); }

step "rustfmt"
cargo fmt --all -- --check

step "architecture (no import cycle, route groups stand alone, no raw handler, small ui files)"
node --test scripts/check-architecture.test.mjs
node scripts/check-architecture.mjs

step "clippy"
cargo clippy --all-targets --locked -- -D warnings

step "native tests (domain, content, translations)"
cargo test --locked

step "browser tests (wasm-bindgen-test, headless Chromium: storage adapters, stores, components)"
cargo test --locked --target wasm32-unknown-unknown --test browser --test components

step "release build"
trunk build --release

step "size report"
node scripts/size-report.mjs dist

step "end-to-end tests (size budget, desktop and phone, under /a/b/)"
node --test --test-concurrency=1 --test-force-exit tests/e2e/

step "done in $((SECONDS - start))s"
