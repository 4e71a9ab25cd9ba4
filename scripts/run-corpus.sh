#!/usr/bin/env bash
# Quick start 1: install what is missing, build, and compile the bundled corpus.
# Prints every diagnostic, and writes the cells as CSV and one JSON document per report.
#   usage: scripts/run-corpus.sh [OUTPUT_DIR] [PATH...]   (default: out/ and corpus/)
set -euo pipefail
source "$(dirname "$0")/common.sh"
install_missing_packages
build_xxgk

out=${1:-$XXGK_ROOT/out}
shift || true
inputs=("$@")
[ ${#inputs[@]} -eq 0 ] && inputs=("$XXGK_ROOT/corpus")
mkdir -p "$out"

# Exit code 1 means "the reports have errors", which is what this job is for finding.
status=0
"$XXGK_BUILD/xxgk" check --format human "${inputs[@]}" || status=$?
[ "$status" -gt 1 ] && exit "$status"
"$XXGK_BUILD/xxgk" compile --emit csv -o "$out/cells.csv" "${inputs[@]}" 2>/dev/null || [ $? -eq 1 ]
"$XXGK_BUILD/xxgk" compile --emit json -o "$out/json" "${inputs[@]}" 2>/dev/null || [ $? -eq 1 ]
echo "xxgk: cells written to $out/cells.csv ($(($(wc -l <"$out/cells.csv") - 1)) cells); JSON documents in $out/json/"
