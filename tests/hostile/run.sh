#!/usr/bin/env bash
# The hostile-input suite: inputs a crawler may bring home or a user may type, each with the exit
# code and the diagnostic it must get, within bounded time and memory. Prints a table of input,
# exit code, diagnostic, seconds and peak memory; fails on any mismatch or limit exceeded.
# usage: run.sh XXGK CORPUS_DIR
set -uo pipefail
xxgk=$1
corpus=$2
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
seed=$(ls "$corpus"/seeds/001_*.txt | head -1)
max_seconds=20
max_kib=$((128 * 1024))  # the 200 MB case is refused by its size, never read
passed=0
failed=0

# case NAME EXIT CODE-REGEX -- ARGS...  (CODE-REGEX is matched against stdout+stderr; NONE: no diagnostic)
case_() {
    local name=$1 want_exit=$2 want=$3
    shift 4
    local out
    out=$(/usr/bin/time -f '%e %M' -o "$work/time" "$xxgk" "$@" 2>&1)
    local got=$?
    read -r seconds kib < <(tail -1 "$work/time")
    local shown
    shown=$(grep -o 'XG[0-9]\{4\}' <<<"$out" | sort | uniq -c | awk '{printf "%s%s×%s", sep, $2, $1; sep=" "}')
    local ok=1
    [ "$got" = "$want_exit" ] || ok=0
    if [ "$want" = NONE ]; then grep -q 'XG[0-9]\{4\}' <<<"$out" && ok=0; else grep -Eq "$want" <<<"$out" || ok=0; fi
    awk -v s="$seconds" -v m="$max_seconds" 'BEGIN { exit !(s <= m) }' || ok=0
    [ "$kib" -le "$max_kib" ] || ok=0
    printf '| %-44s | %4s | %-28s | %6ss | %7s KiB |%s\n' "$name" "$got" "${shown:-—}" "$seconds" "$kib" "$([ $ok = 1 ] || echo ' FAIL')"
    if [ $ok = 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "$out" | head -5; fi
}

printf '| %-44s | %4s | %-28s | %7s | %11s |\n' input exit diagnostics time "peak memory"
: >"$work/empty.txt"
case_ "empty file" 1 'XG0002' -- check --format gcc "$work/empty.txt"
printf ' \n\t\r\n   \n' >"$work/blank.txt"
case_ "only white space" 1 'XG0002' -- check --format gcc "$work/blank.txt"
head -c 4096 /bin/ls >"$work/binary.txt"
case_ "a binary file" 1 'XG0003' -- check --format gcc "$work/binary.txt"
{ head -c 3000 "$seed"; printf 'ab\0cd'; tail -c +3001 "$seed"; } >"$work/nul.txt"
case_ "a NUL byte in a report" 1 'XG0003' -- check --format gcc "$work/nul.txt"
python3 - "$seed" "$work/invalid.txt" <<'PY'
import sys
t = open(sys.argv[1], 'rb').read()
at = t.index('（一）予以公开'.encode()) if '（一）予以公开'.encode() in t else t.index(b'(\xe4\xb8\x80)')
open(sys.argv[2], 'wb').write(t[:at] + b'\xff' + t[at:])
PY
case_ "invalid UTF-8 in the middle of a table" 1 'error: not valid UTF-8 text: byte 0xFF \[XG0005\]' -- check --format gcc "$work/invalid.txt"
python3 -c "import sys; sys.stdout.write('一' * (10 * 1024 * 1024 // 3))" >"$work/long-line.txt"
case_ "a single 10 MB line" 1 'XG0006' -- check --format gcc "$work/long-line.txt"
head -c $((200 * 1024 * 1024)) /dev/zero | tr '\0' 'a' >"$work/huge.txt"
case_ "a 200 MB file (limit 64 MiB)" 1 'XG0009' -- check --format gcc "$work/huge.txt"
python3 -c "import sys; sys.stdout.write('一、总体情况\n' * 100000)" >"$work/headings.txt"
case_ "100,000 repeated section headings" 1 'XG1001' -- check --format gcc --severity error "$work/headings.txt"
python3 - "$seed" "$work/rows.txt" <<'PY'
import sys
t = open(sys.argv[1], encoding='utf-8').read()
row = '（一）予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n'
at = t.index('三、收到和处理')
open(sys.argv[2], 'w', encoding='utf-8').write(t[:at] + '三、收到和处理政府信息公开申请情况\n' + row * 10000 + t[at:])
PY
case_ "a table with 10,000 rows" 1 'XG1103' -- check --format gcc "$work/rows.txt"
python3 - "$seed" "$work/nested.txt" <<'PY'
import sys
t = open(sys.argv[1], encoding='utf-8').read()
at = t.index('三、收到和处理')
open(sys.argv[2], 'w', encoding='utf-8').write(t[:at] + '（' * 50000 + '（一）予以公开' + '）' * 50000 + '\n' + t[at:])
PY
case_ "50,000 nested brackets around a label" 0 NONE -- check --format gcc --severity error "$work/nested.txt"
python3 - "$seed" "$work/digits.txt" <<'PY'
import re, sys
t = open(sys.argv[1], encoding='utf-8').read()
i = t.index('二、上年结转')
m = re.compile(r'\d+').search(t, i + 6)
open(sys.argv[2], 'w', encoding='utf-8').write(t[:m.start()] + '9' * 400 + t[m.end():])
PY
case_ "a number with 400 digits" 1 'XG3006' -- check --format gcc "$work/digits.txt"
mkdir -p "$work/loop/inner" && cp "$seed" "$work/loop/inner/report.txt" && ln -s .. "$work/loop/inner/up"
case_ "a directory loop made with a symlink" 0 NONE -- check --format gcc "$work/loop"
mkdir "$work/folder.txt"
case_ "a path that cannot be read (a directory)" 2 'XG0001' -- check --format gcc "$work/folder.txt"
ln -s "$work/nowhere" "$work/dangling.txt"
case_ "a dangling symlink" 2 'XG0001' -- check --format gcc "$work/dangling.txt"
case_ "output to a full device (/dev/full)" 2 'XG0011' -- compile --emit csv -o /dev/full "$seed"
case_ "output under a device, not a directory" 2 'XG0011' -- compile --emit csv -o /dev/full/cells.csv "$seed"
mkdir "$work/readonly" && chmod 555 "$work/readonly"
if [ "$(id -u)" = 0 ]; then
    # root writes into a read-only directory anyway; /proc refuses everyone.
    case_ "output to a read-only location" 2 'XG0011' -- compile --emit csv -o /proc/xxgk-cells.csv "$seed"
else
    case_ "output to a read-only location" 2 'XG0011' -- compile --emit csv -o "$work/readonly/cells.csv" "$seed"
fi
[ -z "$(ls "$work/readonly")" ] || { echo "FAIL: a partial output file was left behind"; failed=$((failed + 1)); }

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
