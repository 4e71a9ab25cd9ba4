#include <charconv>

#include "backends.hpp"

namespace xxgk::backends {

namespace {

// RFC 4180: quote a field that holds a comma, a quote or a line break; double inner quotes.
void field(std::string& out, std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += s;
        return;
    }
    out += '"';
    for (const char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void number(std::string& out, std::uint32_t n) {
    char digits[16];
    out.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
}

}  // namespace

void write_csv_header(std::ostream& out) { out << "file,template,table,row,column,value,unit,raw,line,col\r\n"; }

// The rows are built in one string and written at once: a report has hundreds of cells, and a
// stream insertion per field costs more than the rest of the row.
void write_csv_rows(std::ostream& out, const ast::Report& report, const RenderOptions& options) {
    const auto& file = *report.file;
    source::LineColCursor line_col(file, options.column_unit);  // cells come mostly in file order
    std::string rows;
    std::string name;
    field(name, file.name());
    for (const auto& table : report.tables) {
        const auto& spec = *report.form->table(table.kind);
        for (const auto& cell : table.cells) {
            const auto at = line_col.at(cell.span.begin);
            rows += name;
            rows.append(",").append(report.form->version).append(",").append(spec.id).append(",");
            field(rows, spec.rows[cell.row].id);
            rows.append(",").append(spec.columns_of(cell.row)[cell.column].id).append(",");
            if (cell.value) rows += cell.value->to_string();
            rows.append(",").append(cell.unit).append(",");
            field(rows, file.text_of(cell.span.begin, cell.span.end));
            rows += ',';
            number(rows, at.line);
            rows += ',';
            number(rows, at.col);
            rows += "\r\n";
        }
    }
    out.write(rows.data(), static_cast<std::streamsize>(rows.size()));
}

}  // namespace xxgk::backends
