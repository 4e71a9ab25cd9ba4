#include <optional>

#include "backends.hpp"

namespace xxgk::backends {

namespace {

// FILE:LINE:COL of the places of one file's diagnostics: a diagnostic and its notes are mostly
// near one another, often on the same line, which a cursor counts from the previous place.
class Locations {
public:
    explicit Locations(const RenderOptions& options) : options_(options) {}

    void write(std::ostream& out, const FileDiagnostic& fd, diag::Span span) {
        source::LineCol at;
        if (fd.file != nullptr) {
            if (fd.file != file_) cursor_.emplace(*fd.file, options_.column_unit), file_ = fd.file;
            at = cursor_->at(span.begin);
        }
        out << fd.path << ':' << at.line << ':' << at.col << ": ";
    }

private:
    const RenderOptions& options_;
    const source::SourceFile* file_ = nullptr;
    std::optional<source::LineColCursor> cursor_;
};

}  // namespace

// FILE:LINE:COL: SEVERITY: MESSAGE [CODE], then a note line per related location: what Vim's
// errorformat, Emacs compilation-mode and VS Code's $gcc problem matcher read.
void write_gcc(std::ostream& out, std::span<const FileDiagnostic> diagnostics, const RenderOptions& options) {
    Locations location(options);
    for (const auto& fd : diagnostics) {
        const auto& d = *fd.diagnostic;
        location.write(out, fd, d.span);
        out << diag::severity_name(d.severity) << ": " << diag::message(d, options.lang) << " [" << diag::info(d.code).name
            << "]\n";
        for (const auto& r : d.related) {
            location.write(out, fd, r.span.value_or(d.span));
            out << "note: " << diag::message(r, options.lang) << '\n';
        }
        for (const auto& f : d.fixes) {
            location.write(out, fd, f.span);
            out << "note: " << diag::message(f, options.lang) << '\n';
        }
    }
}

}  // namespace xxgk::backends
