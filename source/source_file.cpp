#include "source_file.hpp"

#include <algorithm>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace xxgk::source {

namespace {

// Columns of well-formed UTF-8 in code points or UTF-16 units, as column_count counts them: every
// byte but a continuation byte starts a code point, and one of four bytes needs two UTF-16 units.
// Locations are turned into columns from the start of their line, and a page scraped onto one
// line is one line of 10 KB or more: this loop the compiler vectorises is what keeps it cheap.
std::uint32_t count_well_formed(std::string_view s, ColumnUnit unit) {
    std::uint32_t count = 0;
    if (unit == ColumnUnit::Utf16) {
        for (const char c : s) count += static_cast<std::uint32_t>((c & 0xC0) != 0x80) + static_cast<std::uint32_t>((c & 0xF8) == 0xF0);
    } else {
        for (const char c : s) count += static_cast<std::uint32_t>((c & 0xC0) != 0x80);
    }
    return count;
}

}  // namespace

SourceFile::SourceFile(std::string name, std::string bytes)
    : name_(std::move(name)), bytes_(std::move(bytes)), decoding_(decode(bytes_)) {
    const std::string_view t = text();
    if (decoding_.problem == DecodeProblem::None || decoding_.problem == DecodeProblem::Mojibake)
        well_formed_end_ = decoding_.transcoded ? static_cast<std::uint32_t>(t.size()) : decoding_.text_end;
    line_starts_.push_back(0);
    const std::size_t n = t.size();
    if (t.find('\r') == std::string_view::npos) {
        // Most files end their lines with LF alone: memchr finds them many bytes at a time.
        for (std::size_t i = t.find('\n'); i != std::string_view::npos && i + 1 < n; i = t.find('\n', i + 1))
            line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
        return;
    }
    for (std::size_t i = 0; i < n; ++i) {
        const char c = t[i];
        if (c == '\n' || (c == '\r' && (i + 1 == n || t[i + 1] != '\n'))) {
            if (i + 1 < n) line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
        }
    }
}

std::string_view SourceFile::text() const {
    return decoding_.transcoded ? std::string_view(decoding_.transcoded->utf8) : std::string_view(bytes_);
}

std::uint32_t SourceFile::text_offset(std::uint32_t file_offset) const {
    return decoding_.transcoded ? decoding_.transcoded->map.to_normalised(file_offset) : std::min(file_offset, size());
}

std::string_view SourceFile::text_of(std::uint32_t begin, std::uint32_t end) const {
    const std::uint32_t b = text_offset(begin), e = std::max(b, text_offset(end));
    return text().substr(b, e - b);
}

LineCol SourceFile::line_col(std::uint32_t offset, ColumnUnit unit) const {
    const std::uint32_t at = text_offset(offset);
    const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), at);
    const auto line = static_cast<std::uint32_t>(it - line_starts_.begin());
    const std::uint32_t start = line_starts_[line - 1];
    if (unit == ColumnUnit::Byte && decoding_.transcoded)  // bytes of the file, not of its transcoding
        return {line, 1 + std::min(offset, size()) - decoding_.transcoded->map.to_original_begin(start)};
    const std::string_view prefix = text().substr(start, at - start);
    if (at <= well_formed_end_ && (unit == ColumnUnit::Char || unit == ColumnUnit::Utf16))
        return {line, 1 + count_well_formed(prefix, unit)};
    return {line, 1 + column_count(prefix, unit)};
}

LineCol LineColCursor::at(std::uint32_t offset) {
    const std::uint32_t at = file_.text_offset(offset);
    const bool counts_code_points = unit_ == ColumnUnit::Char || unit_ == ColumnUnit::Utf16;
    if (counts_code_points && next_line_start_ != 0 && at >= line_start_ && at < next_line_start_ && at <= file_.well_formed_end_) {
        if (at >= text_offset_) previous_.col += count_well_formed(file_.text().substr(text_offset_, at - text_offset_), unit_);
        else previous_.col -= count_well_formed(file_.text().substr(at, text_offset_ - at), unit_);
        text_offset_ = at;
        return previous_;
    }
    previous_ = file_.line_col(offset, unit_);
    text_offset_ = at;
    line_start_ = file_.line_start(previous_.line);
    next_line_start_ = previous_.line < file_.line_count() ? file_.line_start(previous_.line + 1)
                                                            : static_cast<std::uint32_t>(file_.text().size()) + 1;
    return previous_;
}

std::string_view SourceFile::line_text(std::uint32_t line) const {
    if (line == 0 || line > line_count()) return {};
    const std::string_view t = text();
    const std::uint32_t start = line_starts_[line - 1];
    auto end = static_cast<std::uint32_t>(line < line_count() ? line_starts_[line] : t.size());
    while (end > start && (t[end - 1] == '\n' || t[end - 1] == '\r')) --end;
    return t.substr(start, end - start);
}

int display_width(char32_t c) {
    const auto cp = static_cast<UChar32>(c);
    if (cp == '\t') return 1;  // callers that draw source lines print a tab as one space
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
    const int type = u_charType(cp);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) return 0;
    switch (u_getIntPropertyValue(cp, UCHAR_EAST_ASIAN_WIDTH)) {
        case U_EA_FULLWIDTH:
        case U_EA_WIDE: return 2;
        default: return 1;
    }
}

std::uint32_t column_count(std::string_view prefix, ColumnUnit unit) {
    if (unit == ColumnUnit::Byte) return static_cast<std::uint32_t>(prefix.size());
    std::uint32_t count = 0;
    const auto* s = reinterpret_cast<const std::uint8_t*>(prefix.data());
    const auto length = static_cast<std::int32_t>(prefix.size());
    std::int32_t i = 0;
    while (i < length) {
        UChar32 c;
        U8_NEXT_OR_FFFD(s, i, length, c);
        switch (unit) {
            case ColumnUnit::Char: count += 1; break;
            case ColumnUnit::Utf16: count += U16_LENGTH(c); break;
            case ColumnUnit::Display: count += static_cast<std::uint32_t>(display_width(static_cast<char32_t>(c))); break;
            case ColumnUnit::Byte: break;
        }
    }
    return count;
}

}  // namespace xxgk::source
