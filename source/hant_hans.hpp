#pragma once

// Traditional→simplified conversion for report text, one code point at a time.
//
// The character map is ICU's "Hant-Hans" transliterator applied to each code
// point on its own (generated at build time by gen_hant_hans), so it maps
// exactly what ICU maps, with two consequences worth knowing:
//  * ICU also maps the corner brackets 「 」 to “ ”, the only entries below
//    U+3400; 『 』 are left alone.
//  * ICU 72 swaps 苧 and 苎 (and maps 薴 to 苧), so simplifying twice is not
//    the same as once for those three.
// Results are always a single code point, so positions stay 1:1.

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace xxgk::source {

// The simplified form of a code point that has one in ICU's Hant-Hans mapping; c itself otherwise.
char32_t to_simplified(char32_t c) noexcept;

namespace detail {
// One bit per code point of the Basic Multilingual Plane, which holds every entry: normalisation
// asks about every Han character of every report, so the questions below are answered inline.
using BmpBits = std::array<std::uint64_t, 0x10000 / 64>;
extern const BmpBits traditional_bits;     // the character map has the code point
extern const BmpBits override_start_bits;  // a phrase override starts with it
inline bool test(const BmpBits& bits, char32_t c) noexcept { return c <= 0xFFFF && (bits[c / 64] >> (c % 64) & 1) != 0; }
}  // namespace detail

// True when c is a traditional-only character (it has a different simplified form).
inline bool is_traditional(char32_t c) noexcept { return detail::test(detail::traditional_bits, c); }

// Both sides have the same number of code points, so applying an override
// keeps positions 1:1 with the source.
struct PhraseOverride {
    std::u32string_view traditional;
    std::u32string_view simplified;
};

// Curated phrases where the character map alone gives the wrong mainland form (context rules).
// Meant only for documents detected as traditional, where they take
// precedence over the character map.
std::span<const PhraseOverride> phrase_overrides() noexcept;

// True when c is the first character of one of the phrase overrides.
inline bool starts_phrase_override(char32_t c) noexcept { return detail::test(detail::override_start_bits, c); }

// is_traditional(c) || starts_phrase_override(c) in one look-up: whether a traditional document's
// character needs more than copying.
inline bool changes_in_traditional_text(char32_t c) noexcept {
    return c <= 0xFFFF && ((detail::traditional_bits[c / 64] | detail::override_start_bits[c / 64]) >> (c % 64) & 1) != 0;
}

}  // namespace xxgk::source
