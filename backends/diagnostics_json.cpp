#include <sstream>

#include "json_diagnostic.hpp"

namespace xxgk::backends {

namespace {

using json = nlohmann::ordered_json;

void put_range(json& j, const source::SourceFile* file, diag::Span span, const RenderOptions& options) {
    const auto begin = file ? file->line_col(span.begin, options.column_unit) : source::LineCol{};
    const auto end = file ? file->line_col(span.end, options.column_unit) : source::LineCol{};
    j["line"] = begin.line;
    j["col"] = begin.col;
    j["end_line"] = end.line;
    j["end_col"] = end.col;
    j["offset"] = span.begin;
}

}  // namespace

json diagnostic_json(const source::SourceFile* file, const std::string& path, const diag::Diagnostic& d,
                     const RenderOptions& options) {
    json j;
    j["code"] = diag::info(d.code).name;
    j["severity"] = diag::severity_name(d.severity);
    j["message"] = diag::message(d, options.lang);
    j["file"] = path;
    put_range(j, file, d.span, options);
    json related = json::array();
    for (const auto& r : d.related) {
        json rj;
        rj["message"] = diag::message(r, options.lang);
        rj["file"] = path;
        put_range(rj, file, r.span.value_or(d.span), options);
        related.push_back(std::move(rj));
    }
    j["related"] = std::move(related);
    json fixes = json::array();
    for (const auto& f : d.fixes) {
        json fj;
        put_range(fj, file, f.span, options);
        fj["replacement"] = f.replacement;
        fj["message"] = diag::message(f, options.lang);
        fixes.push_back(std::move(fj));
    }
    j["fixes"] = std::move(fixes);
    return j;
}

void write_diagnostics_json(std::ostream& out, std::span<const FileDiagnostic> diagnostics, const RenderOptions& options,
                            bool lines) {
    if (lines) {
        for (const auto& fd : diagnostics)
            out << diagnostic_json(fd.file, fd.path, *fd.diagnostic, options).dump(-1, ' ', false, kInvalidUtf8) << '\n';
        return;
    }
    std::ostringstream part;
    write_diagnostics_json_part(part, diagnostics, options);
    JsonDiagnosticsArray array(out);
    array.add(part.str());
    array.finish();
}

// Each object as nlohmann::json indents it one level down inside an array: every line two
// spaces in (JSON strings hold no raw line breaks, so every line break is the layout's).
void write_diagnostics_json_part(std::ostream& out, std::span<const FileDiagnostic> diagnostics, const RenderOptions& options) {
    for (std::size_t i = 0; i < diagnostics.size(); ++i) {
        const auto& fd = diagnostics[i];
        const std::string object = diagnostic_json(fd.file, fd.path, *fd.diagnostic, options).dump(2, ' ', false, kInvalidUtf8);
        std::string indented = i == 0 ? "  " : ",\n  ";
        for (const char c : object) {
            indented += c;
            if (c == '\n') indented += "  ";
        }
        out << indented;
    }
}

void JsonDiagnosticsArray::add(std::string_view part) {
    if (part.empty()) return;
    out_ << (empty_ ? "[\n" : ",\n") << part;
    empty_ = false;
}

void JsonDiagnosticsArray::finish() { out_ << (empty_ ? "[]\n" : "\n]\n"); }

}  // namespace xxgk::backends
