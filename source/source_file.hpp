#pragma once
// The input as read from disk: its name, its original bytes and where its lines start.
// Every location the compiler reports is an offset into these bytes, turned into a line and a
// column here, in the unit the user asked for.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::source {

enum class ColumnUnit { Char, Byte, Display, Utf16 };

struct LineCol {
    std::uint32_t line = 1;  // 1-based
    std::uint32_t col = 1;   // 1-based, in the requested ColumnUnit
};

class SourceFile {
public:
    SourceFile(std::string name, std::string bytes);

    [[nodiscard]] const std::string& name() const { return name_; }
    [[nodiscard]] std::string_view bytes() const { return bytes_; }
    [[nodiscard]] std::uint32_t size() const { return static_cast<std::uint32_t>(bytes_.size()); }

    [[nodiscard]] LineCol line_col(std::uint32_t offset, ColumnUnit unit = ColumnUnit::Char) const;
    [[nodiscard]] std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }
    // The text of a 1-based line without its line terminator.
    [[nodiscard]] std::string_view line_text(std::uint32_t line) const;
    [[nodiscard]] std::uint32_t line_start(std::uint32_t line) const { return line_starts_.at(line - 1); }

private:
    std::string name_;
    std::string bytes_;
    std::vector<std::uint32_t> line_starts_;  // LF, CRLF and lone CR all end a line
};

// Width of a code point in a terminal: 2 for East Asian wide/full-width, 0 for combining and
// format characters, 1 otherwise (ambiguous-width characters count as 1, as modern terminals do).
int display_width(char32_t c);

// Columns spanned by the UTF-8 text `prefix` in `unit` (ill-formed bytes count as U+FFFD).
std::uint32_t column_count(std::string_view prefix, ColumnUnit unit);

}  // namespace xxgk::source
