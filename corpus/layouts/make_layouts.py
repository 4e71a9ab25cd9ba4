#!/usr/bin/env python3
"""Writes seed 001 (../seeds/001_32db68a7ed8774d3.txt) in the broken table layouts of real
reports, each NAME.txt with its NAME.expected.csv.

The prose (preamble, sections 一, 五, 六) is the seed's, word for word; the tables are written from
the 2019 form's labels with the seed's cell texts, taken from the seed's reviewed expected.csv.
Every expected row is the seed's (table, row, column, value, unit, raw); only line and col are new:
where this script put the cell's text, counted in characters. Nothing here runs xxgk.

Run it from anywhere: python3 corpus/layouts/make_layouts.py
"""
import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = os.path.join(HERE, "..", "seeds", "001_32db68a7ed8774d3")

# The 2019 form's labels, as the seed writes them (ASCII parentheses and commas).
T2_BLOCKS = [
    ("第二十条第(一)项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
     [("规章", "regulations"), ("规范性文件", "normative_docs")], ["new_made", "new_published", "total_published"]),
    ("第二十条第(五)项", ["上一年项目数量", "本年增/减", "处理决定数量"],
     [("行政许可", "licensing"), ("其他对外管理服务事项", "other_mgmt_services")], ["prev_items", "change", "decisions"]),
    ("第二十条第(六)项", ["上一年项目数量", "本年增/减", "处理决定数量"],
     [("行政处罚", "penalty"), ("行政强制", "coercion")], ["prev_items", "change", "decisions"]),
    ("第二十条第(八)项", ["上一年项目数量", "本年增/减"], [("行政事业性收费", "fees")], ["prev_items", "change"]),
    ("第二十条第(九)项", ["采购项目数量", "采购总金额"], [("政府集中采购", "central_procurement")],
     ["procurement_count", "procurement_amount"]),
]
T3_NOTE = "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)"
T3_COLUMNS = ["natural", "commercial", "research", "public_welfare", "legal_service", "other_org", "total"]
# (group label or None, row label, row id)
T3_ROWS = [
    (None, "一、本年新收政府信息公开申请数量", "1"),
    (None, "二、上年结转政府信息公开申请数量", "2"),
    ("三、本年度办理结果", "(一)予以公开", "3.1"),
    (None, "(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "3.2"),
    ("(三)不予公开", "1.属于国家秘密", "3.3.1"),
    (None, "2.其他法律行政法规禁止公开", "3.3.2"),
    (None, "3.危及“三安全一稳定”", "3.3.3"),
    (None, "4.保护第三方合法权益", "3.3.4"),
    (None, "5.属于三类内部事务信息", "3.3.5"),
    (None, "6.属于四类过程性信息", "3.3.6"),
    (None, "7.属于行政执法案卷", "3.3.7"),
    (None, "8.属于行政查询事项", "3.3.8"),
    ("(四)无法提供", "1.本机关不掌握相关政府信息", "3.4.1"),
    (None, "2.没有现成信息需要另行制作", "3.4.2"),
    (None, "3.补正后申请内容仍不明确", "3.4.3"),
    ("(五)不予处理", "1.信访举报投诉类申请", "3.5.1"),
    (None, "2.重复申请", "3.5.2"),
    (None, "3.要求提供公开出版物", "3.5.3"),
    (None, "4.无正当理由大量反复申请", "3.5.4"),
    (None, "5.要求行政机关确认或重新出具已获取信息", "3.5.5"),
    (None, "(六)其他处理", "3.6"),
    (None, "(七)总计", "3.7"),
    (None, "四、结转下年度继续办理", "4"),
]
T4_ROWS = ["review", "lit_direct", "lit_after_review"]
T4_COLUMNS = ["maintain", "correct", "other", "pending", "total"]
OUTCOMES = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]


def load_seed():
    with open(SEED + ".txt", encoding="utf-8") as f:
        lines = f.read().split("\n")
    at = {h: lines.index(h) for h in HEADINGS}
    prose = {
        "preamble": lines[:at[HEADINGS[0]]],
        1: lines[at[HEADINGS[0]] + 1:at[HEADINGS[1]]],
        5: lines[at[HEADINGS[4]] + 1:at[HEADINGS[5]]],
        6: lines[at[HEADINGS[5]] + 1:],
    }
    with open(SEED + ".expected.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return prose, rows


class Writer:
    """Text with the place of every cell it writes."""

    def __init__(self, cells):
        self.parts, self.cells, self.placed = [], cells, {}
        self.line, self.col = 1, 1

    def text(self, s):
        self.parts.append(s)
        if "\n" in s:
            self.line += s.count("\n")
            self.col = len(s) - s.rfind("\n")
        else:
            self.col += len(s)

    def cell(self, table, row, column):
        raw = self.cells[(table, row, column)]
        self.placed[(table, row, column)] = (self.line, self.col)
        self.text(raw)

    def result(self):
        return "".join(self.parts)


def t2_cells(w, block, row_id, sep):
    for i, column in enumerate(block[3]):
        if i:
            w.text(sep)
        w.cell("active_disclosure", row_id, column)


def t3_cells(w, row_id, sep):
    for i, column in enumerate(T3_COLUMNS):
        if i:
            w.text(sep)
        w.cell("applications", row_id, column)


def t4_cells(w, sep):
    first = True
    for row in T4_ROWS:
        for column in T4_COLUMNS:
            if not first:
                w.text(sep)
            first = False
            w.cell("review_litigation", row, column)


def prose_lines(w, lines):
    for line in lines:
        w.text(line + "\n")


# ---------------------------------------------------------------------------------------------
# The layouts. Each writes the whole report.

def markdown_generic_headers(w, prose):
    """Markdown from a PDF converter: ## headings, every table a | table whose header row is
    generic (项目 | 列1 | 列2 …) and followed by its |---| rule."""
    def header(n):
        w.text("| 项目 | " + " | ".join(f"列{i}" for i in range(1, n + 1)) + " |\n")
        w.text("|" + "---|" * (n + 1) + "\n")

    prose_lines(w, prose["preamble"])
    w.text("## " + HEADINGS[0] + "\n\n")
    prose_lines(w, prose[1])
    w.text("\n## " + HEADINGS[1] + "\n\n")
    header(3)
    for block in T2_BLOCKS:
        w.text(f"| {block[0]} | | | |\n| 信息内容 | " + " | ".join(block[1]) + " |\n")
        for label, row_id in block[2]:
            w.text(f"| {label} | ")
            t2_cells(w, block, row_id, " | ")
            w.text(" |\n")
    w.text("\n## " + HEADINGS[2] + "\n\n")
    header(8)
    w.text(f"| {T3_NOTE} | 申请人情况 | | | | | | |\n| | 自然人 | 法人或其他组织 | | | | | 总计 |\n"
           "| | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |\n")
    for group, label, row_id in T3_ROWS:
        w.text(f"| {group + ' ' if group else ''}{label} | ")
        t3_cells(w, row_id, " | ")
        w.text(" |\n")
    w.text("\n## " + HEADINGS[3] + "\n\n")
    w.text("| " + " | ".join(f"列{i}" for i in range(1, 16)) + " |\n|" + "---|" * 15 + "\n")
    w.text("| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |\n"
           "| " + " | ".join(OUTCOMES) + " | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |\n"
           "| | | | | | " + " | ".join(OUTCOMES + OUTCOMES) + " |\n| ")
    t4_cells(w, " | ")
    w.text(" |\n\n## " + HEADINGS[4] + "\n\n")
    prose_lines(w, prose[5])
    w.text("\n## " + HEADINGS[5] + "\n\n")
    w.text("\n".join(prose[6]))


def split_mini_tables(w, prose):
    """A table broken into several small tables, as a page break or a converter leaves it: each
    piece repeats its header, and a 续表 line stands between them."""
    prose_lines(w, prose["preamble"])
    w.text(HEADINGS[0] + "\n")
    prose_lines(w, prose[1])
    w.text(HEADINGS[1] + "\n")
    for block in T2_BLOCKS:
        w.text(f"{block[0]} |\n信息内容 | " + " | ".join(block[1]) + " |\n")
        for label, row_id in block[2]:
            w.text(f"{label} | ")
            t2_cells(w, block, row_id, " | ")
            w.text(" |\n")
        w.text("\n")
    w.text(HEADINGS[2] + "\n")
    pieces = [(0, 4), (4, 12), (12, 20), (20, len(T3_ROWS))]
    for n, (begin, end) in enumerate(pieces):
        if n:
            w.text("\n续表\n")
        w.text(f"{T3_NOTE} | 申请人情况 |\n自然人 | 法人或其他组织 | 总计 |\n"
               "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |\n")
        for group, label, row_id in T3_ROWS[begin:end]:
            w.text(f"{group + ' | ' if group else ''}{label} | ")
            t3_cells(w, row_id, " | ")
            w.text(" |\n")
    w.text(HEADINGS[3] + "\n")
    w.text("行政复议 | 行政诉讼 |\n" + " | ".join(OUTCOMES) + " | 未经复议直接起诉 | 复议后起诉 |\n"
           + " | ".join(OUTCOMES + OUTCOMES) + " |\n")
    t4_cells(w, " | ")
    w.text(" |\n" + HEADINGS[4] + "\n")
    prose_lines(w, prose[5])
    w.text(HEADINGS[5] + "\n" + "\n".join(prose[6]))


def vertical_labels(w, prose):
    """One cell per line, from a PDF whose narrow label cells put one or two characters on each
    line: 三、 / 本 / 年 / 度 …, long labels broken where the cell wrapped."""
    def vertical(label):
        return "\n".join(label) + "\n"

    def wrapped(label, width=8):
        return "\n".join(label[i:i + width] for i in range(0, len(label), width)) + "\n"

    prose_lines(w, prose["preamble"])
    w.text(HEADINGS[0] + "\n")
    prose_lines(w, prose[1])
    w.text(HEADINGS[1] + "\n")
    for block in T2_BLOCKS:
        w.text(block[0] + "\n信息内容\n" + "".join(wrapped(c, 4) for c in block[1]))
        for label, row_id in block[2]:
            w.text(vertical(label))
            t2_cells(w, block, row_id, "\n")
            w.text("\n")
    w.text(HEADINGS[2] + "\n" + wrapped(T3_NOTE, 10) + "申请人情况\n" + vertical("自然人")
           + wrapped("法人或其他组织", 4) + vertical("总计")
           + "".join(vertical(c) for c in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]))
    for group, label, row_id in T3_ROWS:
        if group:
            w.text(vertical(group))
        w.text(wrapped(label))
        t3_cells(w, row_id, "\n")
        w.text("\n")
    w.text(HEADINGS[3] + "\n" + vertical("行政复议") + vertical("行政诉讼")
           + "".join(vertical(o) for o in OUTCOMES) + wrapped("未经复议直接起诉", 4) + vertical("复议后起诉")
           + "".join(vertical(o) for o in OUTCOMES + OUTCOMES))
    t4_cells(w, "\n")
    w.text("\n" + HEADINGS[4] + "\n")
    prose_lines(w, prose[5])
    w.text(HEADINGS[5] + "\n" + "\n".join(prose[6]))


def spaced_characters(w, prose):
    """Text extracted from a justified PDF table: a space between every two characters of a
    label (法 律 服 务 机 构), cells separated by runs of spaces."""
    def spaced(label):
        return " ".join(label)

    prose_lines(w, prose["preamble"])
    w.text(HEADINGS[0] + "\n")
    prose_lines(w, prose[1])
    w.text(HEADINGS[1] + "\n")
    for block in T2_BLOCKS:
        w.text(spaced(block[0]) + "\n" + spaced("信息内容") + "   " + "   ".join(spaced(c) for c in block[1]) + "\n")
        for label, row_id in block[2]:
            w.text(spaced(label) + "   ")
            t2_cells(w, block, row_id, "   ")
            w.text("\n")
    w.text(HEADINGS[2] + "\n" + spaced(T3_NOTE) + "   " + spaced("申请人情况") + "\n"
           + "   ".join(spaced(c) for c in ["自然人", "法人或其他组织", "总计"]) + "\n"
           + "   ".join(spaced(c) for c in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]) + "\n")
    for group, label, row_id in T3_ROWS:
        w.text((spaced(group) + "   " if group else "") + spaced(label) + "   ")
        t3_cells(w, row_id, "   ")
        w.text("\n")
    w.text(HEADINGS[3] + "\n" + spaced("行政复议") + "   " + spaced("行政诉讼") + "\n"
           + "   ".join(spaced(o) for o in OUTCOMES) + "   " + spaced("未经复议直接起诉") + "   " + spaced("复议后起诉") + "\n"
           + "   ".join(spaced(o) for o in OUTCOMES + OUTCOMES) + "\n")
    t4_cells(w, "   ")
    w.text("\n" + HEADINGS[4] + "\n")
    prose_lines(w, prose[5])
    w.text(HEADINGS[5] + "\n" + "\n".join(prose[6]))


# Characters OCR misreads as similar ones, one in each of some long labels.
OCR_SLIPS = {
    "其他对外管理服务事项": "其他对外管埋服务事项",
    "一、本年新收政府信息公开申请数量": "一、本年新收政府信息公开申清数量",
    "(二)部分公开(区分处理的,只计这一情形,不计其他情形)": "(二)部分公开(区分处理的,只计这一情形,不计其它情形)",
    "2.其他法律行政法规禁止公开": "2.其他法律行政法规禁止公幵",
    "3.补正后申请内容仍不明确": "3.补正后申请内容仍不明碓",
    "5.要求行政机关确认或重新出具已获取信息": "5.要求行政机关确认或重新出具己获取信息",
}


def pipe_rows(w, prose, footers=None, label_of=lambda label: label):
    """The seed's own |-row layout, with page numbers after some rows when `footers` is given and
    each row label as `label_of` writes it."""
    def footer():
        if footers:
            w.text("\n" + next(footers) + "\n\n")

    prose_lines(w, prose["preamble"])
    w.text(HEADINGS[0] + "\n")
    prose_lines(w, prose[1])
    w.text(HEADINGS[1] + "\n")
    for b, block in enumerate(T2_BLOCKS):
        w.text(f"{block[0]} | ||||\n信息内容 | " + " | ".join(block[1]) + " | |\n")
        for label, row_id in block[2]:
            w.text(f"{label_of(label)} | ")
            t2_cells(w, block, row_id, " | ")
            w.text(" | |\n")
        if b == 1:
            footer()
    w.text(HEADINGS[2] + "\n" + f"{T3_NOTE} | 申请人情况 | ||||||\n自然人 | 法人或其他组织 | 总计 | |\n"
           "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |\n")
    for n, (group, label, row_id) in enumerate(T3_ROWS):
        w.text(f"{group + ' | ' if group else ''}{label_of(label)} | ")
        t3_cells(w, row_id, " | ")
        w.text(" | |\n")
        if n in (3, 11, 19):
            footer()
    w.text(HEADINGS[3] + "\n行政复议 | 行政诉讼 | |\n" + " | ".join(OUTCOMES) + " | 未经复议直接起诉 | 复议后起诉 | |\n"
           + " | ".join(OUTCOMES + OUTCOMES) + " | |")
    footer()
    if not footers:
        w.text("\n")
    t4_cells(w, " | ")
    w.text(" |\n" + HEADINGS[4] + "\n")
    prose_lines(w, prose[5])
    w.text(HEADINGS[5] + "\n" + "\n".join(prose[6]))


def page_footers(w, prose):
    """The seed's |-row layout from a paginated PDF: page numbers (— 4 —, 第 5 页 共 9 页) on lines
    of their own in the middle of the tables."""
    pipe_rows(w, prose, footers=iter(["— 3 —", "- 4 -", "第 5 页 共 9 页", "—6—", "第7页", "— 8 —"]))


def ocr_slips(w, prose):
    """The seed's |-row layout from OCR: one character misread in each of six long row labels."""
    pipe_rows(w, prose, label_of=lambda label: OCR_SLIPS.get(label, label))


def one_line_run_together(w, prose):
    """A scraped page: a crawler's header, then the whole report on one line, headings inside
    it and every table's cells written together without separators."""
    w.text("标题: 2020年度政府信息公开工作落实情况\n发布时间: 2021-02-05 10:12\n发布机构: 凉州区市场监督管理局\n"
           "原文链接: http://www.gsliangzhou.gov.cn/xxgk/2021/02130.html\n==================== 正文 ====================\n")
    w.text(" ".join(prose["preamble"]) + " " + HEADINGS[0] + " " + " ".join(prose[1]) + " " + HEADINGS[1])
    for block in T2_BLOCKS:
        w.text(block[0] + "信息内容" + "".join(block[1]))
        for label, row_id in block[2]:
            w.text(label)
            t2_cells(w, block, row_id, "")
    w.text(HEADINGS[2] + T3_NOTE + "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他")
    for group, label, row_id in T3_ROWS:
        w.text((group or "") + label)
        t3_cells(w, row_id, "")
    w.text(HEADINGS[3] + "行政复议行政诉讼" + "".join(OUTCOMES) + "未经复议直接起诉复议后起诉" + "".join(OUTCOMES + OUTCOMES))
    t4_cells(w, "")
    w.text(HEADINGS[4] + " ".join(prose[5]) + HEADINGS[5] + "".join(prose[6]) + " 分享到: 微信 微博 【打印】 【关闭】\n")


LAYOUTS = [markdown_generic_headers, split_mini_tables, vertical_labels, spaced_characters, page_footers, ocr_slips,
           one_line_run_together]


def main():
    prose, rows = load_seed()
    cells = {(r["table"], r["row"], r["column"]): r["raw"] for r in rows}
    for layout in LAYOUTS:
        w = Writer(cells)
        layout(w, prose)
        name = "001_" + layout.__name__
        with open(os.path.join(HERE, name + ".txt"), "w", encoding="utf-8", newline="") as f:
            f.write(w.result())
        assert set(w.placed) == set(cells), layout.__name__
        with open(os.path.join(HERE, name + ".expected.csv"), "w", encoding="utf-8", newline="") as f:
            out = csv.writer(f, lineterminator="\n")
            out.writerow(["table", "row", "column", "value", "unit", "raw", "line", "col"])
            for r in rows:
                line, col = w.placed[(r["table"], r["row"], r["column"])]
                out.writerow([r["table"], r["row"], r["column"], r["value"], r["unit"], r["raw"], line, col])


if __name__ == "__main__":
    main()
