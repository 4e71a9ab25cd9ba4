#include <algorithm>
#include <optional>

#include "passes.hpp"

namespace xxgk::passes {

namespace {

using ast::ItemKind;

std::string join_values(const std::vector<const ast::TableItem*>& items) {
    std::string out;
    for (const auto* item : items) {
        if (!out.empty()) out += ", ";
        out += item->text;
    }
    return out;
}

class TableAssembler {
public:
    TableAssembler(ast::Report& report, ast::Table& table)
        : report_(report), table_(table), spec_(*report.form->table(table.kind)),
          first_seen_(spec_.rows.size(), nullptr) {}

    void run() {
        if (spec_.values_in_one_run) {
            assemble_one_run();
        } else {
            assemble_labelled_rows();
        }
        report_missing_rows();
        std::stable_sort(table_.cells.begin(), table_.cells.end(), [](const ast::Cell& a, const ast::Cell& b) {
            return a.row != b.row ? a.row < b.row : a.column < b.column;
        });
    }

private:
    std::size_t arity(std::size_t row) const { return spec_.rows[row].numeric ? spec_.columns_of(row).size() : 0; }

    void add_cell(std::size_t row, std::size_t column, const ast::TableItem& item) {
        table_.cells.push_back({row, column, item.span, item.text, std::nullopt, {}, true});
    }

    // Values follow their row's label; a label, a block title or a header ends the run.
    void assemble_labelled_rows() {
        std::optional<std::size_t> row;     // the row whose values are being read
        bool skipping_duplicate = false;    // values of a repeated row are not used
        std::size_t highest = 0;
        std::vector<const ast::TableItem*> run;
        const ast::TableItem* label = nullptr;

        auto finish = [&] {
            if (row) deal(*row, *label, run);
            row.reset();
            run.clear();
        };
        for (const auto& item : table_.items) {
            switch (item.kind) {
                case ItemKind::RowLabel: {
                    finish();
                    skipping_duplicate = false;
                    if (const auto* first = first_seen_[item.index]) {
                        auto d = diag::make(diag::Code::XG1103, item.span, {std::string(spec_.rows[item.index].label)});
                        d.related.push_back({first->span, diag::NoteId::first_occurrence, {}});
                        report_.diagnostics.push_back(std::move(d));
                        skipping_duplicate = true;
                        break;
                    }
                    first_seen_[item.index] = &item;
                    if (item.index < highest)
                        report_.diagnostics.push_back(
                            diag::make(diag::Code::XG1104, item.span, {std::string(spec_.rows[item.index].label)}));
                    highest = std::max(highest, item.index);
                    row = item.index;
                    label = &item;
                    break;
                }
                case ItemKind::BlockTitle:
                case ItemKind::HeaderLabel:
                    finish();
                    skipping_duplicate = false;
                    break;
                case ItemKind::Value:
                    if (row) {
                        run.push_back(&item);
                    } else if (!skipping_duplicate) {
                        report_.diagnostics.push_back(diag::make(diag::Code::XG1107, item.span, {item.text}));
                    }
                    break;
                case ItemKind::Text:
                    // Text where a number should be is a bad cell, not a comment: keep it so
                    // that the value pass reports it. Past the row's arity it is prose.
                    if (row && run.size() < arity(*row)) run.push_back(&item);
                    break;
            }
        }
        finish();
    }

    // Table 四: one run of 15 numbers under the header, dealt to its rows in order.
    void assemble_one_run() {
        std::vector<const ast::TableItem*> run;
        for (const auto& item : table_.items)
            if (item.kind == ItemKind::Value) run.push_back(&item);
        std::size_t expected = 0;
        for (std::size_t r = 0; r < spec_.rows.size(); ++r) {
            for (std::size_t c = 0; c < arity(r); ++c, ++expected) {
                if (expected >= run.size()) continue;
                add_cell(r, c, *run[expected]);
                if (first_seen_[r] == nullptr) first_seen_[r] = run[expected];
            }
        }
        const std::string name(spec_.title);
        if (!run.empty() && run.size() < expected)
            report_.diagnostics.push_back(diag::make(diag::Code::XG1105, run.front()->span,
                {name, std::to_string(expected), std::to_string(run.size())}));
        if (run.size() > expected) {
            const std::vector<const ast::TableItem*> extra(run.begin() + static_cast<std::ptrdiff_t>(expected), run.end());
            report_.diagnostics.push_back(diag::make(diag::Code::XG1106, extra.front()->span,
                {name, std::to_string(expected), join_values(extra)}));
        }
    }

    void deal(std::size_t row, const ast::TableItem& label, const std::vector<const ast::TableItem*>& run) {
        const std::size_t n = arity(row);
        const std::string name(spec_.rows[row].label);
        if (run.size() < n)
            report_.diagnostics.push_back(diag::make(diag::Code::XG1105, label.span,
                {name, std::to_string(n), std::to_string(run.size())}));
        for (std::size_t c = 0; c < std::min(n, run.size()); ++c) add_cell(row, c, *run[c]);
        if (run.size() > n) {
            const std::vector<const ast::TableItem*> extra(run.begin() + static_cast<std::ptrdiff_t>(n), run.end());
            report_.diagnostics.push_back(diag::make(diag::Code::XG1106, extra.front()->span,
                {name, std::to_string(n), join_values(extra)}));
        }
    }

    // A missing row is reported where it should have been: at the next row that is present.
    // Consecutive missing rows (a cut-off table) make one diagnostic.
    void report_missing_rows() {
        if (spec_.values_in_one_run) return;  // a short run is reported by assemble_one_run
        if (std::none_of(first_seen_.begin(), first_seen_.end(), [](const auto* p) { return p != nullptr; })) return;
        for (std::size_t r = 0; r < spec_.rows.size();) {
            if (first_seen_[r] != nullptr || !spec_.rows[r].numeric) {
                ++r;
                continue;
            }
            std::size_t next = r;  // the first row present after the gap
            std::size_t last = r, missing = 0;
            for (; next < spec_.rows.size() && first_seen_[next] == nullptr; ++next) {
                if (!spec_.rows[next].numeric) continue;
                last = next;
                ++missing;
            }
            const diag::Span at = next < spec_.rows.size()
                ? diag::Span{first_seen_[next]->span.begin, first_seen_[next]->span.begin}
                : diag::Span{table_.span.end, table_.span.end};
            const std::string title(spec_.title), first_label(spec_.rows[r].label);
            if (missing == 1) {
                report_.diagnostics.push_back(diag::make(diag::Code::XG1102, at, {title, first_label}));
            } else {
                report_.diagnostics.push_back(diag::make(diag::Code::XG1108, at,
                    {title, first_label, std::string(spec_.rows[last].label), std::to_string(missing)}));
            }
            r = next;
        }
    }

    ast::Report& report_;
    ast::Table& table_;
    const tpl::Table& spec_;
    std::vector<const ast::TableItem*> first_seen_;  // per template row: the item that introduced it
};

}  // namespace

void assemble_tables(ast::Report& report) {
    if (report.sections.empty()) return;  // not a report: XG0006 says so once
    for (auto& table : report.tables) TableAssembler(report, table).run();
    for (const auto& spec : report.form->tables) {
        const ast::Table* table = report.table(spec.kind);
        const bool empty = table == nullptr || table->cells.empty();
        if (!empty) continue;
        // Without its section the table's absence is already reported (XG1001).
        if (const ast::Section* section = report.section(spec.section))
            report.diagnostics.push_back(diag::make(diag::Code::XG1101, section->heading, {std::string(spec.title)}));
    }
}

}  // namespace xxgk::passes
