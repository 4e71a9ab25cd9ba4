#include <unicode/utf8.h>

#include "backends.hpp"

namespace xxgk::backends {

namespace {

constexpr std::size_t kWindow = 100;  // display columns of source shown around a span

struct Style {
    bool on;
    std::string_view operator()(std::string_view code) const { return on ? code : std::string_view{}; }
};
constexpr std::string_view kReset = "\x1b[0m", kBold = "\x1b[1m", kRed = "\x1b[1;31m", kYellow = "\x1b[1;33m",
                           kCyan = "\x1b[1;36m", kBlue = "\x1b[1;34m";

std::string_view severity_colour(diag::Severity s) {
    switch (s) {
        case diag::Severity::Error: return kRed;
        case diag::Severity::Warning: return kYellow;
        case diag::Severity::Note: return kCyan;
    }
    return kBold;
}

// One source line as printed: tabs as spaces, and the display columns where the span starts and ends.
struct Snippet {
    std::string text;
    std::size_t caret_begin = 0, caret_end = 0;  // display columns within `text`
};

Snippet snippet(std::string_view line, std::size_t span_begin, std::size_t span_end) {
    // Display columns of every code point, then a window around the span for long lines.
    struct Cp {
        std::size_t byte, width;
    };
    std::vector<Cp> cps;
    const auto* s = reinterpret_cast<const std::uint8_t*>(line.data());
    const auto n = static_cast<std::int32_t>(line.size());
    for (std::int32_t i = 0; i < n;) {
        const auto at = static_cast<std::size_t>(i);
        UChar32 c;
        U8_NEXT_OR_FFFD(s, i, n, c);
        cps.push_back({at, static_cast<std::size_t>(source::display_width(static_cast<char32_t>(c)))});
    }
    cps.push_back({line.size(), 0});
    std::size_t first = 0, last = cps.size() - 1;  // code-point indices of the window
    auto index_of = [&](std::size_t byte) {
        std::size_t k = 0;
        while (k + 1 < cps.size() && cps[k].byte < byte) ++k;
        return k;
    };
    const std::size_t b = index_of(span_begin), e = std::max(index_of(span_end), b);
    std::size_t width = 0;
    for (std::size_t k = 0; k < last; ++k) width += cps[k].width;
    if (width > kWindow) {
        first = b > 10 ? b - 10 : 0;
        std::size_t w = 0;
        last = first;
        while (last < cps.size() - 1 && w + cps[last].width <= kWindow) w += cps[last++].width;
        last = std::max(last, std::min(e, cps.size() - 1));
    }
    Snippet out;
    std::size_t col = 0;
    if (first > 0) {
        out.text = "…";
        col = 1;
    }
    for (std::size_t k = first; k < last; ++k) {
        if (k == b) out.caret_begin = col;
        if (k == e) out.caret_end = col;
        const auto bytes = line.substr(cps[k].byte, cps[k + 1].byte - cps[k].byte);
        out.text += bytes == "\t" ? std::string(" ") : std::string(bytes);
        col += cps[k].width;
    }
    if (b >= last) out.caret_begin = col;
    if (e >= last) out.caret_end = col;
    if (last < cps.size() - 1) out.text += "…";
    if (out.caret_end <= out.caret_begin) out.caret_end = out.caret_begin + 1;
    return out;
}

void write_one(std::ostream& out, const FileDiagnostic& fd, const RenderOptions& options) {
    const Style style{options.color};
    const auto& d = *fd.diagnostic;
    const auto name = diag::info(d.code).name;
    out << style(severity_colour(d.severity)) << diag::severity_name(d.severity) << '[' << name << ']' << style(kReset)
        << style(kBold) << ": " << diag::message(d, options.lang) << style(kReset) << '\n';
    if (fd.file == nullptr) {
        out << "  " << style(kBlue) << "-->" << style(kReset) << ' ' << fd.path << "\n\n";
        return;
    }
    const auto& file = *fd.file;
    const auto at = file.line_col(d.span.begin, options.column_unit);
    const std::string gutter(std::to_string(at.line).size(), ' ');
    out << gutter << style(kBlue) << "--> " << style(kReset) << fd.path << ':' << at.line << ':' << at.col << '\n';
    if (at.line <= file.line_count() && d.span.begin < file.size()) {
        const std::uint32_t line_start = file.line_start(at.line);
        const auto line = file.line_text(at.line);
        const std::size_t end = std::min<std::size_t>(d.span.end, line_start + line.size());
        const auto snip = snippet(line, d.span.begin - line_start, std::max<std::size_t>(end, d.span.begin) - line_start);
        out << gutter << style(kBlue) << " |" << style(kReset) << '\n';
        out << style(kBlue) << at.line << " |" << style(kReset) << ' ' << snip.text << '\n';
        out << gutter << style(kBlue) << " |" << style(kReset) << ' ' << std::string(snip.caret_begin, ' ')
            << style(severity_colour(d.severity)) << std::string(snip.caret_end - snip.caret_begin, '^') << style(kReset)
            << '\n';
    }
    for (const auto& r : d.related) {
        const auto rat = file.line_col(r.span.value_or(d.span).begin, options.column_unit);
        out << gutter << style(kBlue) << " = " << style(kReset) << style(kBold) << "note" << style(kReset) << ": "
            << diag::message(r, options.lang) << "  (" << fd.path << ':' << rat.line << ':' << rat.col << ")\n";
    }
    out << '\n';
}

}  // namespace

void write_human(std::ostream& out, std::span<const FileDiagnostic> diagnostics, const RenderOptions& options) {
    for (const auto& fd : diagnostics) write_one(out, fd, options);
}

}  // namespace xxgk::backends
