#include "backends.hpp"

namespace xxgk::backends {

namespace {

// RFC 4180: quote a field that holds a comma, a quote or a line break; double inner quotes.
void field(std::ostream& out, std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
        out << s;
        return;
    }
    out << '"';
    for (const char c : s) {
        if (c == '"') out << '"';
        out << c;
    }
    out << '"';
}

}  // namespace

void write_csv_header(std::ostream& out) { out << "file,template,table,row,column,value,unit,raw,line,col\r\n"; }

void write_csv_rows(std::ostream& out, const ast::Report& report, const RenderOptions& options) {
    const auto& file = *report.file;
    for (const auto& table : report.tables) {
        const auto& spec = *report.form->table(table.kind);
        for (const auto& cell : table.cells) {
            const auto at = file.line_col(cell.span.begin, options.column_unit);
            field(out, file.name());
            out << ',' << report.form->version << ',' << spec.id << ',';
            field(out, spec.rows[cell.row].id);
            out << ',' << spec.columns_of(cell.row)[cell.column].id << ',';
            if (cell.value) out << cell.value->to_string();
            out << ',' << cell.unit << ',';
            field(out, file.text_of(cell.span.begin, cell.span.end));
            out << ',' << at.line << ',' << at.col << "\r\n";
        }
    }
}

}  // namespace xxgk::backends
