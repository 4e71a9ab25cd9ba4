#!/usr/bin/env bash
# Builds and runs the benchmark on the bundled corpus (or the directory given).
#   usage: bench/run.sh [CORPUS_DIR] [MIN_SECONDS]
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"
install_missing_packages
cmake -S "$XXGK_ROOT" -B "$XXGK_BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$XXGK_BUILD" -j "$(nproc)" --target xxgk_bench
"$XXGK_BUILD/bench/xxgk_bench" "${1:-$XXGK_ROOT/corpus}" "${2:-2}"
