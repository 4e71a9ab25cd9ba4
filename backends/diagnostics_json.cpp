#include <sstream>

#include "json_diagnostic.hpp"

namespace xxgk::backends {

namespace {

void write_range(JsonWriter& w, const source::SourceFile* file, diag::Span span, const RenderOptions& options) {
    const auto begin = file ? file->line_col(span.begin, options.column_unit) : source::LineCol{};
    const auto end = file ? file->line_col(span.end, options.column_unit) : source::LineCol{};
    w.key("line"); w.number(begin.line);
    w.key("col"); w.number(begin.col);
    w.key("end_line"); w.number(end.line);
    w.key("end_col"); w.number(end.col);
    w.key("offset"); w.number(span.begin);
}

}  // namespace

void write_diagnostic(JsonWriter& w, const source::SourceFile* file, const std::string& path, const diag::Diagnostic& d,
                      const RenderOptions& options) {
    w.begin_object();
    w.key("code"); w.string(diag::info(d.code).name);
    w.key("severity"); w.string(diag::severity_name(d.severity));
    w.key("message"); w.string(diag::message(d, options.lang));
    w.key("file"); w.string(path);
    write_range(w, file, d.span, options);
    w.key("related");
    w.begin_array();
    for (const auto& r : d.related) {
        w.begin_object();
        w.key("message"); w.string(diag::message(r, options.lang));
        w.key("file"); w.string(path);
        write_range(w, file, r.span.value_or(d.span), options);
        w.end_object();
    }
    w.end_array();
    w.key("fixes");
    w.begin_array();
    for (const auto& f : d.fixes) {
        w.begin_object();
        write_range(w, file, f.span, options);
        w.key("replacement"); w.string(f.replacement);
        w.key("message"); w.string(diag::message(f, options.lang));
        w.end_object();
    }
    w.end_array();
    w.end_object();
}

void write_diagnostics_json(std::ostream& out, std::span<const FileDiagnostic> diagnostics, const RenderOptions& options,
                            bool lines) {
    if (lines) {
        std::string text;
        for (const auto& fd : diagnostics) {
            JsonWriter w(text);
            write_diagnostic(w, fd.file, fd.path, *fd.diagnostic, options);
            text += '\n';
        }
        out << text;
        return;
    }
    std::ostringstream part;
    write_diagnostics_json_part(part, diagnostics, options);
    JsonDiagnosticsArray array(out);
    array.add(part.str());
    array.finish();
}

// Each object as it stands inside the array, one level down: the writer starts at depth 1.
void write_diagnostics_json_part(std::ostream& out, std::span<const FileDiagnostic> diagnostics, const RenderOptions& options) {
    std::string text;
    for (std::size_t i = 0; i < diagnostics.size(); ++i) {
        const auto& fd = diagnostics[i];
        text += i == 0 ? "  " : ",\n  ";
        JsonWriter w(text, 2, 1);
        write_diagnostic(w, fd.file, fd.path, *fd.diagnostic, options);
    }
    out << text;
}

void JsonDiagnosticsArray::add(std::string_view part) {
    if (part.empty()) return;
    out_ << (empty_ ? "[\n" : ",\n") << part;
    empty_ = false;
}

void JsonDiagnosticsArray::finish() { out_ << (empty_ ? "[]\n" : "\n]\n"); }

}  // namespace xxgk::backends
