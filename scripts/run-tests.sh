#!/usr/bin/env bash
# Quick start 2: install what is missing, build, and run the whole test suite through CTest.
set -euo pipefail
source "$(dirname "$0")/common.sh"
install_missing_packages
build_xxgk
(cd "$XXGK_BUILD" && ctest --output-on-failure)

# The same suite once more, built with AddressSanitizer (with LeakSanitizer) and
# UndefinedBehaviorSanitizer: a memory error, leak or undefined behaviour anywhere fails it.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
build_xxgk "$XXGK_ROOT/build-sanitize" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DXXGK_SANITIZE=address,undefined
(cd "$XXGK_ROOT/build-sanitize" && ctest --output-on-failure)
