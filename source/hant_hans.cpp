#include "hant_hans.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <functional>
#include <iterator>

namespace xxgk::source {
namespace {

struct Entry {
    char32_t traditional;
    char32_t simplified;
};

constexpr Entry table[] = {
#include "hant_hans_table.inc"
};

// The binary search below is only correct on a strictly increasing table.
static_assert(std::ranges::adjacent_find(table, std::ranges::greater_equal{}, &Entry::traditional) ==
              std::ranges::end(table));

// The generator covers every code point, so nothing outside [first, last] is
// mapped.  With ICU 72 that range is U+300C..U+9F9C: ASCII, Latin, 。、 and
// the full-width forms never reach the search.
constexpr char32_t first = std::begin(table)->traditional;
constexpr char32_t last = std::rbegin(table)->traditional;

// One bit per code point of [first, last]: whether the table has it. Normalisation asks for every
// Han character of every report, and almost all of them are not in the table: a bit answers that.
constexpr std::size_t kBitmapWords = (last - first) / 64 + 1;
constexpr std::array<std::uint64_t, kBitmapWords> in_table = [] {
    std::array<std::uint64_t, kBitmapWords> bits{};
    for (const auto& e : table) bits[(e.traditional - first) / 64] |= std::uint64_t{1} << ((e.traditional - first) % 64);
    return bits;
}();

// How many entries the words before each word of `in_table` hold: with the bits below c in its
// own word, the index of c's entry (the table is in code point order), instead of a binary
// search for every character a traditional document converts.
constexpr std::array<std::uint16_t, kBitmapWords> entries_before = [] {
    static_assert(std::size(table) <= 0xFFFF);
    std::array<std::uint16_t, kBitmapWords> counts{};
    std::uint16_t count = 0;
    for (std::size_t w = 0; w < kBitmapWords; ++w) {
        counts[w] = count;
        count = static_cast<std::uint16_t>(count + std::popcount(in_table[w]));
    }
    return counts;
}();

const Entry* find(char32_t c) noexcept {
    if (c < first || c > last) return nullptr;
    const std::size_t bit = c - first;
    const std::uint64_t word = in_table[bit / 64];
    const std::uint64_t below = word & ((std::uint64_t{1} << (bit % 64)) - 1);
    if ((word >> (bit % 64) & 1) == 0) return nullptr;
    return &table[entries_before[bit / 64] + static_cast<std::size_t>(std::popcount(below))];
}

constexpr PhraseOverride overrides[] = {
    // 著 alone is 着 (wear, -ing); as "write, marked" it stays 著.
    {U"著作", U"著作"},
    {U"顯著", U"显著"},
    {U"著名", U"著名"},
    {U"卓著", U"卓著"},
    // 畫 alone is 画 (picture); as "plan" mainland writes 划, as ICU's phrase rules do.
    {U"計畫", U"计划"},
    {U"規畫", U"规划"},
    // 乾 alone is 干 (dry); as "heaven" and in names it stays 乾.  ICU itself
    // gets 乾隆 wrong.
    {U"乾坤", U"乾坤"},
    {U"乾隆", U"乾隆"},
    // ICU gives 谘询, but 谘 is not in the 2013 通用规范汉字表: mainland writes 咨询.
    {U"諮詢", U"咨询"},
    // 覆 alone stays 覆 (覆盖); for "reply, repeatedly" mainland writes 复.
    {U"答覆", U"答复"},
    {U"反覆", U"反复"},
    // 藉 alone is 借, which is right for 凭借 (ICU's own rule gives 凭藉), but
    // 狼藉 keeps 藉.
    {U"狼藉", U"狼藉"},
    // 甚 alone stays 甚 (甚至), 麼 is 么; together they are 什么.
    {U"甚麼", U"什么"},
};

static_assert(std::ranges::all_of(overrides, [](const PhraseOverride& o) {
    return !o.traditional.empty() && o.traditional.size() == o.simplified.size();
}));

// One bit per code point of [first, last]: whether one of the overrides starts with it. With
// `in_table`, what a traditional document's copy loop asks of every Han character.
constexpr std::array<std::uint64_t, kBitmapWords> starts_override = [] {
    std::array<std::uint64_t, kBitmapWords> bits{};
    for (const auto& o : overrides) {
        const char32_t c = o.traditional.front();
        if (c < first || c > last) throw "an override starts outside the table's range: widen the bitmap";
        bits[(c - first) / 64] |= std::uint64_t{1} << ((c - first) % 64);
    }
    return bits;
}();

bool test(const std::array<std::uint64_t, kBitmapWords>& bits, char32_t c) noexcept {
    return c >= first && c <= last && (bits[(c - first) / 64] >> ((c - first) % 64) & 1) != 0;
}

}  // namespace

char32_t to_simplified(char32_t c) noexcept {
    const Entry* const e = find(c);
    return e ? e->simplified : c;
}

bool is_traditional(char32_t c) noexcept { return find(c) != nullptr; }

bool starts_phrase_override(char32_t c) noexcept { return test(starts_override, c); }

bool changes_in_traditional_text(char32_t c) noexcept {
    if (c < first || c > last) return false;
    const std::size_t w = (c - first) / 64;
    return ((in_table[w] | starts_override[w]) >> ((c - first) % 64) & 1) != 0;
}

std::span<const PhraseOverride> phrase_overrides() noexcept { return overrides; }

}  // namespace xxgk::source
