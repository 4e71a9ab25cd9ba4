#include <algorithm>
#include <map>

#include "passes.hpp"

namespace xxgk::passes {

namespace {

// The cells of one table by template position.
class Grid {
public:
    explicit Grid(const ast::Table& table) {
        for (const auto& cell : table.cells) cells_[{cell.row, cell.column}] = &cell;
    }
    const ast::Cell* at(std::size_t row, std::size_t column) const {
        const auto it = cells_.find({row, column});
        return it == cells_.end() ? nullptr : it->second;
    }

private:
    std::map<std::pair<std::size_t, std::size_t>, const ast::Cell*> cells_;
};

struct Term {
    std::size_t row, column;
    const ast::Cell* cell;  // nullptr: the cell is missing (a structure diagnostic says so)
};

class IdentityChecker {
public:
    IdentityChecker(ast::Report& report, const tpl::Identity& identity, const ast::Table& table)
        : report_(report), identity_(identity), table_(table), spec_(*report.form->table(table.kind)), grid_(table) {}

    void run() {
        if (identity_.axis == tpl::IdentityAxis::PerColumn) {
            const auto columns = spec_.blocks.front().columns.size();
            for (std::size_t c = 0; c < columns; ++c) check_column(c);
        } else {
            for (std::size_t r = 0; r < spec_.rows.size(); ++r) check_row(r);
        }
    }

private:
    void check_column(std::size_t column) {
        std::vector<Term> lhs, rhs;
        for (const auto id : identity_.lhs) lhs.push_back(term(*spec_.row_index(id), column));
        for (const auto id : identity_.rhs) rhs.push_back(term(*spec_.row_index(id), column));
        evaluate(lhs, rhs, std::string(spec_.blocks.front().columns[column].label));
    }

    void check_row(std::size_t row) {
        if (!spec_.rows[row].numeric) return;
        if (!identity_.rows.empty() &&
            std::find(identity_.rows.begin(), identity_.rows.end(), spec_.rows[row].id) == identity_.rows.end())
            return;
        std::vector<Term> lhs, rhs;
        for (const auto id : identity_.lhs) lhs.push_back(term(row, *spec_.column_index(row, id)));
        for (const auto id : identity_.rhs) rhs.push_back(term(row, *spec_.column_index(row, id)));
        evaluate(lhs, rhs, std::string(spec_.rows[row].label));
    }

    Term term(std::size_t row, std::size_t column) const { return {row, column, grid_.at(row, column)}; }

    diag::Related note(const Term& t, diag::NoteId id, std::vector<std::string> extra = {}) const {
        std::vector<std::string> args{row_label(report_, table_.kind, t.row),
                                      column_label(report_, table_.kind, t.row, t.column)};
        for (auto& e : extra) args.push_back(std::move(e));
        return {t.cell ? t.cell->span : diag::Span{}, id, std::move(args)};
    }

    void evaluate(const std::vector<Term>& lhs, const std::vector<Term>& rhs, std::string where) {
        std::int64_t lhs_sum = 0, rhs_sum = 0;
        for (const auto* side : {&lhs, &rhs}) {
            for (const auto& t : *side) {
                // A missing cell already has its structure diagnostic; nothing to add here.
                if (t.cell == nullptr) return;
                if (!t.cell->value || !t.cell->value->is_integer()) {
                    const auto& anchor = lhs.front().cell ? *lhs.front().cell : *t.cell;
                    auto d = diag::make(diag::Code::XG2000, anchor.span,
                        {std::string(identity_.name), where,
                         row_label(report_, table_.kind, t.row) + " · " + column_label(report_, table_.kind, t.row, t.column)});
                    d.related.push_back(note(t, diag::NoteId::term_unfilled));
                    report_.diagnostics.push_back(std::move(d));
                    return;
                }
                (side == &lhs ? lhs_sum : rhs_sum) += t.cell->value->mantissa;
            }
        }
        if (lhs_sum == rhs_sum) return;
        const diag::Code code = diag::find_code(identity_.code)->code;
        auto d = diag::make(code, lhs.front().cell->span, {std::move(where), std::to_string(lhs_sum), std::to_string(rhs_sum)});
        for (const auto* side : {&lhs, &rhs}) {
            for (const auto& t : *side) {
                if (&t == &lhs.front()) continue;
                d.related.push_back(note(t, diag::NoteId::term_value, {t.cell->value->to_string()}));
            }
        }
        report_.diagnostics.push_back(std::move(d));
    }

    ast::Report& report_;
    const tpl::Identity& identity_;
    const ast::Table& table_;
    const tpl::Table& spec_;
    Grid grid_;
};

}  // namespace

std::string row_label(const ast::Report& report, tpl::TableKind table, std::size_t row) {
    return std::string(report.form->table(table)->rows[row].label);
}

std::string column_label(const ast::Report& report, tpl::TableKind table, std::size_t row, std::size_t column) {
    return std::string(report.form->table(table)->columns_of(row)[column].label);
}

void check_identities(ast::Report& report) {
    for (const auto& identity : report.form->identities) {
        if (const ast::Table* table = report.table(identity.table)) IdentityChecker(report, identity, *table).run();
    }
}

}  // namespace xxgk::passes
