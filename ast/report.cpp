#include "report.hpp"

#include <algorithm>

namespace xxgk::ast {

std::string Decimal::to_string() const {
    const bool negative = mantissa < 0;
    // Through unsigned so that INT64_MIN has a magnitude too.
    const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(mantissa) : static_cast<std::uint64_t>(mantissa);
    std::string digits = std::to_string(magnitude);
    if (scale > 0) {
        const auto s = static_cast<std::size_t>(scale);
        if (digits.size() <= s) digits.insert(0, s - digits.size() + 1, '0');
        digits.insert(digits.size() - s, 1, '.');
    }
    return negative ? "-" + digits : digits;
}

const Table* Report::table(tpl::TableKind kind) const {
    const auto it = std::find_if(tables.begin(), tables.end(), [&](const Table& t) { return t.kind == kind; });
    return it == tables.end() ? nullptr : &*it;
}

const Section* Report::section(int number) const {
    const auto it = std::find_if(sections.begin(), sections.end(), [&](const Section& s) { return s.number == number; });
    return it == sections.end() ? nullptr : &*it;
}

bool Report::has_errors() const {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const diag::Diagnostic& d) { return d.severity == diag::Severity::Error; });
}

}  // namespace xxgk::ast
