#include "backends.hpp"
#include "json_diagnostic.hpp"
#include "json_writer.hpp"

namespace xxgk::backends {

namespace {

void optional_string(JsonWriter& w, const std::optional<std::string>& s) {
    if (s) w.string(*s);
    else w.null();
}

std::string_view original(const ast::Report& report, diag::Span span) {
    return report.file->text_of(span.begin, span.end);
}

void write_sections(JsonWriter& w, const ast::Report& report, const RenderOptions& options) {
    const auto& file = *report.file;
    w.begin_array();
    for (const auto& s : report.sections) {
        const auto at = file.line_col(s.heading.begin, options.column_unit);
        w.begin_object();
        w.key("number"); w.number(s.number);
        w.key("title"); w.string(original(report, s.heading));
        w.key("line"); w.number(at.line);
        w.key("col"); w.number(at.col);
        w.key("offset"); w.number(s.heading.begin);
        w.key("text"); w.string(original(report, s.body));
        w.end_object();
    }
    w.end_array();
}

void write_tables(JsonWriter& w, const ast::Report& report, const RenderOptions& options) {
    source::LineColCursor line_col(*report.file, options.column_unit);  // cells come mostly in file order
    w.begin_object();
    for (const auto& table : report.tables) {
        const auto& spec = *report.form->table(table.kind);
        w.key(spec.id);
        w.begin_object();
        w.key("cells");
        w.begin_array();
        for (const auto& cell : table.cells) {
            const auto at = line_col.at(cell.span.begin);
            w.begin_object();
            w.key("row"); w.string(spec.rows[cell.row].id);
            w.key("column"); w.string(spec.columns_of(cell.row)[cell.column].id);
            w.key("value");
            if (!cell.value) w.null();
            else if (cell.value->is_integer()) w.number(cell.value->mantissa);
            else w.decimal(cell.value->to_string());
            w.key("unit"); w.string(cell.unit);
            w.key("raw"); w.string(original(report, cell.span));
            w.key("line"); w.number(at.line);
            w.key("col"); w.number(at.col);
            w.key("offset"); w.number(cell.span.begin);
            w.end_object();
        }
        w.end_array();
        w.end_object();
    }
    w.end_object();
}

}  // namespace

void write_json(std::ostream& out, const ast::Report& report, const RenderOptions& options, bool pretty) {
    const auto& file = *report.file;
    std::string doc;
    JsonWriter w(doc, pretty ? 2 : 0);
    w.begin_object();
    w.key("schema"); w.string("xxgk/report@1");
    w.key("file"); w.string(file.name());
    w.key("template"); w.string(report.form->version);
    w.key("traditional"); w.boolean(report.traditional);
    w.key("title"); optional_string(w, report.title);
    w.key("agency"); optional_string(w, report.agency);
    w.key("year");
    if (report.year) w.number(*report.year);
    else w.null();
    w.key("published"); optional_string(w, report.published);
    w.key("sections"); write_sections(w, report, options);
    w.key("tables"); write_tables(w, report, options);
    w.key("diagnostics");
    w.begin_array();
    for (const auto& d : report.diagnostics) write_diagnostic(w, &file, file.name(), d, options);
    w.end_array();
    w.end_object();
    doc += '\n';
    out << doc;
}

}  // namespace xxgk::backends
