#pragma once
// Produces the text the grammar reads: one spelling for what reports write many ways.
//   - full-width ASCII forms (（）：，０-９…) become ASCII; ideographic space, NBSP and the other
//     space characters become ' '; zero-width characters and BOMs are dropped;
//   - CRLF and lone CR become LF, tabs become spaces;
//   - in a document written in traditional characters: pinyin glosses after traditional
//     characters (區(qū)) are dropped and traditional characters become simplified.
// Every byte of the result maps back to the original input through `map`.
#include <string>
#include <string_view>

#include "offset_map.hpp"

namespace xxgk::source {

struct NormalisedText {
    std::string text;
    OffsetMap map;
    // Traditional→simplified conversion was applied: at least one in ten of the Han characters
    // has a different simplified form (none or almost none in a simplified document; about 0.3
    // in a traditional one, seed 002).
    bool traditional = false;
};

// Normalises original[text_begin, text_end) (a BOM and an incomplete last character left out);
// offsets in the map count from the start of `original`.
NormalisedText normalise(std::string_view original, std::uint32_t text_begin, std::uint32_t text_end);
inline NormalisedText normalise(std::string_view original, std::uint32_t text_begin) {
    return normalise(original, text_begin, static_cast<std::uint32_t>(original.size()));
}

}  // namespace xxgk::source
