#!/usr/bin/env python3
"""Builds a large benchmark corpus from the reports in corpus/ (never committed: it goes to a
build or temporary directory).

    make_corpus.py --xxgk BUILD/xxgk --hant-hans BUILD/source/hant_hans_table.inc \\
                   --count 100000 --out DIR [--corpus corpus] [--seed 1]

Every generated report is one of the real reports of corpus/seeds, corpus/layouts and
corpus/real, varied so that no two are the same text while each stays a report xxgk reads the
same way:

- values: the six applicant columns of table 三 are permuted and the four outcome columns of
  table 四 too (the same permutation for every row, so every identity still holds), and all
  counts of both tables are multiplied by one factor, as are the "N 件" figures of the prose, so
  that what the text states still matches the tables (a report whose prose states per-applicant
  figures keeps its columns in place);
- script: a third of the simplified reports are written in traditional characters (the inverse
  of xxgk's own Hant→Hans table);
- size: one report in twenty has the prose of section 五 repeated to about 50 KB;
- bytes: most are UTF-8, some with a BOM, CRLF line ends, GB18030 or UTF-16LE.

Reports whose table cells run together (run-together layouts) keep their values: changing one
digit of a run would change how the run splits. Files go 1000 to a folder, so that the
directory walk is exercised too. A file MANIFEST.tsv lists each file's source and variation.
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

APPLICANT_COLUMNS = ["natural", "commercial", "research", "public_welfare", "legal_service", "other_org"]
OUTCOME_COLUMNS = ["maintain", "correct", "other", "pending"]
FACTORS = [1, 1, 2, 3, 5, 7, 10]
# Prose that states a per-applicant figure: permuting the columns would contradict it.
PER_APPLICANT_FIGURE = re.compile(r"(自然人|法人|商业企业|科研机构|社会公益组织|法律服务机构)[^。；;\n]{0,30}?\d+\s?件")
COUNT_FIGURE = re.compile(r"(?<![\d.])(\d{1,7})(\s?(?:件|起|宗))".encode())
SECTION_FIVE = re.compile(r"\n\s*五[、.．][^\n]*\n")
SECTION_SIX = re.compile(r"\n\s*六[、.．][^\n]*\n")


def inverse_hant_hans(table_inc):
    """simplified -> traditional, from xxgk's generated {traditional, simplified} table (Han only)."""
    inverse = {}
    for line in Path(table_inc).read_text().splitlines():
        m = re.match(r"\{0x([0-9A-F]+), 0x([0-9A-F]+)\},", line)
        if not m:
            continue
        traditional, simplified = int(m[1], 16), int(m[2], 16)
        if traditional >= 0x3400 and simplified >= 0x3400:
            inverse.setdefault(simplified, traditional)
    return inverse


class Source:
    """One real report with the byte places of the table cells that may change."""

    def __init__(self, path, document):
        self.name = path.stem
        self.text = path.read_bytes()
        self.traditional = document["traditional"]
        self.cells = []  # (offset, end, table, row, column, value)
        digits = set(b"0123456789")
        runs_together = False
        for table, body in document["tables"].items():
            for cell in body["cells"]:
                raw = cell["raw"].encode()
                begin, end = cell["offset"], cell["offset"] + len(raw)
                if self.text[begin:end] != raw:
                    runs_together = True  # a cell of a transcoded or rebuilt text: leave the report alone
                    continue
                if (begin > 0 and self.text[begin - 1] in digits) or (end < len(self.text) and self.text[end] in digits):
                    runs_together = True
                if table in ("applications", "review_litigation") and re.fullmatch(rb"\d+", raw):
                    self.cells.append((begin, end, table, cell["row"], cell["column"], int(raw)))
        if runs_together:
            self.cells = []
        prose = self.text.decode("utf-8", "replace")
        self.may_permute = not PER_APPLICANT_FIGURE.search(prose)

    def vary(self, rng):
        """The report with its values varied; returns (text, factor, permuted)."""
        if not self.cells:
            return self.text.decode("utf-8"), 1, False
        factor = rng.choice(FACTORS)
        permute = self.may_permute and rng.random() < 0.75
        applicants = APPLICANT_COLUMNS[:]
        outcomes = OUTCOME_COLUMNS[:]
        if permute:
            rng.shuffle(applicants)
            rng.shuffle(outcomes)
        moved = dict(zip(APPLICANT_COLUMNS + OUTCOME_COLUMNS, applicants + outcomes))
        values = {(table, row, column): value for _, _, table, row, column, value in self.cells}
        edits = [(begin, end, str(values.get((table, row, moved.get(column, column)), value) * factor).encode())
                 for begin, end, table, row, column, value in self.cells]
        if factor != 1:
            cells = sorted((begin, end) for begin, end, *_ in self.cells)
            for m in COUNT_FIGURE.finditer(self.text):
                if not any(b < m.end(1) and m.start(1) < e for b, e in cells):
                    edits.append((m.start(1), m.end(1), str(int(m[1]) * factor).encode()))
        out = bytearray(self.text)
        for begin, end, replacement in sorted(edits, reverse=True):
            out[begin:end] = replacement
        return out.decode("utf-8"), factor, permute


def pad_to(text, size):
    """Repeats the body of section 五 until the report is about `size` bytes."""
    five, six = SECTION_FIVE.search(text), SECTION_SIX.search(text)
    if not five or not six or six.start() <= five.end():
        return text
    body = text[five.end():six.start()]
    if not body.strip():
        return text
    need = size - len(text.encode())
    copies = max(0, need // max(1, len(body.encode())))
    return text[:six.start()] + body * copies + text[six.start():]


def encode(text, rng):
    """The bytes of a report as some site would serve them; returns (bytes, encoding name)."""
    roll = rng.random()
    if roll < 0.05:
        return text.encode("gb18030"), "gb18030"
    if roll < 0.08:
        return b"\xff\xfe" + text.encode("utf-16-le"), "utf-16le"
    if roll < 0.13:
        return b"\xef\xbb\xbf" + text.encode(), "utf-8-bom"
    if roll < 0.25:
        return text.replace("\r\n", "\n").replace("\n", "\r\n").encode(), "utf-8-crlf"
    return text.encode(), "utf-8"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--xxgk", required=True)
    parser.add_argument("--hant-hans", required=True, help="BUILD/source/hant_hans_table.inc")
    parser.add_argument("--count", type=int, default=100000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--corpus", default=str(Path(__file__).resolve().parent.parent / "corpus"))
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    corpus = Path(args.corpus)
    paths = sorted([*corpus.glob("seeds/*.txt"), *corpus.glob("layouts/*.txt"), *corpus.glob("real/*.txt")])
    lines = subprocess.run([args.xxgk, "compile", "--emit", "jsonl", "-q", *map(str, paths)], capture_output=True,
                           check=False).stdout.decode().splitlines()
    documents = {json.loads(line)["file"]: json.loads(line) for line in lines}
    sources = [Source(p, documents[str(p)]) for p in paths if str(p) in documents]
    to_traditional = str.maketrans(inverse_hant_hans(args.hant_hans))

    rng = random.Random(args.seed)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    with open(out / "MANIFEST.tsv", "w") as manifest:
        manifest.write("file\tsource\tfactor\tpermuted\tscript\tbytes\tencoding\n")
        for i in range(args.count):
            source = sources[i % len(sources)]
            text, factor, permuted = source.vary(rng)
            script = "traditional" if source.traditional else "simplified"
            if not source.traditional and rng.random() < 1 / 3:
                text = text.translate(to_traditional)
                script = "traditional"
            if rng.random() < 0.05:
                text = pad_to(text, 50_000)
            data, encoding = encode(text, rng)
            folder = out / f"{i // 1000:03d}"
            folder.mkdir(exist_ok=True)
            name = f"{i:06d}_{source.name}.txt"
            (folder / name).write_bytes(data)
            total += len(data)
            manifest.write(f"{folder.name}/{name}\t{source.name}\t{factor}\t{int(permuted)}\t{script}\t{len(data)}\t{encoding}\n")
    print(f"{args.count} reports, {total / 1e6:.1f} MB, from {len(sources)} sources, in {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
