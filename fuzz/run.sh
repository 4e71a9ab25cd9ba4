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
targets=(${XXGK_FUZZ_TARGETS:-pipeline report lsp})
cmake --build "$build" -j 2 --target xxgk_fuzz_dictionary "${targets[@]/#/xxgk_fuzz_}"
"$build/fuzz/xxgk_fuzz_dictionary" >"$build/report.dict"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for target in "${targets[@]}"; do
    work=$build/corpus-$target
    mkdir -p "$work" "$build/findings/$target"
    # Seeds by content hash (many fixtures share a file name, trigger.txt): reports, or for the
    # language server whole sessions; the dictionary likewise.
    dict=$build/report.dict
    seeds=("$root/corpus" "$root/tests/fuzz-regressions")
    if [ "$target" = lsp ]; then dict=$root/fuzz/lsp.dict; seeds=("$root/fuzz/lsp-seeds"); fi
    find "${seeds[@]}" -type f \( -name '*.txt' -o -name '*.bin' \) -print0 |
        while IFS= read -r -d '' f; do cp "$f" "$work/$(sha1sum <"$f" | cut -c1-16)"; done
    echo "== $target: $seconds s"
    "$build/fuzz/xxgk_fuzz_$target" "$work" -dict="$dict" -max_total_time="$seconds" \
        -max_len=262144 -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$build/findings/$target/" >"$build/fuzz-$target.log" 2>&1 || true
    grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|SUMMARY)' "$build/fuzz-$target.log" || tail -5 "$build/fuzz-$target.log"
    echo "findings: $(ls "$build/findings/$target" | wc -l) (in $build/findings/$target)"
done
