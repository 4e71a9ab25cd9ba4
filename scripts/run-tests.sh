#!/usr/bin/env bash
# Quick start 2: install what is missing, build, and run the whole test suite through CTest.
set -euo pipefail
source "$(dirname "$0")/common.sh"
install_missing_packages
build_xxgk
cd "$XXGK_BUILD"
ctest --output-on-failure
