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

// An entry is found by counting the entries before it, which needs them in code point order.
static_assert(std::ranges::adjacent_find(table, std::ranges::greater_equal{}, &Entry::traditional) ==
              std::ranges::end(table));
// The bitmaps cover the Basic Multilingual Plane. With ICU 72 the table spans U+300C..U+9F9C.
static_assert(std::rbegin(table)->traditional <= 0xFFFF);

constexpr std::size_t kBitmapWords = std::tuple_size_v<detail::BmpBits>;

// How many entries the words before each word of traditional_bits hold: with the bits below c in
// its own word, the index of c's entry, instead of a binary search for every character a
// traditional document converts.
constexpr std::array<std::uint16_t, kBitmapWords> entries_before = [] {
    static_assert(std::size(table) <= 0xFFFF);
    std::array<std::uint16_t, kBitmapWords> counts{};
    std::array<std::uint16_t, kBitmapWords> in_word{};
    for (const auto& e : table) ++in_word[e.traditional / 64];
    std::uint16_t count = 0;
    for (std::size_t w = 0; w < kBitmapWords; ++w) {
        counts[w] = count;
        count = static_cast<std::uint16_t>(count + in_word[w]);
    }
    return counts;
}();

}  // namespace

namespace detail {

constexpr BmpBits traditional_bits = [] {
    BmpBits bits{};
    for (const auto& e : table) bits[e.traditional / 64] |= std::uint64_t{1} << (e.traditional % 64);
    return bits;
}();

}  // namespace detail

namespace {

const Entry* find(char32_t c) noexcept {
    if (!is_traditional(c)) return nullptr;
    const std::uint64_t below = detail::traditional_bits[c / 64] & ((std::uint64_t{1} << (c % 64)) - 1);
    return &table[entries_before[c / 64] + static_cast<std::size_t>(std::popcount(below))];
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

}  // namespace

namespace detail {

constexpr BmpBits override_start_bits = [] {
    BmpBits bits{};
    for (const auto& o : overrides) {
        const char32_t c = o.traditional.front();
        if (c > 0xFFFF) throw "an override starts outside the Basic Multilingual Plane: widen the bitmaps";
        bits[c / 64] |= std::uint64_t{1} << (c % 64);
    }
    return bits;
}();

}  // namespace detail

char32_t to_simplified(char32_t c) noexcept {
    const Entry* const e = find(c);
    return e ? e->simplified : c;
}

std::span<const PhraseOverride> phrase_overrides() noexcept { return overrides; }

}  // namespace xxgk::source
