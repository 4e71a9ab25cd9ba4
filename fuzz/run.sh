#!/usr/bin/env bash
# fuzz/run.sh [SECONDS] — builds the libFuzzer targets with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer, and runs each for SECONDS (default 60) on a corpus seeded from
# corpus/, with a dictionary made from the template data. Findings land in build-fuzz/findings/;
# a finding, once fixed, is copied to tests/fuzz-regressions/ where CTest replays it forever.
set -euo pipefail
seconds=${1:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build-fuzz
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DXXGK_FUZZ=ON \
    -DXXGK_SANITIZE=address,undefined -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -j 2 --target xxgk_fuzz_pipeline xxgk_fuzz_dictionary
"$build/fuzz/xxgk_fuzz_dictionary" >"$build/report.dict"

work=$build/corpus-pipeline
mkdir -p "$work" "$build/findings"
find "$root/corpus" "$root/tests/fuzz-regressions" -type f \( -name '*.txt' -o -name '*.bin' \) -exec cp -n {} "$work/" \;

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
"$build/fuzz/xxgk_fuzz_pipeline" "$work" -dict="$build/report.dict" -max_total_time="$seconds" \
    -max_len=262144 -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$build/findings/" 2>&1 | tee "$build/fuzz-pipeline.log" | grep -E '^(#[0-9]+.*(pulse|DONE)|stat::|==|SUMMARY)' || true
echo "findings: $(ls "$build/findings" | wc -l) (in $build/findings)"
