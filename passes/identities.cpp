// The identities (勾稽关系) of the template, evaluated with unknown propagation, and cell blame:
// when sums fail, the smallest set of cells whose change repairs them all is the error, not
// each failed sum on its own.
#include <algorithm>
#include <map>
#include <numeric>

#include "blame.hpp"
#include "passes.hpp"

namespace xxgk::passes {

namespace {

// One identity instance of the template (tpl::IdentityInstance) evaluated on one table:
// Σ lhs = Σ rhs. Its terms are the template's; their cells are looked up in the table's Grid.
struct Instance {
    enum class State { Holds, Fails, Unknown, Incomplete };
    const tpl::IdentityInstance* spec;
    const tpl::Identity* identity;
    State state = State::Holds;
    std::int64_t lhs_sum = 0, rhs_sum = 0;
    const tpl::IdentityInstance::Term* unfilled = nullptr;  // the first unknown operand (State::Unknown)

    std::string_view where() const { return spec->where; }  // the label of its column or row (template data)
    const std::vector<tpl::IdentityInstance::Term>& terms() const { return spec->terms; }
    // Looked up only for a diagnostic: most instances hold.
    diag::Code code() const { return diag::find_code(identity->code)->code; }
};

// The table's cells by row and column, in a flat array: every term of every instance is looked up.
class Grid {
public:
    explicit Grid(const ast::Table& table) {
        for (const auto& cell : table.cells) {
            rows_ = std::max(rows_, cell.row + 1);
            columns_ = std::max(columns_, cell.column + 1);
        }
        cells_.assign(rows_ * columns_, nullptr);
        for (const auto& cell : table.cells) cells_[cell.row * columns_ + cell.column] = &cell;
    }
    // nullptr: the cell is missing (a structure diagnostic says so).
    const ast::Cell* at(std::size_t row, std::size_t column) const {
        return row < rows_ && column < columns_ ? cells_[row * columns_ + column] : nullptr;
    }
    const ast::Cell* at(const tpl::IdentityInstance::Term& term) const { return at(term.row, term.column); }

private:
    std::size_t rows_ = 0, columns_ = 0;
    std::vector<const ast::Cell*> cells_;
};

void evaluate(Instance& in, const Grid& grid) {
    __int128 sums[2] = {0, 0};  // wide: twenty 64-bit values cannot overflow it
    for (const auto& t : in.terms()) {
        const ast::Cell* cell = grid.at(t);
        if (cell == nullptr) {
            in.state = Instance::State::Incomplete;
            return;
        }
        if (!cell->value || !cell->value->is_integer()) {
            if (in.state != Instance::State::Unknown) in.unfilled = &t;
            in.state = Instance::State::Unknown;
            continue;
        }
        sums[t.coefficient > 0 ? 0 : 1] += cell->value->mantissa;
    }
    if (in.state == Instance::State::Unknown) return;
    constexpr __int128 kMax = std::numeric_limits<std::int64_t>::max();
    if (sums[0] > kMax || sums[1] > kMax || sums[0] < -kMax || sums[1] < -kMax) {
        in.state = Instance::State::Incomplete;  // XG3006 territory: the values are not counts
        return;
    }
    in.lhs_sum = static_cast<std::int64_t>(sums[0]);
    in.rhs_sum = static_cast<std::int64_t>(sums[1]);
    in.state = in.lhs_sum == in.rhs_sum ? Instance::State::Holds : Instance::State::Fails;
}

class TableChecker {
public:
    TableChecker(ast::Report& report, const ast::Table& table)
        : report_(report), table_(table), spec_(*report.form->table(table.kind)), grid_(table) {}

    void run() {
        instances_.reserve(report_.form->identity_instances.size());  // those of the other tables too: a bound, not a count
        for (const auto& spec : report_.form->identity_instances) {
            const tpl::Identity& identity = report_.form->identities[spec.identity];
            if (identity.table != table_.kind) continue;
            Instance& in = instances_.emplace_back(Instance{&spec, &identity});
            evaluate(in, grid_);
        }
        std::vector<const Instance*> failed;
        for (const auto& in : instances_) {
            if (in.state == Instance::State::Unknown) report_unverifiable(in);
            if (in.state == Instance::State::Fails) failed.push_back(&in);
        }
        if (!failed.empty()) blame(failed);
    }

private:
    // Whether `cell` is one of the instance's terms.
    bool contains(const Instance& in, const ast::Cell* cell) const {
        return std::any_of(in.terms().begin(), in.terms().end(), [&](const auto& t) { return grid_.at(t) == cell; });
    }

    std::string name(const ast::Cell& cell) const {
        return row_label(report_, table_.kind, cell.row) + " · " + column_label(report_, table_.kind, cell.row, cell.column);
    }

    diag::Related value_note(const ast::Cell& cell) const {
        return {cell.span, diag::NoteId::term_value,
                {row_label(report_, table_.kind, cell.row), column_label(report_, table_.kind, cell.row, cell.column),
                 cell.value->to_string()}};
    }

    void report_unverifiable(const Instance& in) {
        const auto& t = *in.unfilled;
        const ast::Cell& unfilled = *grid_.at(t);
        const auto& anchor = grid_.at(in.terms().front()) ? *grid_.at(in.terms().front()) : unfilled;
        auto d = diag::make(diag::Code::XG2000, anchor.span, {std::string(in.identity->name), std::string(in.where()), name(unfilled)});
        d.related.push_back({unfilled.span, diag::NoteId::term_unfilled,
                             {row_label(report_, table_.kind, t.row), column_label(report_, table_.kind, t.row, t.column)}});
        report_.diagnostics.push_back(std::move(d));
    }

    // The failed sums as equations over the table's known cells, and the smallest repairs.
    void blame(const std::vector<const Instance*>& failed) {
        // Per cell of the table (by its index in table_.cells): its variable, numbered as first met.
        constexpr std::size_t kNone = SIZE_MAX;
        std::vector<std::size_t> variable_of(table_.cells.size(), kNone);
        std::vector<const ast::Cell*> cells;
        std::vector<std::int64_t> values;
        std::vector<blame::Equation> equations;
        for (const auto& in : instances_) {
            if (in.state != Instance::State::Holds && in.state != Instance::State::Fails) continue;
            blame::Equation& e = equations.emplace_back();
            e.residual = in.lhs_sum - in.rhs_sum;
            e.terms.reserve(in.terms().size());
            for (const auto& t : in.terms()) {
                const ast::Cell* cell = grid_.at(t);  // every term of a sum that holds or fails has its cell
                std::size_t& variable = variable_of[static_cast<std::size_t>(cell - table_.cells.data())];
                if (variable == kNone) {
                    variable = cells.size();
                    cells.push_back(cell);
                    values.push_back(cell->value->mantissa);
                }
                e.terms.push_back({variable, t.coefficient});
            }
        }
        const auto acceptable = [&](std::size_t v, std::int64_t value) {
            return value >= 0 || spec_.columns_of(cells[v]->row)[cells[v]->column].kind == tpl::ValueKind::SignedCount;
        };
        const auto repairs = blame::minimal_repairs(equations, values, acceptable);
        if (repairs.size() == 1) {
            report_blamed(repairs.front(), cells, failed);
            return;
        }
        for (const auto* in : failed) report_failed(*in, repairs, cells);
    }

    // One diagnostic per group of blamed cells that share a sum: the two cells of one row that
    // its 总计 ties together are one error, two unrelated slips are two.
    void report_blamed(const blame::Repair& repair, const std::vector<const ast::Cell*>& cells,
                       const std::vector<const Instance*>& failed) {
        std::vector<std::size_t> group(repair.size());
        std::iota(group.begin(), group.end(), 0);
        const auto root = [&](std::size_t i) {
            while (group[i] != i) i = group[i];
            return i;
        };
        for (const auto& in : instances_) {
            if (in.state != Instance::State::Holds && in.state != Instance::State::Fails) continue;
            std::optional<std::size_t> first;
            for (std::size_t i = 0; i < repair.size(); ++i) {
                if (!contains(in, cells[repair[i].variable])) continue;
                if (!first) first = i;
                else group[root(i)] = root(*first);
            }
        }
        std::map<std::size_t, std::vector<const blame::Change*>> groups;
        for (std::size_t i = 0; i < repair.size(); ++i) groups[root(i)].push_back(&repair[i]);
        for (const auto& [_, changes] : groups) {
            std::vector<const Instance*> repaired;
            for (const auto* in : failed)
                if (std::any_of(changes.begin(), changes.end(), [&](const blame::Change* c) { return contains(*in, cells[c->variable]); }))
                    repaired.push_back(in);
            report_group(changes, cells, repaired);
        }
    }

    void report_group(std::vector<const blame::Change*> changes, const std::vector<const ast::Cell*>& cells,
                      const std::vector<const Instance*>& repaired) {
        std::sort(changes.begin(), changes.end(), [&](const blame::Change* a, const blame::Change* b) {
            return cells[a->variable]->span.begin < cells[b->variable]->span.begin;
        });
        std::vector<std::string> names, now, should;
        for (const auto* c : changes) {
            const auto& cell = *cells[c->variable];
            // Cells of one row are named once: （七）总计 · 自然人、总计.
            const bool same_row = !names.empty() && cell.row == cells[changes.front()->variable]->row;
            names.push_back(same_row ? column_label(report_, table_.kind, cell.row, cell.column) : name(cell));
            now.push_back(cell.value->to_string());
            should.push_back(std::to_string(c->value));
        }
        const auto& primary = *cells[changes.front()->variable];
        auto d = diag::make(repaired.front()->code(), primary.span, {enumerate(names), enumerate(now), enumerate(should)});
        d.headline = changes.size() == 1 ? diag::NoteId::blamed_cell : diag::NoteId::blamed_cells;
        std::vector<const ast::Cell*> terms;
        for (const auto* in : repaired) {
            d.related.push_back({std::nullopt, diag::NoteId::failed_sum,
                                 {std::string(in->identity->code), std::string(in->identity->formula), std::string(in->where()),
                                  std::to_string(in->lhs_sum), std::to_string(in->rhs_sum)}});
            for (const auto& t : in->terms()) terms.push_back(grid_.at(t));
        }
        std::sort(terms.begin(), terms.end(), [](const ast::Cell* a, const ast::Cell* b) { return a->span.begin < b->span.begin; });
        terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
        for (const auto* cell : terms) {
            const bool blamed = std::any_of(changes.begin(), changes.end(), [&](const blame::Change* c) { return cells[c->variable] == cell; });
            if (!blamed) d.related.push_back(value_note(*cell));
        }
        for (const auto* c : changes) {
            const auto& cell = *cells[c->variable];
            d.fixes.push_back({cell.span, replacement(cell, c->value), diag::NoteId::fix_value,
                               {name(cell), cell.value->to_string(), std::to_string(c->value)}});
        }
        report_.diagnostics.push_back(std::move(d));
    }

    // A signed change keeps its written sign: +44 becomes +45, not 45.
    static std::string replacement(const ast::Cell& cell, std::int64_t value) {
        std::string text = std::to_string(value);
        if (!cell.text.empty() && cell.text.front() == '+' && value > 0) text.insert(text.begin(), '+');
        return text;
    }

    // The sums failed but the identities do not single out the cells: each failed sum is its own
    // error, with the candidate repairs that touch it.
    void report_failed(const Instance& in, const std::vector<blame::Repair>& repairs, const std::vector<const ast::Cell*>& cells) {
        auto d = diag::make(in.code(), grid_.at(in.terms().front())->span, {std::string(in.where()), std::to_string(in.lhs_sum), std::to_string(in.rhs_sum)});
        for (const auto& t : in.terms())
            if (&t != &in.terms().front()) d.related.push_back(value_note(*grid_.at(t)));
        for (const auto& repair : repairs) {
            if (!std::any_of(repair.begin(), repair.end(), [&](const blame::Change& c) { return contains(in, cells[c.variable]); }))
                continue;
            std::vector<std::string> names, values;
            for (const auto& c : repair) {
                names.push_back(name(*cells[c.variable]));
                values.push_back(std::to_string(c.value));
            }
            d.related.push_back({cells[repair.front().variable]->span, diag::NoteId::candidate_cells, {enumerate(names), enumerate(values)}});
        }
        report_.diagnostics.push_back(std::move(d));
    }

    ast::Report& report_;
    const ast::Table& table_;
    const tpl::Table& spec_;
    Grid grid_;
    std::vector<Instance> instances_;
};

}  // namespace

std::string enumerate(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += "、";
        out += p;
    }
    return out;
}

std::string row_label(const ast::Report& report, tpl::TableKind table, std::size_t row) {
    return std::string(report.form->table(table)->rows[row].label);
}

std::string column_label(const ast::Report& report, tpl::TableKind table, std::size_t row, std::size_t column) {
    return std::string(report.form->table(table)->columns_of(row)[column].label);
}

void check_identities(ast::Report& report) {
    for (const auto& table : report.tables) TableChecker(report, table).run();
}

}  // namespace xxgk::passes
