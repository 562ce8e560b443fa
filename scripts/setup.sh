#!/usr/bin/env bash
# Installs every tool the project needs. Idempotent, and quick (a few seconds) when all is present.
#   - the wasm32 Rust target
#   - trunk 0.21.14, and wasm-bindgen-cli equal to the wasm-bindgen version in Cargo.lock
#   - npm packages from package-lock.json (binaryen's wasm-opt, terser, playwright-core, axe-core,
#     lighthouse 12.8.2: the last release that runs on Node 20; 13 needs Node 22.19)
#   - Debian's chromium and chromium-driver (for browser tests)
#   - every crate, fetched so that Trunk can build offline
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
say() { printf 'setup: %s\n' "$*"; }

WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [[ -z "$WB_VERSION" ]]; then
  say "cannot read the wasm-bindgen version from Cargo.lock"; exit 1
fi
if ! grep -q "^wasm_bindgen = \"$WB_VERSION\"" Trunk.toml; then
  say "Trunk.toml [tools] wasm_bindgen must equal Cargo.lock's wasm-bindgen ($WB_VERSION)"; exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -qF "$TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 6 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# No --locked here: the registry lacks one of wasm-bindgen-cli's pinned dependencies.
if ! wasm-bindgen --version 2>/dev/null | grep -qF "$WB_VERSION" \
  || ! wasm-bindgen-test-runner --version 2>/dev/null | grep -qF "$WB_VERSION"; then
  say "installing wasm-bindgen-cli $WB_VERSION (about 2 minutes)"
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing Debian's chromium and chromium-driver"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; fi
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if [[ ! -f node_modules/.setup-stamp ]] || ! cmp -s package-lock.json node_modules/.setup-stamp; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.setup-stamp
fi

cargo fetch --locked --quiet
say "all tools present"
