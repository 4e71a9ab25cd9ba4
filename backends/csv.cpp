#include <algorithm>
#include <charconv>

#include "backends.hpp"

namespace xxgk::backends {

namespace {

bool needs_quotes(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; });
}

// RFC 4180: quote a field that holds a comma, a quote or a line break; double inner quotes.
void field(std::string& out, std::string_view s) {
    if (!needs_quotes(s)) {
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

template <typename Integer>
void number(std::string& out, Integer n) {
    char digits[24];
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
    std::size_t cells = 0;
    for (const auto& table : report.tables) cells += table.cells.size();
    rows.reserve(cells * 128);  // a row is about 100 bytes
    for (const auto& table : report.tables) {
        const auto& spec = *report.form->table(table.kind);
        std::string prefix;  // file,template,table, as every row of the table starts
        field(prefix, file.name());
        prefix.append(",").append(report.form->version).append(",").append(spec.id).append(",");
        for (const auto& cell : table.cells) {
            const auto at = line_col.at(cell.span.begin);
            rows += prefix;
            field(rows, spec.rows[cell.row].id);
            rows += ',';
            rows += spec.columns_of(cell.row)[cell.column].id;
            rows += ',';
            if (cell.value && cell.value->is_integer()) number(rows, cell.value->mantissa);
            else if (cell.value) rows += cell.value->to_string();
            rows += ',';
            rows += cell.unit;
            rows += ',';
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
