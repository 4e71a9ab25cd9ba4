#pragma once
// Reading one cell's text as a value: the number, its sign, its fraction and its unit, or a
// placeholder for "not filled". Separate from the pass so that it can be tested on its own.
#include <optional>
#include <string_view>

#include "report.hpp"

namespace xxgk::passes {

struct CellReading {
    enum class Kind { Number, Unfilled, NotANumber, TooLarge } kind = Kind::NotANumber;
    ast::Decimal number;     // as written, before any unit conversion
    std::string_view unit;   // 万元, 元, 亿元, 万, 件 … (static text, not the cell's) or "" when none is written
};

CellReading read_cell(std::string_view text);

// The amount in 万元, exactly, when the unit is an amount's unit; nullopt for a bare number, a
// count unit, or an amount in 亿元 too large to represent.
std::optional<ast::Decimal> to_wan_yuan(const ast::Decimal& amount, std::string_view unit);

}  // namespace xxgk::passes
