#pragma once
// Decides whether the input bytes can be read as text, in which encoding, and turns text that
// is not UTF-8 into UTF-8 with a map back to the file's bytes.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "offset_map.hpp"

namespace xxgk::source {

enum class Encoding { Utf8, Utf8WithBom, Utf16Le, Utf16Be, Gb18030 };

enum class DecodeProblem {
    None,
    Empty,        // no bytes, or only white space
    Binary,       // NUL bytes: not a text file
    Unsupported,  // a byte-order mark of an encoding xxgk does not read (UTF-32)
    Invalid,      // bytes that are not text in any encoding tried (UTF-8, then GB18030; UTF-16)
    Mojibake,     // valid text that is UTF-8 read as GBK and saved again
};

// Text in an encoding other than UTF-8, as UTF-8; `map` takes its offsets back to the file's.
struct Transcoded {
    std::string utf8;
    OffsetMap map;
};

struct DecodeResult {
    DecodeProblem problem = DecodeProblem::None;
    Encoding encoding = Encoding::Utf8;
    std::optional<Transcoded> transcoded;  // set for UTF-16 and GB18030
    // The text's range: in the file's bytes for UTF-8, in `transcoded->utf8` otherwise.
    std::uint32_t text_begin = 0;      // after a BOM
    std::uint32_t text_end = 0;        // before an incomplete last character
    bool truncated_character = false;  // the file was cut inside its last character
    std::uint32_t problem_offset = 0;  // the first offending byte of the file
    std::string problem_detail;        // what the diagnostic names: an encoding, a garbled word
    std::string restored;              // Mojibake: what the garbled word was
};

std::string_view encoding_name(Encoding e);

// A file cut inside its last character (a scraper's byte limit) is still text: only that
// incomplete character is left out, and `truncated_character` says so. Bytes that are not UTF-8
// are tried as GB18030 (which includes GBK and GB2312), the encoding of most Chinese pages that
// are not UTF-8.
DecodeResult decode(std::string_view bytes);

}  // namespace xxgk::source
