#include "decode.hpp"

#include <unicode/utf8.h>

namespace xxgk::source {

namespace {

bool only_white_space(std::string_view s) {
    for (const char c : s)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return false;
    return true;
}

// A lead byte followed by fewer continuation bytes than it announces, and nothing else.
bool incomplete_sequence(std::string_view tail) {
    const auto lead = static_cast<std::uint8_t>(tail[0]);
    const std::size_t need = (lead >= 0xC2 && lead <= 0xDF) ? 2 : (lead >= 0xE0 && lead <= 0xEF) ? 3 : (lead >= 0xF0 && lead <= 0xF4) ? 4 : 0;
    if (need == 0 || tail.size() >= need) return false;
    for (std::size_t k = 1; k < tail.size(); ++k)
        if ((static_cast<std::uint8_t>(tail[k]) & 0xC0) != 0x80) return false;
    return true;
}

}  // namespace

DecodeResult decode(std::string_view bytes) {
    DecodeResult r;
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        r.encoding = Encoding::Utf8WithBom;
        r.text_begin = 3;
    } else if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        r.problem = DecodeProblem::Utf16;
        return r;
    }
    const std::string_view text = bytes.substr(r.text_begin);
    if (only_white_space(text)) {
        r.problem = DecodeProblem::Empty;
        return r;
    }
    if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
        r.problem = DecodeProblem::Binary;
        r.problem_offset = r.text_begin + static_cast<std::uint32_t>(nul);
        return r;
    }
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    std::int32_t i = 0;
    while (i < length) {
        if (s[i] < 0x80) {  // ASCII is most bytes of a scraped page's markup and digits
            ++i;
            continue;
        }
        const std::int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0 && i == length && incomplete_sequence(text.substr(static_cast<std::size_t>(start)))) {
            r.truncated_character = true;
            r.text_end = r.text_begin + static_cast<std::uint32_t>(start);
            return r;
        }
        if (c < 0) {
            r.problem = DecodeProblem::InvalidUtf8;
            r.problem_offset = r.text_begin + static_cast<std::uint32_t>(start);
            return r;
        }
    }
    r.text_end = static_cast<std::uint32_t>(bytes.size());
    return r;
}

}  // namespace xxgk::source
