#pragma once
// Decides whether the input bytes can be read as text, and how.
#include <cstdint>
#include <string_view>

namespace xxgk::source {

enum class Encoding { Utf8, Utf8WithBom };

enum class DecodeProblem {
    None,
    Empty,          // no bytes, or only white space
    Binary,         // NUL bytes or many control characters: not a text file
    Utf16,          // a UTF-16 byte-order mark; not supported yet
    InvalidUtf8,    // bytes that are not UTF-8 (GB18030/GBK files land here for now)
};

struct DecodeResult {
    DecodeProblem problem = DecodeProblem::None;
    Encoding encoding = Encoding::Utf8;
    std::uint32_t text_begin = 0;     // where the text starts (after a BOM)
    std::uint32_t text_end = 0;       // where it ends: before an incomplete last character
    bool truncated_character = false; // the file was cut inside its last character
    std::uint32_t problem_offset = 0;  // the first offending byte, for the diagnostic
};

// A file cut inside its last character (a scraper's byte limit) is still text: only that
// incomplete character is left out, and `truncated_character` says so.
DecodeResult decode(std::string_view bytes);

}  // namespace xxgk::source
