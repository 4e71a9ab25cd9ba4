#pragma once
// Figures section 一 states about a table's cells, as evidence for reading run-together digits:
// "收到政府信息公开申请75件" is table 三 row 一's 总计; "现行有效行政规范性文件698件" is table 二's
// 现行有效件数 of 行政规范性文件. A figure is taken only when its clause names its cells
// unmistakably; the identities outrank it (a report's prose may count differently, 75 with the
// application carried over where the table has 74 new ones).
#include <cstdint>
#include <utility>
#include <vector>

#include "report.hpp"

namespace xxgk::passes {

struct StatedFigure {
    std::vector<std::pair<std::size_t, std::size_t>> cells;  // template row and column; the figure is their sum
    std::int64_t value = 0;
    diag::Span span;  // the number in the prose
};

std::vector<StatedFigure> stated_figures(const ast::Report& report, const tpl::Table& table);

}  // namespace xxgk::passes
