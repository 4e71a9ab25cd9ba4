#include "cell_value.hpp"

#include <algorithm>
#include <iterator>
#include <limits>

namespace xxgk::passes {

namespace {

constexpr std::string_view kUnfilled[] = {"/", "-", "X", "x", "无", "N/A", "n/a"};
constexpr std::string_view kUnits[] = {"万元", "亿元", "元", "万", "件", "条", "项", "个"};

bool is_dash_run(std::string_view s) {
    if (s.empty()) return false;
    for (std::size_t i = 0; i < s.size();) {
        const auto rest = s.substr(i);
        if (rest.starts_with("—") || rest.starts_with("－") || rest.starts_with("–")) i += 3;
        else return false;
    }
    return true;
}

// Strips trailing zeros of the fraction: 21225.0000 → 21225.
ast::Decimal reduced(ast::Decimal d) {
    while (d.scale > 0 && d.mantissa % 10 == 0) {
        d.mantissa /= 10;
        --d.scale;
    }
    return d;
}

// A cell left unfilled: blank, /, —, 无 …
bool is_placeholder(std::string_view text) {
    // Most cells start with a digit, and no placeholder does: they are answered at once.
    if (!text.empty() && text[0] >= '0' && text[0] <= '9') return false;
    for (const auto u : kUnfilled)
        if (text == u) return true;
    return text.empty() || is_dash_run(text);
}

}  // namespace

CellReading read_cell(std::string_view text) {
    CellReading r;
    if (is_placeholder(text)) return {CellReading::Kind::Unfilled, {}, {}};

    std::size_t i = 0;
    bool negative = false;
    if (text[0] == '+' || text[0] == '-') {
        negative = text[0] == '-';
        ++i;
    }
    constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
    std::int64_t mantissa = 0;
    int scale = 0;
    bool digits = false, fraction = false, too_large = false;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') {
            if (mantissa > (kMax - (c - '0')) / 10) too_large = true;
            else mantissa = mantissa * 10 + (c - '0');
            digits = true;
            if (fraction) ++scale;
        } else if (c == ',' && digits && !fraction) {
            continue;  // thousands separator: the grammar only lets 1,234,567 through
        } else if (c == '.' && digits && !fraction) {
            fraction = true;
        } else {
            break;
        }
    }
    if (!digits) return r;
    const std::string_view rest = text.substr(i);
    if (!rest.empty()) {
        const auto* unit = std::find(std::begin(kUnits), std::end(kUnits), rest);
        if (unit == std::end(kUnits)) return r;
        r.unit = *unit;
    }
    if (too_large) {
        r.kind = CellReading::Kind::TooLarge;
        return r;
    }
    r.kind = CellReading::Kind::Number;
    r.number = reduced({negative ? -mantissa : mantissa, scale});
    return r;
}

std::optional<ast::Decimal> to_wan_yuan(const ast::Decimal& amount, std::string_view unit) {
    if (unit == "万元" || unit == "万") return amount;
    if (unit == "元") return reduced({amount.mantissa, amount.scale + 4});
    if (unit == "亿元") {
        ast::Decimal d = amount;
        for (int k = 0; k < 4; ++k) {
            if (d.scale > 0) --d.scale;
            else if (d.mantissa > std::numeric_limits<std::int64_t>::max() / 10 ||
                     d.mantissa < std::numeric_limits<std::int64_t>::min() / 10) return std::nullopt;
            else d.mantissa *= 10;
        }
        return d;
    }
    return std::nullopt;
}

}  // namespace xxgk::passes
