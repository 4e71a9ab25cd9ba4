// The rustc style: a header with code and message, ` --> file:line:col`, the source lines with a
// line-number gutter, `^` under the primary span and `-` under related ones, each with its label,
// `= note:` lines, and a `help:` snippet per fix showing the line as the fix would leave it.
// Columns on screen are display columns (a CJK character is two wide), so marks stay under
// their text whatever the script.
#include <unicode/utf8.h>

#include <algorithm>
#include <map>

#include "backends.hpp"

namespace xxgk::backends {

namespace {

constexpr std::size_t kWindow = 100;  // display columns of a long line shown around its marks
constexpr std::size_t kLeadIn = 20;   // of which at most this many before the first mark
constexpr std::size_t kShown = 6;     // related spans drawn, and fixes shown, per diagnostic

// rustc's palette: bold bright red errors, yellow warnings, green notes, cyan help, blue
// gutter and secondary marks.
constexpr std::string_view kReset = "\x1b[0m", kBold = "\x1b[1m", kRed = "\x1b[1;91m", kYellow = "\x1b[1;93m",
                           kGreen = "\x1b[1;92m", kCyan = "\x1b[1;96m", kBlue = "\x1b[1;94m";

std::string_view colour_of(diag::Severity s) {
    switch (s) {
        case diag::Severity::Error: return kRed;
        case diag::Severity::Warning: return kYellow;
        case diag::Severity::Note: return kGreen;
    }
    return kBold;
}

class Paint {
public:
    explicit Paint(bool on) : on_(on) {}
    std::string operator()(std::string_view colour, std::string_view text) const {
        if (!on_ || text.empty()) return std::string(text);
        return std::string(colour).append(text).append(kReset);
    }

private:
    bool on_;
};

std::string more_text(std::size_t count, diag::Lang lang) {
    return lang == diag::Lang::Zh ? "…另有 " + std::to_string(count) + " 项（--format json 列出全部）"
                                  : "… and " + std::to_string(count) + " more (--format json lists all)";
}

// A code point of a source line as the terminal gets it: a tab as one space (the width
// source::display_width gives it, so that --column-unit display matches the screen), other
// control characters and ill-formed bytes as U+FFFD, which also keeps escape sequences in a
// report from reaching the terminal.
struct Glyph {
    std::size_t byte;  // where it starts in the line
    std::string text;
    std::size_t width;
};

std::vector<Glyph> glyphs(std::string_view line) {
    std::vector<Glyph> out;
    const auto* s = reinterpret_cast<const std::uint8_t*>(line.data());
    const auto n = static_cast<std::int32_t>(line.size());
    for (std::int32_t i = 0; i < n;) {
        const auto at = static_cast<std::size_t>(i);
        UChar32 c;
        U8_NEXT_OR_FFFD(s, i, n, c);
        if (c == '\t') {
            out.push_back({at, " ", 1});
        } else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0xfffd) {
            out.push_back({at, "\xef\xbf\xbd", 1});
        } else {
            out.push_back({at, std::string(line.substr(at, static_cast<std::size_t>(i) - at)),
                           static_cast<std::size_t>(source::display_width(static_cast<char32_t>(c)))});
        }
    }
    return out;
}

std::size_t text_width(std::string_view text) {
    std::size_t width = 0;
    for (const auto& g : glyphs(text)) width += g.width;
    return width;
}

// A source line as printed. A line wider than kWindow is cut to a window around the byte range
// that must stay visible, with … where it was cut.
class Excerpt {
public:
    Excerpt(std::string_view line, std::size_t visible_begin, std::size_t visible_end) : glyphs_(glyphs(line)) {
        starts_.reserve(glyphs_.size() + 1);
        std::size_t column = 0;
        for (const auto& g : glyphs_) {
            starts_.push_back(column);
            column += g.width;
        }
        starts_.push_back(column);
        last_ = glyphs_.size();
        if (column > kWindow) cut(visible_begin, visible_end);
        if (first_ > 0) text_ = "…";
        for (std::size_t k = first_; k < last_; ++k) text_ += glyphs_[k].text;
        if (last_ < glyphs_.size()) text_ += "…";
    }

    [[nodiscard]] const std::string& text() const { return text_; }

    // The display column in text() of a byte offset of the line.
    [[nodiscard]] std::size_t column(std::size_t byte) const {
        const std::size_t k = std::clamp(index_of(byte), first_, last_);
        return starts_[k] - starts_[first_] + (first_ > 0 ? 1 : 0);
    }

private:
    // The first glyph that starts at or after `byte` (the sentinel past the end for the line end).
    [[nodiscard]] std::size_t index_of(std::size_t byte) const {
        std::size_t k = 0;
        while (k < glyphs_.size() && glyphs_[k].byte < byte) ++k;
        return k;
    }

    void cut(std::size_t visible_begin, std::size_t visible_end) {
        const std::size_t total = starts_.back();
        const std::size_t from = starts_[index_of(visible_begin)];
        const std::size_t to = std::max(starts_[index_of(visible_end)], from + 1);
        std::size_t window_begin = from > kLeadIn ? from - kLeadIn : 0;
        std::size_t window_end = std::max(window_begin + kWindow, to);
        if (window_end > total) {
            window_end = total;
            window_begin = std::min(window_begin, total > kWindow ? total - kWindow : 0);
        }
        while (first_ < glyphs_.size() && starts_[first_] < window_begin) ++first_;
        last_ = first_;
        while (last_ < glyphs_.size() && starts_[last_ + 1] <= window_end) ++last_;
    }

    std::vector<Glyph> glyphs_;
    std::vector<std::size_t> starts_;  // display column of each glyph in the whole line, then the line's width
    std::size_t first_ = 0, last_ = 0;  // the glyphs shown: [first_, last_)
    std::string text_;
};

// A span to underline on one line: the primary one (^) or a related one (-), and its label.
struct Mark {
    std::size_t begin, end;  // bytes within the line's UTF-8 text
    bool primary;
    std::string label;
};

// A row of the area under a source line, built left to right.
class Row {
public:
    explicit Row(const Paint& paint) : paint_(paint) {}
    void put(std::size_t column, std::string_view text, std::string_view colour) {
        if (width_ < column) {
            text_.append(column - width_, ' ');
            width_ = column;
        }
        text_ += paint_(colour, text);
        width_ += text_width(text);
    }
    [[nodiscard]] const std::string& str() const { return text_; }

private:
    const Paint& paint_;
    std::string text_;
    std::size_t width_ = 0;
};

class Renderer {
public:
    Renderer(std::ostream& out, const FileDiagnostic& fd, const RenderOptions& options)
        : out_(out), fd_(fd), d_(*fd.diagnostic), options_(options), paint_(options.color),
          colour_(colour_of(d_.severity)) {}

    void write() {
        out_ << paint_(colour_, std::string(diag::severity_name(d_.severity)) + '[' + std::string(diag::info(d_.code).name) + ']')
             << paint_(kBold, ": " + diag::message(d_, options_.lang)) << '\n';
        if (fd_.file == nullptr) {
            out_ << ' ' << paint_(kBlue, "-->") << ' ' << fd_.path << "\n\n";
            return;
        }
        collect_marks();
        const auto at = fd_.file->line_col(d_.span.begin, options_.column_unit);
        out_ << blank_ << paint_(kBlue, "-->") << ' ' << fd_.path << ':' << at.line << ':' << at.col << '\n';
        gutter_row("");
        write_snippet();
        write_notes();
        write_fixes();
        out_ << '\n';
    }

private:
    [[nodiscard]] std::uint32_t line_of(std::uint32_t offset) const { return fd_.file->line_col(offset).line; }

    // Where a file offset is in line_text(line), which is UTF-8 whatever the file's encoding;
    // at most the line's length.
    [[nodiscard]] std::size_t in_line(std::uint32_t offset, std::uint32_t line) const {
        const auto at = fd_.file->text_offset(offset), start = fd_.file->line_start(line);
        return std::min<std::size_t>(at >= start ? at - start : 0, fd_.file->line_text(line).size());
    }

    // The range of `span` within its first line; a span that runs on is cut at the line's end.
    [[nodiscard]] Mark mark(diag::Span span, bool primary, std::string label) const {
        const auto line = line_of(span.begin);
        const std::size_t begin = in_line(span.begin, line);
        const std::size_t end = line_of(span.end) == line ? std::max(in_line(span.end, line), begin)
                                                          : fd_.file->line_text(line).size();
        return {begin, end, primary, std::move(label)};
    }

    // The primary span, labelled with the message of a fix of that very span; the first kShown
    // distinct related spans; the lines they are on, and the gutter wide enough for all of them
    // and for the lines of the fixes.
    void collect_marks() {
        std::string primary_label;
        for (const auto& f : d_.fixes)
            if (f.span.begin == d_.span.begin && f.span.end == d_.span.end) primary_label = diag::message(f, options_.lang);
        std::vector<diag::Span> drawn{d_.span};
        marks_[line_of(d_.span.begin)].push_back(mark(d_.span, true, primary_label));
        for (const auto& r : d_.related) {
            if (!r.span) continue;
            const bool seen = std::any_of(drawn.begin(), drawn.end(),
                                          [&](diag::Span s) { return s.begin == r.span->begin && s.end == r.span->end; });
            if (seen) continue;
            if (drawn.size() > kShown) {
                ++hidden_related_;
                continue;
            }
            drawn.push_back(*r.span);
            marks_[line_of(r.span->begin)].push_back(mark(*r.span, false, diag::message(r, options_.lang)));
        }
        std::uint32_t widest = marks_.rbegin()->first;
        for (std::size_t k = 0; k < std::min(d_.fixes.size(), kShown); ++k)
            widest = std::max(widest, line_of(d_.fixes[k].span.begin));
        blank_.assign(std::to_string(widest).size(), ' ');
    }

    void gutter_row(const std::string& content) {
        out_ << blank_ << ' ' << paint_(kBlue, "|");
        if (!content.empty()) out_ << ' ' << content;
        out_ << '\n';
    }

    void source_row(std::uint32_t line, std::string_view sign, const std::string& text, std::string_view sign_colour) {
        std::string number = std::to_string(line);
        number.insert(0, blank_.size() - number.size(), ' ');
        out_ << paint_(kBlue, number) << ' ' << paint_(sign_colour, sign);
        if (!text.empty()) out_ << ' ' << text;
        out_ << '\n';
    }

    // The lines with marks in order; a gap of one line shows that line, a longer one `...`.
    void write_snippet() {
        std::uint32_t previous = 0;
        for (const auto& [line, marks] : marks_) {
            if (previous != 0 && line == previous + 2) {
                source_row(previous + 1, "|", Excerpt(fd_.file->line_text(previous + 1), 0, 0).text(), kBlue);
            } else if (previous != 0 && line > previous + 2) {
                out_ << paint_(kBlue, "...") << '\n';
            }
            write_line(line, marks);
            previous = line;
        }
    }

    // A source line and under it the marks, rustc's way: the rightmost label at the end of the
    // underline row, every other label on a row of its own, hanging from a `|` below its mark.
    void write_line(std::uint32_t line, std::vector<Mark> marks) {
        std::size_t first = marks.front().begin, last = marks.front().end;
        for (const auto& m : marks) {
            first = std::min(first, m.begin);
            last = std::max(last, m.end);
        }
        const Excerpt excerpt(fd_.file->line_text(line), first, last);
        source_row(line, "|", excerpt.text(), kBlue);

        struct Placed {
            std::size_t begin, end;
            bool primary;
            std::string_view colour;
            const std::string* label;
        };
        std::vector<Placed> placed;
        std::size_t width = 0;
        for (const auto& m : marks) {
            const std::size_t begin = excerpt.column(m.begin);
            placed.push_back({begin, std::max(excerpt.column(m.end), begin + 1), m.primary, m.primary ? colour_ : kBlue, &m.label});
            width = std::max(width, placed.back().end);
        }
        std::stable_sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) { return a.begin > b.begin; });

        Row underline(paint_);
        for (std::size_t column = 0; column < width;) {
            // Runs of one kind; a primary mark wins where marks overlap.
            auto kind = [&](std::size_t c) -> std::pair<char, std::string_view> {
                std::pair<char, std::string_view> k{' ', {}};
                for (const auto& p : placed) {
                    if (c < p.begin || c >= p.end) continue;
                    if (p.primary) return {'^', p.colour};
                    k = {'-', kBlue};
                }
                return k;
            };
            const auto here = kind(column);
            std::size_t end = column + 1;
            while (end < width && kind(end) == here) ++end;
            if (here.first != ' ') underline.put(column, std::string(end - column, here.first), here.second);
            column = end;
        }
        std::vector<Placed> hanging;
        for (std::size_t k = 0; k < placed.size(); ++k) {
            if (placed[k].label->empty()) continue;
            if (k == 0) underline.put(width + 1, *placed[k].label, placed[k].colour);
            else hanging.push_back(placed[k]);
        }
        gutter_row(underline.str());
        if (hanging.empty()) return;
        Row stems(paint_);
        for (auto it = hanging.rbegin(); it != hanging.rend(); ++it) stems.put(it->begin, "|", it->colour);
        gutter_row(stems.str());
        for (std::size_t k = 0; k < hanging.size(); ++k) {
            Row row(paint_);
            for (std::size_t j = hanging.size() - 1; j > k; --j) row.put(hanging[j].begin, "|", hanging[j].colour);
            row.put(hanging[k].begin, *hanging[k].label, hanging[k].colour);
            gutter_row(row.str());
        }
    }

    void write_notes() {
        std::vector<std::string> notes;
        if (hidden_related_ > 0) notes.push_back(more_text(hidden_related_, options_.lang));
        for (const auto& r : d_.related)
            if (!r.span) notes.push_back(diag::message(r, options_.lang));
        if (d_.fixes.size() > kShown) notes.push_back(more_text(d_.fixes.size() - kShown, options_.lang));
        if (notes.empty()) return;
        gutter_row("");
        for (const auto& n : notes) out_ << blank_ << ' ' << paint_(kBlue, "=") << ' ' << paint_(kBold, "note") << ": " << n << '\n';
    }

    // Each fix as rustc shows a suggestion: the line as the fix leaves it, the new text marked
    // `~` (or `+` where nothing was replaced); a deletion as the old line and the new one.
    void write_fixes() {
        for (std::size_t k = 0; k < std::min(d_.fixes.size(), kShown); ++k) {
            const auto& f = d_.fixes[k];
            out_ << paint_(kCyan, "help") << ": " << diag::message(f, options_.lang) << '\n';
            const auto line = line_of(f.span.begin);
            const auto end_line = line_of(f.span.end);
            const auto old_text = fd_.file->line_text(line);
            const auto end_text = fd_.file->line_text(end_line);
            const std::size_t begin = in_line(f.span.begin, line), end = in_line(f.span.end, end_line);
            const std::string new_text =
                std::string(old_text.substr(0, begin)) + f.replacement + std::string(end_text.substr(end));
            gutter_row("");
            if (f.replacement.empty()) {
                source_row(line, "-", Excerpt(old_text, begin, end_line == line ? end : old_text.size()).text(), kRed);
                source_row(line, "+", Excerpt(new_text, begin, begin).text(), kGreen);
                continue;
            }
            const Excerpt excerpt(new_text, begin, begin + f.replacement.size());
            source_row(line, "|", excerpt.text(), kBlue);
            const std::size_t from = excerpt.column(begin), to = excerpt.column(begin + f.replacement.size());
            Row marker(paint_);
            marker.put(from, std::string(to - from, f.span.begin == f.span.end ? '+' : '~'), kGreen);
            gutter_row(marker.str());
        }
    }

    std::ostream& out_;
    const FileDiagnostic& fd_;
    const diag::Diagnostic& d_;
    const RenderOptions& options_;
    Paint paint_;
    std::string_view colour_;
    std::map<std::uint32_t, std::vector<Mark>> marks_;  // by line
    std::size_t hidden_related_ = 0;
    std::string blank_;  // the gutter's width in spaces
};

}  // namespace

void write_human(std::ostream& out, std::span<const FileDiagnostic> diagnostics, const RenderOptions& options) {
    for (const auto& fd : diagnostics) Renderer(out, fd, options).write();
}

}  // namespace xxgk::backends
