#include "cell_value.hpp"
#include "passes.hpp"

namespace xxgk::passes {

namespace {

void normalise_cell(ast::Report& report, const tpl::Table& spec, ast::Cell& cell) {
    const auto& column = spec.columns_of(cell.row)[cell.column];
    const auto kind = column.kind;
    auto report_at = [&](diag::Code code, std::string arg) {
        report.diagnostics.push_back(diag::make(code, cell.span, {std::move(arg)}));
    };
    const CellReading r = read_cell(cell.text);
    switch (r.kind) {
        case CellReading::Kind::Unfilled:
            cell.filled = false;
            report_at(diag::Code::XG3003, cell.text);
            return;
        case CellReading::Kind::NotANumber: return report_at(diag::Code::XG3002, cell.text);
        case CellReading::Kind::TooLarge: return report_at(diag::Code::XG3006, cell.text);
        case CellReading::Kind::Number: break;
    }
    if (kind == tpl::ValueKind::Money) {
        // A unit in the cell wins; otherwise the header's, where the form prints one.
        if (const auto wan = to_wan_yuan(r.number, r.unit.empty() ? column.unit : r.unit)) {
            cell.value = *wan;
            cell.unit = "万元";
        } else {
            cell.value = r.number;
            if (r.number.mantissa != 0) report_at(diag::Code::XG3001, cell.text);  // 0 is 0 in any unit
        }
        return;
    }
    cell.value = r.number;
    if (kind == tpl::ValueKind::Count && r.number.mantissa < 0) report_at(diag::Code::XG3004, cell.text);
    if (!r.number.is_integer()) report_at(diag::Code::XG3005, cell.text);
}

}  // namespace

void normalise_values(ast::Report& report) {
    for (auto& table : report.tables) {
        const auto& spec = *report.form->table(table.kind);
        for (auto& cell : table.cells) normalise_cell(report, spec, cell);
    }
}

}  // namespace xxgk::passes
