#!/usr/bin/env bash
# The developer loop: builds and serves the app at http://127.0.0.1:${PORT:-8080}/, rebuilding and
# reloading the page on every change.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
exec trunk serve --address 127.0.0.1 --port "${PORT:-8080}" "$@"
