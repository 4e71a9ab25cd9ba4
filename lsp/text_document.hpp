#pragma once
// An open document as the editor has it: UTF-8 text, and the map between byte offsets (what
// every xxgk span is) and LSP positions (a 0-based line and a character counted in the
// negotiated encoding: UTF-8 bytes, UTF-16 code units or code points).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::lsp {

enum class PositionEncoding { Utf8, Utf16, Utf32 };

std::string_view encoding_name(PositionEncoding e);  // "utf-8", "utf-16", "utf-32"
std::optional<PositionEncoding> find_encoding(std::string_view name);

struct Position {
    std::uint32_t line = 0;
    std::uint32_t character = 0;
};

class TextDocument {
public:
    explicit TextDocument(std::string text);

    [[nodiscard]] const std::string& text() const { return text_; }

    // The byte offset of a position. As LSP says, a character beyond the end of its line means
    // the end of the line, and a line beyond the last means the end of the text; a position
    // inside a character (half a surrogate pair, a byte inside a UTF-8 sequence) means its start.
    [[nodiscard]] std::uint32_t offset_of(Position p, PositionEncoding e) const;
    [[nodiscard]] Position position_of(std::uint32_t offset, PositionEncoding e) const;

    // Replaces the bytes [begin, end) (an incremental change) or the whole text.
    void replace(std::uint32_t begin, std::uint32_t end, std::string_view replacement);
    void assign(std::string text);

private:
    void index_lines();
    // Where line `line` ends, before its line terminator.
    [[nodiscard]] std::uint32_t line_end(std::uint32_t line) const;

    std::string text_;
    std::vector<std::uint32_t> line_starts_;  // LF, CRLF and lone CR end a line, as in LSP
};

}  // namespace xxgk::lsp
