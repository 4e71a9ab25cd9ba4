#include "template.hpp"

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
