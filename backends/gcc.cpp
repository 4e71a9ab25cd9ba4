#include <charconv>
#include <optional>

#include "backends.hpp"

namespace xxgk::backends {

namespace {

// FILE:LINE:COL of the places of one file's diagnostics: a diagnostic and its notes are mostly
// near one another, often on the same line, which a cursor counts from the previous place.
class Locations {
public:
    explicit Locations(const RenderOptions& options) : options_(options) {}

    void write(std::string& out, const FileDiagnostic& fd, diag::Span span) {
        source::LineCol at;
        if (fd.file != nullptr) {
            if (fd.file != file_) cursor_.emplace(*fd.file, options_.column_unit), file_ = fd.file;
            at = cursor_->at(span.begin);
        }
        out += fd.path;
        out += ':';
        number(out, at.line);
        out += ':';
        number(out, at.col);
        out += ": ";
    }

private:
    static void number(std::string& out, std::uint32_t n) {
        char digits[16];
        out.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
    }

    const RenderOptions& options_;
    const source::SourceFile* file_ = nullptr;
    std::optional<source::LineColCursor> cursor_;
};

}  // namespace

// FILE:LINE:COL: SEVERITY: MESSAGE [CODE], then a note line per related location: what Vim's
// errorformat, Emacs compilation-mode and VS Code's $gcc problem matcher read. The lines are
// built in one string: a batch prints hundreds of thousands of them.
void write_gcc(std::ostream& out, std::span<const FileDiagnostic> diagnostics, const RenderOptions& options) {
    Locations location(options);
    std::string text;
    for (const auto& fd : diagnostics) {
        const auto& d = *fd.diagnostic;
        location.write(text, fd, d.span);
        text += diag::severity_name(d.severity);
        text += ": ";
        text += diag::message(d, options.lang);
        text += " [";
        text += diag::info(d.code).name;
        text += "]\n";
        for (const auto& r : d.related) {
            location.write(text, fd, r.span.value_or(d.span));
            text += "note: ";
            text += diag::message(r, options.lang);
            text += '\n';
        }
        for (const auto& f : d.fixes) {
            location.write(text, fd, f.span);
            text += "note: ";
            text += diag::message(f, options.lang);
            text += '\n';
        }
    }
    out << text;
}

}  // namespace xxgk::backends
