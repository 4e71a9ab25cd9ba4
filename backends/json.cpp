#include <nlohmann/json.hpp>

#include "backends.hpp"
#include "json_diagnostic.hpp"

namespace xxgk::backends {

namespace {

using json = nlohmann::ordered_json;

json optional_string(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }

std::string_view original(const ast::Report& report, diag::Span span) {
    return report.file->text_of(span.begin, span.end);
}

}  // namespace

void write_json(std::ostream& out, const ast::Report& report, const RenderOptions& options, bool pretty) {
    const auto& file = *report.file;
    json doc;
    doc["schema"] = "xxgk/report@1";
    doc["file"] = file.name();
    doc["template"] = report.form->version;
    doc["traditional"] = report.traditional;
    doc["title"] = optional_string(report.title);
    doc["agency"] = optional_string(report.agency);
    doc["year"] = report.year ? json(*report.year) : json(nullptr);
    doc["published"] = optional_string(report.published);

    json sections = json::array();
    for (const auto& s : report.sections) {
        const auto at = file.line_col(s.heading.begin, options.column_unit);
        sections.push_back({{"number", s.number},
                            {"title", std::string(original(report, s.heading))},
                            {"line", at.line},
                            {"col", at.col},
                            {"offset", s.heading.begin},
                            {"text", std::string(original(report, s.body))}});
    }
    doc["sections"] = std::move(sections);

    json tables = json::object();
    source::LineColCursor line_col(file, options.column_unit);  // cells come mostly in file order
    for (const auto& table : report.tables) {
        const auto& spec = *report.form->table(table.kind);
        json cells = json::array();
        for (const auto& cell : table.cells) {
            const auto at = line_col.at(cell.span.begin);
            json value = nullptr;
            if (cell.value) {
                if (cell.value->is_integer()) value = cell.value->mantissa;
                else value = json::parse(cell.value->to_string());  // an exact decimal literal
            }
            cells.push_back({{"row", spec.rows[cell.row].id},
                             {"column", spec.columns_of(cell.row)[cell.column].id},
                             {"value", std::move(value)},
                             {"unit", cell.unit},
                             {"raw", std::string(original(report, cell.span))},
                             {"line", at.line},
                             {"col", at.col},
                             {"offset", cell.span.begin}});
        }
        tables[std::string(spec.id)] = {{"cells", std::move(cells)}};
    }
    doc["tables"] = std::move(tables);

    json diagnostics = json::array();
    for (const auto& d : report.diagnostics) diagnostics.push_back(diagnostic_json(&file, file.name(), d, options));
    doc["diagnostics"] = std::move(diagnostics);
    out << doc.dump(pretty ? 2 : -1, ' ', false, kInvalidUtf8) << '\n';
}

}  // namespace xxgk::backends
