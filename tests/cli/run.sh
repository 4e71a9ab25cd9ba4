#!/usr/bin/env bash
# The command line as a user meets it: exit codes and the diagnostic each bad input gets.
# usage: run.sh XXGK CORPUS_DIR
set -u
xxgk=$1 corpus=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0

# expect NAME EXIT_CODE PATTERN -- ARGS...: runs xxgk ARGS, checks its exit code and that its
# output (stdout and stderr) matches the extended regular expression PATTERN (NOTHING: is empty).
expect() {
    local name=$1 want=$2 pattern=$3
    shift 4
    local out code
    out=$("$xxgk" "$@" 2>&1)
    code=$?
    if [ "$code" = "$want" ] && { if [ "$pattern" = NOTHING ]; then [ -z "$out" ]; else printf '%s' "$out" | grep -Eq -- "$pattern"; fi; }; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        printf 'FAIL %s: exit %s (want %s); output:\n%s\n' "$name" "$code" "$want" "$(printf '%s' "$out" | head -5)"
    fi
}

# expect_not NAME EXIT_CODE PATTERN -- ARGS...: as expect, but the output must NOT match PATTERN.
expect_not() {
    local name=$1 want=$2 pattern=$3
    shift 4
    local out code
    out=$("$xxgk" "$@" 2>&1)
    code=$?
    if [ "$code" = "$want" ] && ! printf '%s' "$out" | grep -Eq -- "$pattern"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        printf 'FAIL %s: exit %s (want %s); output:\n%s\n' "$name" "$code" "$want" "$(printf '%s' "$out" | head -5)"
    fi
}

# expect_true NAME COMMAND...: a test of its own; COMMAND must succeed.
expect_true() {
    local name=$1
    shift
    if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $name"; fi
}

seed000=$corpus/seeds/000_704cb6b2f54004eb.txt
: >"$work/empty.txt"
printf ' \n\t\n' >"$work/blank.txt"
printf 'PK\003\004\000\000binary' >"$work/binary.txt"
printf 'plain text, not a report\n' >"$work/page.txt"
head -n 300 "$seed000" >"$work/truncated.txt"
head -c 10001 "$seed000" >"$work/cut-in-a-character.txt"
printf '\xff\xfe\x00\x001\x00\x00\x00' >"$work/utf32.txt"
printf 'abc \xff\xfe\n' >"$work/invalid.txt"
mkdir "$work/emptydir"
# A clean report whose last character is cut: one warning (XG0007) and nothing else.
cat "$corpus/seeds/002_6fd43bb944f829ae.txt" >"$work/warning-only.txt"
printf '\xe4' >>"$work/warning-only.txt"

expect "seed 000 fails T3-BAL at （七）总计 自然人" 1 ':504:1: error: .*\[XG2001\]' -- check --format gcc "$seed000"
expect "seed 000 blames （七）总计 and suggests 6" 1 ':516:1: note: change （七）总计 · 总计 from 0 to 6' -- check --format gcc "$seed000"
expect "seed 000 names row 一 as related" 1 ':154:1: note: 一、本年新收' -- check --format gcc "$seed000"
for seed in "$corpus"/seeds/00[1-4]_*.txt; do
    expect "$(basename "$seed") is clean" 0 NOTHING -- check --format gcc "$seed"
done
expect "the corpus directory as one input" 1 '000_704cb6b2f54004eb.txt:504:1' -- check --format gcc "$corpus"
expect "empty file" 1 'empty.txt:1:1: error: .*\[XG0002\]' -- check --format gcc "$work/empty.txt"
expect "white space only" 1 '\[XG0002\]' -- check --format gcc "$work/blank.txt"
expect "binary file" 1 'binary.txt:1:5: error: .*\[XG0003\]' -- check --format gcc "$work/binary.txt"
expect "not a report" 1 '\[XG0006\]' -- check --format gcc "$work/page.txt"
expect "truncated report" 1 'section 四 .* is missing \[XG1001\]' -- check --format gcc --lang en "$work/truncated.txt"
expect "cut inside a character" 1 'warning: the file ends inside a character; its last [12] bytes are ignored \[XG0007\]' -- check --format gcc --lang en "$work/cut-in-a-character.txt"
expect "UTF-32" 1 'unsupported encoding: UTF-32 \[XG0004\]' -- check --format gcc --lang en "$work/utf32.txt"
expect "neither UTF-8 nor GB18030" 1 'invalid.txt:1:5: error: not valid UTF-8 / GB18030 text: byte 0xFF \[XG0005\]' -- check --format gcc --lang en "$work/invalid.txt"
expect "empty directory" 2 '\[XG0001\]' -- check --format gcc "$work/emptydir"
expect "missing file" 2 'no-such-file.txt.*\[XG0001\]' -- check --format gcc "$work/no-such-file.txt"
expect "a missing file does not stop the others" 2 '000_704cb6b2f54004eb.txt:504:1' -- check --format gcc "$work/no-such-file.txt" "$seed000"
expect "Chinese messages" 1 '（七）总计 · 自然人、总计分别填为0、0，按勾稽关系应分别为6、6' -- check --format gcc --lang zh "$seed000"
expect "stdin" 1 'named.txt:504:1' -- check --format gcc --stdin-filename named.txt - <"$seed000"
expect "human format" 1 '504 \| 0' -- check --format human --color never "$seed000"
expect "json diagnostics" 1 '"code": "XG2001"' -- check --format json "$seed000"
expect "csv header" 1 '^file,template,table,row,column,value,unit,raw,line,col' -- compile --emit csv "$seed000"
expect "json document" 0 '"schema": "xxgk/report@1"' -- compile --emit json "$corpus/seeds/002_6fd43bb944f829ae.txt"
expect "json needs -o for several inputs" 2 'needs -o DIR' -- compile --emit json "$corpus"
expect "json to a directory" 1 '' -- compile --emit json -o "$work/json" "$corpus/seeds"
reports=$(find "$corpus/seeds" -name '*.txt' | wc -l)
[ "$(ls "$work/json" | wc -l)" = "$reports" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: -o DIR wrote $(ls "$work/json" | wc -l) files for $reports reports"; }
expect "explain" 0 'column of table 三' -- explain XG2001 --lang en
expect "explain unknown" 2 'unknown diagnostic code' -- explain XG9999
expect "usage error" 2 '' -- check --format nonsense "$seed000"

# Formats.
expect "sarif" 1 '"version": "2\.1\.0"' -- check --format sarif "$seed000"
expect "sarif results name their rule" 1 '"ruleId": "XG2001"' -- check --format sarif "$seed000"
expect "sarif in UTF-16 columns" 1 '"columnKind": "utf16CodeUnits"' -- check --format sarif --column-unit utf16 "$seed000"
expect "sarif of an unreadable path" 2 '"uri": "[^"]*no-such-file\.txt"' -- check --format sarif "$work/no-such-file.txt"
expect "jsonl: one object per line" 1 '^\{"code":"XG2001",' -- check --format jsonl "$seed000"
expect "compile --format sarif writes diagnostics beside the output" 1 '"ruleId": "XG2001"' -- compile --emit csv --format sarif "$seed000"

# The summary line, the severity filter, --quiet.
expect "a warning alone exits 0" 0 'warning-only\.txt:[0-9]+:[0-9]+: warning: .*\[XG0007\]' -- check --format gcc "$work/warning-only.txt"
expect "summary after gcc output" 0 '^1 warning generated$' -- check --format gcc --lang en "$work/warning-only.txt"
expect "summary after human output" 1 '^[0-9]+ errors? generated$' -- check --format human --color never --lang en "$seed000"
expect "summary in Chinese" 0 '^1 个警告$' -- check --format gcc --lang zh "$work/warning-only.txt"
expect_not "--quiet: no summary" 0 'generated' -- check --format gcc --quiet --lang en "$work/warning-only.txt"
expect_not "no summary after json" 0 'generated' -- check --format json --lang en "$work/warning-only.txt"
expect_not "no summary after sarif" 0 'generated' -- check --format sarif --lang en "$work/warning-only.txt"
expect "--severity warning shows warnings" 0 '\[XG0007\]' -- check --format gcc --severity warning "$work/warning-only.txt"
expect "--severity error hides them" 0 NOTHING -- check --format gcc --quiet --severity error "$work/warning-only.txt"
expect "-W error counts hidden warnings" 1 NOTHING -- check --format gcc --quiet --severity error -W error "$work/warning-only.txt"
expect "--severity error keeps errors" 1 '\[XG2001\]' -- check --format gcc --severity error "$seed000"
expect_not "no escape codes with --color never" 1 $'\x1b' -- check --format human --color never "$seed000"
expect "escape codes with --color always" 1 $'\x1b\\[1;91merror' -- check --format human --color always "$seed000"

# explain.
expect "explain lists every code" 0 '^XG2001  error    column "…" does not balance' -- explain --lang en
expect "explain in Chinese" 0 '^公式：一 \+ 二 = （七）总计 \+ 四' -- explain XG2001 --lang zh
expect_not "explain --lang zh is Chinese only" 0 '^formula:' -- explain XG2001 --lang zh
expect "explain has the worked example" 0 '^Example: 一 = 6' -- explain XG2001 --lang en
expect "explain takes the code in any case" 0 '^XG2001 \(error\)' -- explain xg2001 --lang en
expect "explain suggests the nearest codes" 2 'did you mean .*XG2000' -- explain XG2010
line_of() { printf '%s\n' "$1" | grep -n -m1 -- "$2" | cut -d: -f1; }
both_zh=$(LC_ALL=zh_CN.UTF-8 "$xxgk" explain XG2001)
expect_true "explain: both languages, a Chinese locale's first" [ "$(line_of "$both_zh" '^公式')" -lt "$(line_of "$both_zh" '^formula')" ]
both_en=$(LC_ALL=C "$xxgk" explain XG2001)
expect_true "explain: both languages, English first otherwise" [ "$(line_of "$both_en" '^formula')" -lt "$(line_of "$both_en" '^公式')" ]

# Batches: -j, output order, aggregate and per-input outputs, unreadable inputs, progress.
same_for_1_and_2_jobs() {  # FORMAT ARGS...: stdout and stderr of -j 1 and -j 2 byte for byte
    local name=$1
    shift
    "$xxgk" "$@" -j 1 >"$work/j1.$name.out" 2>"$work/j1.$name.err"
    "$xxgk" "$@" -j 2 >"$work/j2.$name.out" 2>"$work/j2.$name.err"
    [ -s "$work/j1.$name.out" ] && cmp -s "$work/j1.$name.out" "$work/j2.$name.out" && cmp -s "$work/j1.$name.err" "$work/j2.$name.err"
}
expect_true "-j 1 and -j 2: the same csv" same_for_1_and_2_jobs csv compile --emit csv "$corpus" "$corpus"
expect_true "-j 1 and -j 2: the same jsonl" same_for_1_and_2_jobs jsonl compile --emit jsonl "$corpus"
expect_true "-j 1 and -j 2: the same gcc diagnostics" same_for_1_and_2_jobs gcc check --format gcc "$corpus" "$corpus"
expect_true "-j 1 and -j 2: the same sarif" same_for_1_and_2_jobs sarif check --format sarif "$corpus"
expect_true "-j 1 and -j 2: the same json diagnostics" same_for_1_and_2_jobs json check --format json "$corpus"
expect_true "--format json of a batch is one array" python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$work/j2.json.out"
expect "the batch summary" 1 '^[0-9]+ files: [0-9]+ compiled \([0-9]+ on the 2019 form' -- check --format gcc --lang en "$corpus/seeds"
expect "the most frequent codes" 1 '^most frequent: XG2001 ×1$' -- check --format gcc --lang en "$corpus/seeds"
expect_not "no batch summary with --quiet" 1 'files: ' -- check --format gcc --quiet "$corpus/seeds"
expect_not "no batch summary for one file" 1 'files: ' -- check --format gcc "$seed000"
expect "-j must be positive" 2 '' -- check -j 0 "$seed000"
seed001=$(ls "$corpus"/seeds/001_*.txt)
"$xxgk" compile --emit csv -o "$work/batch.csv" "$seed000" "$work/no-such-file.txt" "$seed001" 2>"$work/batch.err"
code=$?
expect_true "an unreadable input: exit 2" [ "$code" = 2 ]
expect_true "an unreadable input: reported" grep -q 'no-such-file.txt.*\[XG0001\]' "$work/batch.err"
expect_true "an unreadable input: the batch goes on" grep -q "^$seed001," "$work/batch.csv"
expect_true "an unreadable input: the others in order" [ "$(cut -d, -f1 "$work/batch.csv" | uniq | tr '\n' ' ')" = "file $seed000 $seed001 " ]
expect_true "an aggregate file leaves no temporary file" [ -z "$(ls "$work" | grep '\.tmp')" ]
mkdir "$work/per-input"
"$xxgk" compile --emit csv -o "$work/per-input" "$corpus/seeds" 2>/dev/null
expect_true "-o DIR: one csv per input" [ "$(ls "$work/per-input" | grep -c '\.csv$')" = "$reports" ]
expect_true "-o DIR: each with the header" [ "$(head -1 "$work/per-input/$(basename "$seed001" .txt).csv")" = "$(printf 'file,template,table,row,column,value,unit,raw,line,col\r')" ]
"$xxgk" compile --emit jsonl -o "$work/per-input-jsonl/" "$corpus/seeds" 2>/dev/null
expect_true "-o DIR/: one jsonl per input" [ "$(cat "$work/per-input-jsonl"/*.jsonl | wc -l)" = "$reports" ]
mkfifo "$work/pipe.csv"
cat "$work/pipe.csv" >"$work/from-pipe.csv" &
"$xxgk" compile --emit csv -o "$work/pipe.csv" "$seed001" 2>/dev/null
wait
expect_true "-o a pipe: written through, not replaced" bash -c '[ -p "$1" ] && [ "$(wc -l <"$2")" -gt 100 ]' _ "$work/pipe.csv" "$work/from-pipe.csv"
ln -s linked.csv "$work/link.csv"
"$xxgk" compile --emit csv -o "$work/link.csv" "$seed001" 2>/dev/null
expect_true "-o a symbolic link: the file it names is written" bash -c '[ -L "$1" ] && [ -s "$2" ]' _ "$work/link.csv" "$work/linked.csv"
"$xxgk" compile --emit csv -o /dev/full/cells.csv "$seed000" 2>/dev/null
code=$?
expect_true "an output that cannot be written: exit 2" [ "$code" = 2 ]
# The progress bar shows after a third of a second, so the batch must take longer than that
# however fast xxgk is: its last input is a pipe that gets its report only after a second.
slow_batch() {  # COMMAND...: runs it while $work/slow.txt is a pipe that delivers seed 000 late
    rm -f "$work/slow.txt"
    mkfifo "$work/slow.txt"
    (sleep 1; cat "$seed000" >"$work/slow.txt") &
    "$@"
    wait
}
slow_batch "$xxgk" check --format gcc -j 1 "$corpus" "$work/slow.txt" >/dev/null 2>"$work/progress.err"
expect_true "no progress bar when stderr is not a terminal" [ "$(grep -c 'files/s' "$work/progress.err")" = 0 ]
if command -v script >/dev/null; then
    slow_batch script -qec "$xxgk check --format gcc -j 1 $corpus $work/slow.txt >/dev/null" /dev/null >"$work/tty.out"
    expect_true "a progress bar on a terminal" grep -q 'files/s' "$work/tty.out"
    slow_batch script -qec "$xxgk check --format gcc -q -j 1 $corpus $work/slow.txt >/dev/null" /dev/null >"$work/tty-quiet.out"
    expect_true "no progress bar with --quiet" [ ! -s "$work/tty-quiet.out" ]
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
