#include "template.hpp"

#include <algorithm>
#include <utility>

namespace xxgk::tpl {

std::optional<std::size_t> Table::row_index(std::string_view row_id) const {
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (rows[i].id == row_id) return i;
    return std::nullopt;
}

std::optional<std::size_t> Table::column_index(std::size_t row, std::string_view column_id) const {
    const auto columns = columns_of(row);
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].id == column_id) return i;
    return std::nullopt;
}

std::vector<std::string_view> Table::labels() const {
    std::vector<std::string_view> out;
    for (const auto& block : blocks) {
        if (!block.title.empty()) out.push_back(block.title);
        for (const auto& column : block.columns) {
            out.push_back(column.label);
            out.insert(out.end(), column.variants.begin(), column.variants.end());
        }
    }
    for (const auto& row : rows) {
        out.push_back(row.label);
        out.insert(out.end(), row.variants.begin(), row.variants.end());
    }
    return out;
}

std::vector<IdentityInstance> instantiate_identities(const Template& form) {
    std::vector<IdentityInstance> instances;
    for (std::size_t i = 0; i < form.identities.size(); ++i) {
        const Identity& identity = form.identities[i];
        const Table& table = *form.table(identity.table);
        // An id that names no row or column is a bug in the form's data: value() stops it here.
        if (identity.axis == IdentityAxis::PerColumn) {
            std::vector<std::pair<std::size_t, int>> rows;
            for (const auto id : identity.lhs) rows.emplace_back(table.row_index(id).value(), +1);
            for (const auto id : identity.rhs) rows.emplace_back(table.row_index(id).value(), -1);
            const auto& columns = table.blocks.front().columns;
            for (std::size_t c = 0; c < columns.size(); ++c) {
                IdentityInstance& in = instances.emplace_back(IdentityInstance{i, columns[c].label, {}});
                for (const auto& [row, coefficient] : rows) in.terms.push_back({row, c, coefficient});
            }
            continue;
        }
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            if (!table.rows[r].numeric) continue;
            if (!identity.rows.empty() && std::find(identity.rows.begin(), identity.rows.end(), table.rows[r].id) == identity.rows.end())
                continue;
            IdentityInstance& in = instances.emplace_back(IdentityInstance{i, table.rows[r].label, {}});
            for (const auto id : identity.lhs) in.terms.push_back({r, table.column_index(r, id).value(), +1});
            for (const auto id : identity.rhs) in.terms.push_back({r, table.column_index(r, id).value(), -1});
        }
    }
    return instances;
}

const Table* Template::table(TableKind kind) const {
    for (const auto& t : tables)
        if (t.kind == kind) return &t;
    return nullptr;
}

std::span<const Template* const> all_templates() {
    static const Template* const templates[] = {&template_2019(), &template_2021()};
    return templates;
}

const Template* find_template(std::string_view version) {
    for (const Template* t : all_templates())
        if (t->version == version) return t;
    return nullptr;
}

const Template* template_for_year(int year) {
    const Template* found = nullptr;
    for (const Template* t : all_templates())
        if (t->first_year <= year) found = t;
    return found;
}

}  // namespace xxgk::tpl
