#pragma once
// The input as read from disk: its name, its original bytes, its encoding, its text as UTF-8
// and where its lines start. Every location the compiler reports is an offset into the original
// bytes, turned into a line and a column here, in the unit the user asked for; a GB18030 or
// UTF-16 file's columns count its characters, as in the user's editor.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "decode.hpp"

namespace xxgk::source {

enum class ColumnUnit { Char, Byte, Display, Utf16 };

struct LineCol {
    std::uint32_t line = 1;  // 1-based
    std::uint32_t col = 1;   // 1-based, in the requested ColumnUnit
};

class SourceFile {
public:
    // Decodes `bytes` (see decode.hpp); a file that cannot be decoded keeps its bytes as text.
    SourceFile(std::string name, std::string bytes);

    [[nodiscard]] const std::string& name() const { return name_; }
    [[nodiscard]] std::string_view bytes() const { return bytes_; }
    [[nodiscard]] std::uint32_t size() const { return static_cast<std::uint32_t>(bytes_.size()); }
    [[nodiscard]] const DecodeResult& decoding() const { return decoding_; }

    // The file as UTF-8: its bytes for a UTF-8 file, their transcoding otherwise.
    [[nodiscard]] std::string_view text() const;
    // The text offset of the character at a file offset (the same number for UTF-8 files).
    [[nodiscard]] std::uint32_t text_offset(std::uint32_t file_offset) const;
    // The UTF-8 text of the file's bytes [begin, end).
    [[nodiscard]] std::string_view text_of(std::uint32_t begin, std::uint32_t end) const;

    [[nodiscard]] LineCol line_col(std::uint32_t offset, ColumnUnit unit = ColumnUnit::Char) const;
    [[nodiscard]] std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }
    // The text of a 1-based line without its line terminator, as UTF-8.
    [[nodiscard]] std::string_view line_text(std::uint32_t line) const;
    // Where a 1-based line starts in text(): subtract it from text_offset() for the place in line_text().
    [[nodiscard]] std::uint32_t line_start(std::uint32_t line) const { return line_starts_.at(line - 1); }

private:
    friend class LineColCursor;  // reads well_formed_end_

    std::string name_;
    std::string bytes_;
    DecodeResult decoding_;
    std::vector<std::uint32_t> line_starts_;  // in text(); LF, CRLF and lone CR all end a line
    // text() is well-formed UTF-8 before this offset (all of it, for a file that decoded), where
    // a column can be counted without decoding.
    std::uint32_t well_formed_end_ = 0;
};

// The lines and columns of a file's offsets, as SourceFile::line_col gives them, for callers
// that ask about many places, mostly in order (the writers of a report's cells, the notes of a
// diagnostic): on the line of the previous answer, a column is counted on (or back) from it. On a
// page scraped onto one line, counting every cell's column from the line start would read the
// whole line again for each cell.
class LineColCursor {
public:
    LineColCursor(const SourceFile& file, ColumnUnit unit) : file_(file), unit_(unit) {}
    LineCol at(std::uint32_t offset);

private:
    const SourceFile& file_;
    ColumnUnit unit_;
    std::uint32_t text_offset_ = 0;      // where the previous answer was, in text()
    std::uint32_t line_start_ = 0;       // the start of its line
    std::uint32_t next_line_start_ = 0;  // the start of the line after it; 0: no previous answer
    LineCol previous_;
};

// Width of a code point in a terminal: 2 for East Asian wide/full-width, 0 for combining and
// format characters, 1 otherwise (ambiguous-width characters count as 1, as modern terminals do).
int display_width(char32_t c);

// Columns spanned by the UTF-8 text `prefix` in `unit` (ill-formed bytes count as U+FFFD).
std::uint32_t column_count(std::string_view prefix, ColumnUnit unit);

}  // namespace xxgk::source
