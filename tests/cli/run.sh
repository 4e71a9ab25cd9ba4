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

seed000=$corpus/seeds/000_704cb6b2f54004eb.txt
: >"$work/empty.txt"
printf ' \n\t\n' >"$work/blank.txt"
printf 'PK\003\004\000\000binary' >"$work/binary.txt"
printf 'plain text, not a report\n' >"$work/page.txt"
head -n 300 "$seed000" >"$work/truncated.txt"
head -c 10001 "$seed000" >"$work/cut-in-a-character.txt"
printf '\xff\xfe1\x00' >"$work/utf16.txt"
printf '\xd6\xd0\xce\xc4\n' >"$work/gbk.txt"
mkdir "$work/emptydir"

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
expect "UTF-16" 1 'unsupported encoding: UTF-16 \[XG0004\]' -- check --format gcc --lang en "$work/utf16.txt"
expect "GBK bytes" 1 'gbk.txt:1:1: error: not valid UTF-8: byte 0xD6 \[XG0005\]' -- check --format gcc --lang en "$work/gbk.txt"
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
expect "json to a directory" 1 '' -- compile --emit json -o "$work/json" "$corpus"
[ "$(ls "$work/json" | wc -l)" = 5 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: -o DIR wrote $(ls "$work/json" | wc -l) files"; }
expect "explain" 0 'column of table 三' -- explain XG2001 --lang en
expect "explain unknown" 2 'unknown diagnostic code' -- explain XG9999
expect "usage error" 2 '' -- check --format nonsense "$seed000"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
