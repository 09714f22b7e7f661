#!/usr/bin/env bash
# Installs what is missing and runs the Sanctuary service on its embedded default: SQLite in ./data,
# the demo city content, http://127.0.0.1:8080 (web chat at /chat). Extra arguments go to `sanctuary serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product sanctuary
exec .build/release/sanctuary serve "$@"
