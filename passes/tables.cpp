#include <algorithm>
#include <numeric>
#include <optional>
#include <stdexcept>

#include "cell_value.hpp"
#include "derived_once.hpp"
#include "digit_runs.hpp"
#include "passes.hpp"
#include "stated_figures.hpp"

namespace xxgk::passes {

namespace {

using ast::ItemKind;

std::string join_values(const std::vector<const ast::TableItem*>& items, std::string_view separator = ", ") {
    std::string out;
    for (const auto* item : items) {
        if (!out.empty()) out += separator;
        out += item->text;
    }
    return out;
}

// Arguments of a message, moved into place: a braced list would copy each string.
template <typename... Args>
std::vector<std::string> message_args(Args&&... args) {
    std::vector<std::string> out;
    out.reserve(sizeof...(args));
    (out.emplace_back(std::forward<Args>(args)), ...);
    return out;
}

// Values that may be digits run together: too few values, each a number that could be cut, and
// enough digits between them for every cell.
bool may_be_run_together(const std::vector<const ast::TableItem*>& run, std::size_t cells) {
    if (run.size() >= cells) return false;
    std::size_t digits = 0;
    for (const auto* item : run) {
        const std::size_t capacity = item->kind == ItemKind::Value ? digit_runs::capacity(item->text) : 0;
        if (capacity == 0) return false;
        digits += capacity;
    }
    return digits >= cells;
}

std::size_t arity(const tpl::Table& spec, std::size_t row) { return spec.rows[row].numeric ? spec.columns_of(row).size() : 0; }

// The cells of a table as the slots of a digit-run problem: every cell of the numeric rows, in
// template order, so that a row's cells are consecutive slots.
class SlotLayout {
public:
    explicit SlotLayout(const tpl::Table& spec) {
        first_.reserve(spec.rows.size() + 1);
        first_.push_back(0);
        for (std::size_t r = 0; r < spec.rows.size(); ++r) {
            first_.push_back(first_.back() + arity(spec, r));
            row_of_.insert(row_of_.end(), arity(spec, r), r);
        }
    }
    std::size_t size() const { return first_.back(); }
    // A cell outside the numeric rows has no slot: template data that names one (in an identity
    // or a figure) is a bug, stopped here rather than read as another cell's slot.
    std::size_t of(std::size_t row, std::size_t column) const {
        if (row + 1 >= first_.size() || first_[row] + column >= first_[row + 1]) throw std::out_of_range("no slot for this cell");
        return first_[row] + column;
    }
    std::size_t of(std::pair<std::size_t, std::size_t> cell) const { return of(cell.first, cell.second); }
    // The row and column of a slot.
    std::pair<std::size_t, std::size_t> cell(std::size_t slot) const { return {row_of_[slot], slot - first_[row_of_[slot]]}; }

private:
    std::vector<std::size_t> first_;   // per row: the slot of its first cell; last, the number of slots
    std::vector<std::size_t> row_of_;  // per slot
};

// What the digit-run search needs of a table that is the same in every report of its form: its
// slots, what each holds, and the form's identities over them.
struct TableSlots {
    TableSlots(const tpl::Template& form, const tpl::Table& spec) : layout(spec) {
        kinds.reserve(layout.size());
        for (std::size_t r = 0; r < spec.rows.size(); ++r)
            for (std::size_t c = 0; c < arity(spec, r); ++c) kinds.push_back(spec.columns_of(r)[c].kind);
        for (const auto& instance : form.identity_instances) {
            if (form.identities[instance.identity].table != spec.kind) continue;
            digit_runs::Equation& e = identities.emplace_back();
            e.terms.reserve(instance.terms.size());
            for (const auto& t : instance.terms) e.terms.push_back({layout.of(t.row, t.column), t.coefficient});
        }
    }

    SlotLayout layout;
    std::vector<tpl::ValueKind> kinds;              // per slot
    std::vector<digit_runs::Equation> identities;  // the form's identities over the table's slots
};

class TableAssembler {
public:
    TableAssembler(ast::Report& report, ast::Table& table)
        : report_(report), table_(table), spec_(*report.form->table(table.kind)), slots_(derived_once(*report.form, spec_, own_slots_,
                                [](const tpl::Template& form, const tpl::Table& spec) { return TableSlots(form, spec); })),
          first_seen_(spec_.rows.size(), nullptr) {}
    TableAssembler(const TableAssembler&) = delete;  // slots_ may refer to its own own_slots_
    TableAssembler& operator=(const TableAssembler&) = delete;

    // True when the table holds rows: cells, or runs of digits that were reported on.
    bool run() {
        table_.cells.reserve(slots_.layout.size());  // at most one cell per slot
        if (spec_.values_in_one_run) {
            assemble_one_run();
        } else {
            assemble_labelled_rows();
        }
        read_runs_together();
        report_missing_rows();
        sort_cells();
        return !table_.cells.empty() || !together_.empty();
    }

private:
    std::size_t arity(std::size_t row) const { return passes::arity(spec_, row); }

    void add_cell(std::size_t row, std::size_t column, const ast::TableItem& item) {
        // Made in place: a cell built aside and moved in would cost its strings twice.
        table_.cells.emplace_back(row, column, item.span, std::string(item.text), std::nullopt, std::string(), true);
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
                        report_.diagnostics.push_back(diag::make(diag::Code::XG1107, item.span, {std::string(item.text)}));
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
        if (may_be_run_together(run, slots_.layout.size())) {
            together_.push_back({spec_.title, run, 0, slots_.layout.size(), nullptr});  // every slot, in order
            return;
        }
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
        if (may_be_run_together(run, n)) {
            together_.push_back({spec_.rows[row].label, run, slots_.layout.of(row, 0), n, &label});
            return;
        }
        deal_in_order(row, label, run);
    }

    // Values dealt to the row's columns in order; too few or too many are reported.
    void deal_in_order(std::size_t row, const ast::TableItem& label, const std::vector<const ast::TableItem*>& run) {
        const std::size_t n = arity(row);
        const std::string_view name = spec_.rows[row].label;
        if (run.size() < n)
            report_.diagnostics.push_back(diag::make(diag::Code::XG1105, label.span,
                {std::string(name), std::to_string(n), std::to_string(run.size())}));
        for (std::size_t c = 0; c < std::min(n, run.size()); ++c) add_cell(row, c, *run[c]);
        if (run.size() > n) {
            const std::vector<const ast::TableItem*> extra(run.begin() + static_cast<std::ptrdiff_t>(n), run.end());
            report_.diagnostics.push_back(diag::make(diag::Code::XG1106, extra.front()->span,
                {std::string(name), std::to_string(n), join_values(extra)}));
        }
    }

    // Runs of digits read as cells (digit_runs.hpp): the identities of the whole table and the
    // figures of section 一 decide, and a run they leave open is an error, never a guess.
    void read_runs_together() {
        if (together_.empty()) return;
        const digit_runs::Problem problem = runs_problem();
        // Section 一's figures, read only if the search asks for them: most runs are settled by the
        // identities, and reading the prose costs more than the search.
        std::vector<StatedFigure> stated;
        std::vector<digit_runs::Figure> figures;
        const auto read_figures = [&]() -> const std::vector<digit_runs::Figure>& {
            stated = stated_figures(report_, spec_);
            for (const auto& f : stated) {
                digit_runs::Figure figure{{}, f.value};
                for (const auto& cell : f.cells) figure.slots.push_back(slots_.layout.of(cell));
                figures.push_back(std::move(figure));
            }
            return figures;
        };

        const auto decisions = digit_runs::decide(problem, read_figures);
        std::vector<diag::Related> readings;  // of the runs read, for one note on the table
        std::optional<diag::Span> first_read;
        std::size_t read = 0;
        for (std::size_t i = 0; i < together_.size(); ++i) {
            const RunTogether& t = together_[i];
            const auto& d = decisions[i];
            const diag::Span at{t.items.front()->span.begin, t.items.back()->span.end};
            std::string digits = join_values(t.items, " ");
            switch (d.kind) {
                case digit_runs::Decision::Kind::Read: {
                    const digit_runs::Reading& reading = d.readings.front();
                    std::vector<std::string> values;
                    values.reserve(t.slots);
                    // The pieces of one item come together: where it begins in the text is found once.
                    std::optional<std::size_t> item;
                    std::uint32_t item_begin = 0;
                    for (std::size_t k = 0; k < t.slots; ++k) {
                        if (item != reading[k].item) {
                            item = reading[k].item;
                            item_begin = report_.text->map.to_normalised(t.items[*item]->span.begin);
                        }
                        values.push_back(add_piece(slots_.layout.cell(t.first_slot + k), *t.items[*item], item_begin, reading[k]));
                    }
                    readings.push_back({at, diag::NoteId::split_run, message_args(t.name, std::move(digits), enumerate(values))});
                    for (const auto f : d.figures)
                        readings.push_back({stated[f].span, diag::NoteId::split_by_text, {std::to_string(stated[f].value)}});
                    if (!first_read) first_read = at;
                    ++read;
                    break;
                }
                case digit_runs::Decision::Kind::Ambiguous: {
                    auto error = diag::make(diag::Code::XG1111, at, message_args(t.name, std::move(digits), std::to_string(d.count)));
                    // The search gave up: the readings listed are some of those that fit, not all.
                    if (!d.complete) error.headline = diag::NoteId::split_unweighed;
                    for (const auto& reading : d.readings) {
                        std::vector<std::string> values;
                        for (const auto& piece : reading) values.emplace_back(t.items[piece.item]->text.substr(piece.begin, piece.end - piece.begin));
                        error.related.push_back({std::nullopt, diag::NoteId::split_candidate, {enumerate(values)}});
                    }
                    report_.diagnostics.push_back(std::move(error));
                    break;
                }
                case digit_runs::Decision::Kind::Unreadable:
                    // Separate values too few for the row: cells are missing, not run together.
                    if (t.label != nullptr && t.items.size() > 1) {
                        deal_in_order(slots_.layout.cell(t.first_slot).first, *t.label, t.items);
                        break;
                    }
                    report_.diagnostics.push_back(
                        diag::make(diag::Code::XG1112, at, message_args(t.name, std::move(digits), std::to_string(t.slots))));
                    break;
            }
        }
        if (read == 0) return;
        auto note = diag::make(diag::Code::XG1110, *first_read, {std::string(spec_.title), std::to_string(read)});
        note.related = std::move(readings);
        report_.diagnostics.push_back(std::move(note));
    }

    // The table's cells, those read so far, its identities and its runs, as slots.
    digit_runs::Problem runs_problem() const {
        digit_runs::Problem problem;
        problem.kinds = slots_.kinds;
        problem.known.resize(slots_.layout.size());
        for (const auto& cell : table_.cells) {
            const CellReading reading = read_cell(cell.text);
            if (reading.kind == CellReading::Kind::Number && reading.number.is_integer())
                problem.known[slots_.layout.of(cell.row, cell.column)] = reading.number.mantissa;
        }
        problem.identities = slots_.identities;
        problem.runs.reserve(together_.size());
        for (const auto& t : together_) {
            digit_runs::Run& run = problem.runs.emplace_back();
            run.items.reserve(t.items.size());
            for (const auto* item : t.items) run.items.push_back(item->text);
            run.slots.resize(t.slots);
            std::iota(run.slots.begin(), run.slots.end(), t.first_slot);
        }
        return problem;
    }

    // A cell cut from a run: its location is where its digits stand in the original. `item_begin`
    // is where the item begins in the normalised text.
    std::string add_piece(std::pair<std::size_t, std::size_t> cell, const ast::TableItem& item, std::uint32_t item_begin,
                          const digit_runs::Piece& piece) {
        const auto& map = report_.text->map;
        const diag::Span span{map.to_original_begin(item_begin + static_cast<std::uint32_t>(piece.begin)),
                              map.to_original_end(item_begin + static_cast<std::uint32_t>(piece.end))};
        std::string text(item.text.substr(piece.begin, piece.end - piece.begin));
        table_.cells.emplace_back(cell.first, cell.second, span, text, std::nullopt, std::string(), true);
        return text;
    }

    // Cells in template order, keeping the order of cells of the same place. Dealt rows come in
    // order unless a report misorders them, so most tables are sorted already; cells read from runs
    // come last and are put in place by moving each cell once, not by a sort that moves cells and
    // their strings again and again.
    void sort_cells() {
        auto& cells = table_.cells;
        const auto before = [](const ast::Cell& a, const ast::Cell& b) { return a.row != b.row ? a.row < b.row : a.column < b.column; };
        if (std::is_sorted(cells.begin(), cells.end(), before)) return;
        std::vector<std::size_t> order(cells.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return before(cells[a], cells[b]); });
        std::vector<ast::Cell> sorted;
        sorted.reserve(cells.size());
        for (const auto i : order) sorted.push_back(std::move(cells[i]));
        cells = std::move(sorted);
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

    // Values that may be digits run together, read once the whole table is known.
    struct RunTogether {
        std::string_view name;  // the row's label; the table's title for table 四
        std::vector<const ast::TableItem*> items;
        std::size_t first_slot, slots;  // the cells it fills, consecutive slots: a row's, or all of table 四's
        const ast::TableItem* label;    // the row label; nullptr for table 四
    };

    ast::Report& report_;
    ast::Table& table_;
    const tpl::Table& spec_;
    std::optional<TableSlots> own_slots_;  // declared before slots_, which may refer to it
    const TableSlots& slots_;
    std::vector<const ast::TableItem*> first_seen_;  // per template row: the item that introduced it
    std::vector<RunTogether> together_;
};

}  // namespace

void assemble_tables(ast::Report& report) {
    if (report.sections.empty()) return;  // not a report: XG0006 says so once
    std::vector<tpl::TableKind> with_rows;
    for (auto& table : report.tables)
        if (TableAssembler(report, table).run()) with_rows.push_back(table.kind);
    for (const auto& spec : report.form->tables) {
        if (std::find(with_rows.begin(), with_rows.end(), spec.kind) != with_rows.end()) continue;
        // Without its section the table's absence is already reported (XG1001).
        if (const ast::Section* section = report.section(spec.section))
            report.diagnostics.push_back(diag::make(diag::Code::XG1101, section->heading, {std::string(spec.title)}));
    }
}

}  // namespace xxgk::passes
