#pragma once
// What must hold for every input whatever it is, shared by the golden tests (every corpus
// report), the fuzz regression test and the fuzz targets (every input the fuzzer makes):
// - nothing lost: every value the table grammar saw ends up in a cell or is named by a
//   diagnostic, so a value that silently disappears is a test failure, not a data loss;
// - every location (cell, diagnostic, related place, fix) lies inside the file.
#include <algorithm>
#include <vector>

#include "pipeline.hpp"

namespace xxgk::test {

inline bool overlaps(diag::Span a, diag::Span b) { return a.begin < b.end && b.begin < a.end; }

// The value items of the report's tables that no cell holds and no diagnostic names.
inline std::vector<const ast::TableItem*> unaccounted_values(const ast::Report& report) {
    std::vector<diag::Span> named;  // spans the diagnostics point at
    std::vector<const diag::Diagnostic*> extra_runs, duplicate_rows;
    for (const auto& d : report.diagnostics) {
        named.push_back(d.span);
        for (const auto& r : d.related)
            if (r.span) named.push_back(*r.span);
        if (d.code == diag::Code::XG1106) extra_runs.push_back(&d);
        if (d.code == diag::Code::XG1103) duplicate_rows.push_back(&d);
    }
    std::vector<const ast::TableItem*> lost;
    for (const auto& table : report.tables) {
        bool in_duplicate_row = false;  // values after a repeated row label, which XG1103 drops
        for (const auto& item : table.items) {
            if (item.kind != ast::ItemKind::Value) {
                if (item.kind != ast::ItemKind::Text)
                    in_duplicate_row = std::any_of(duplicate_rows.begin(), duplicate_rows.end(),
                                                   [&](const diag::Diagnostic* d) { return overlaps(d->span, item.span); });
                continue;
            }
            if (in_duplicate_row) continue;
            const bool in_cell = std::any_of(table.cells.begin(), table.cells.end(),
                                             [&](const ast::Cell& c) { return overlaps(c.span, item.span); });
            const bool in_diagnostic = std::any_of(named.begin(), named.end(), [&](diag::Span s) { return overlaps(s, item.span); });
            // XG1106 points at the first extra value and lists them all in its message.
            const bool listed_extra = std::any_of(extra_runs.begin(), extra_runs.end(), [&](const diag::Diagnostic* d) {
                return d->span.begin <= item.span.begin && d->args.size() > 2 && d->args[2].find(item.text) != std::string::npos;
            });
            if (!in_cell && !in_diagnostic && !listed_extra) lost.push_back(&item);
        }
    }
    return lost;
}

inline bool inside(diag::Span s, std::uint32_t size) { return s.begin <= s.end && s.end <= size; }

inline bool locations_inside_file(const passes::Compilation& c) {
    const auto size = c.file->size();
    for (const auto& d : c.report.diagnostics) {
        if (!inside(d.span, size)) return false;
        for (const auto& r : d.related)
            if (r.span && !inside(*r.span, size)) return false;
        for (const auto& f : d.fixes)
            if (!inside(f.span, size)) return false;
    }
    for (const auto& t : c.report.tables)
        for (const auto& cell : t.cells)
            if (!inside(cell.span, size)) return false;
    return true;
}

}  // namespace xxgk::test
