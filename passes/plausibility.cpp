// Plausibility (XG31xx): the template's bounds, Σ lhs ≤ Σ rhs per row. The form states none of
// them, so a failure is a warning. A missing, unfilled or unreadable cell has its own diagnostic
// already; its row is not judged.
#include <optional>

#include "passes.hpp"

namespace xxgk::passes {

namespace {

struct Term {
    const ast::Cell* cell;
    std::int64_t value;
};

// The terms of `columns` in `row`, or nothing if one of them has no whole-number value.
std::optional<std::vector<Term>> terms(const ast::Table& table, const tpl::Table& spec, std::size_t row,
                                       const std::vector<std::string_view>& columns) {
    std::vector<Term> out;
    for (const auto id : columns) {
        const auto column = spec.column_index(row, id);
        if (!column) return std::nullopt;
        const ast::Cell* found = nullptr;
        for (const auto& cell : table.cells)
            if (cell.row == row && cell.column == *column) found = &cell;
        if (found == nullptr || !found->value || !found->value->is_integer()) return std::nullopt;
        out.push_back({found, found->value->mantissa});
    }
    return out;
}

std::int64_t sum(const std::vector<Term>& terms) {
    std::int64_t s = 0;
    for (const auto& t : terms) s += t.value;
    return s;
}

void check_bound(ast::Report& report, const tpl::Bound& bound) {
    const ast::Table* table = report.table(bound.table);
    if (table == nullptr) return;
    const tpl::Table& spec = *report.form->table(bound.table);
    for (const auto row_id : bound.rows) {
        const auto row = spec.row_index(row_id);
        if (!row) continue;
        const auto lhs = terms(*table, spec, *row, bound.lhs), rhs = terms(*table, spec, *row, bound.rhs);
        if (!lhs || !rhs || sum(*lhs) <= sum(*rhs)) continue;
        // The cell that breaks the bound: the one that should be smaller, or else the last that
        // should make the other side large enough (本年增/减).
        const ast::Cell& at = lhs->empty() ? *rhs->back().cell : *lhs->front().cell;
        std::vector<std::string> args{row_label(report, bound.table, *row), std::to_string(sum(*lhs)),
                                      std::to_string(sum(*rhs))};
        for (const auto* side : {&*lhs, &*rhs})
            for (const auto& t : *side) args.push_back(std::to_string(t.value));
        auto d = diag::make(diag::find_code(bound.code)->code, at.span, std::move(args));
        for (const auto* side : {&*lhs, &*rhs})
            for (const auto& t : *side)
                d.related.push_back({t.cell->span, diag::NoteId::term_value,
                                     {row_label(report, bound.table, *row),
                                      column_label(report, bound.table, *row, t.cell->column), t.cell->value->to_string()}});
        report.diagnostics.push_back(std::move(d));
    }
}

}  // namespace

void check_plausibility(ast::Report& report) {
    for (const auto& bound : report.form->bounds) check_bound(report, bound);
}

}  // namespace xxgk::passes
