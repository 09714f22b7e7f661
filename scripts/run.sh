#!/usr/bin/env bash
# Installs what is missing and runs Sanctuary on its embedded default with the demo city content.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product sanctuary
exec .build/release/sanctuary chat "$@"
