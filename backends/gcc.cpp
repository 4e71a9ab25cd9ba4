#include "backends.hpp"

namespace xxgk::backends {

namespace {

void location(std::ostream& out, const FileDiagnostic& fd, diag::Span span, const RenderOptions& options) {
    const auto at = fd.file ? fd.file->line_col(span.begin, options.column_unit) : source::LineCol{};
    out << fd.path << ':' << at.line << ':' << at.col << ": ";
}

}  // namespace

// FILE:LINE:COL: SEVERITY: MESSAGE [CODE], then a note line per related location: what Vim's
// errorformat, Emacs compilation-mode and VS Code's $gcc problem matcher read.
void write_gcc(std::ostream& out, std::span<const FileDiagnostic> diagnostics, const RenderOptions& options) {
    for (const auto& fd : diagnostics) {
        const auto& d = *fd.diagnostic;
        location(out, fd, d.span, options);
        out << diag::severity_name(d.severity) << ": " << diag::message(d, options.lang) << " [" << diag::info(d.code).name
            << "]\n";
        for (const auto& r : d.related) {
            location(out, fd, r.span.value_or(d.span), options);
            out << "note: " << diag::message(r, options.lang) << '\n';
        }
        for (const auto& f : d.fixes) {
            location(out, fd, f.span, options);
            out << "note: " << diag::message(f, options.lang) << '\n';
        }
    }
}

}  // namespace xxgk::backends
