#include "hant_hans.hpp"

#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <ios>
#include <set>
#include <string>
#include <string_view>

using xxgk::source::changes_in_traditional_text;
using xxgk::source::is_traditional;
using xxgk::source::phrase_overrides;
using xxgk::source::PhraseOverride;
using xxgk::source::starts_phrase_override;
using xxgk::source::to_simplified;

namespace {

constexpr char32_t max_code_point = 0x10FFFF;

// Boost.Test cannot print char32_t or UTF-32 strings, so compare in UTF-8.
std::string utf8(std::u32string_view text) {
    std::string out;
    for (const char32_t c : text) {
        if (c < 0x80) {
            out += char(c);
        } else if (c < 0x800) {
            out += char(0xC0 | c >> 6);
            out += char(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out += char(0xE0 | c >> 12);
            out += char(0x80 | (c >> 6 & 0x3F));
            out += char(0x80 | (c & 0x3F));
        } else {
            out += char(0xF0 | c >> 18);
            out += char(0x80 | (c >> 12 & 0x3F));
            out += char(0x80 | (c >> 6 & 0x3F));
            out += char(0x80 | (c & 0x3F));
        }
    }
    return out;
}

std::string utf8(char32_t c) { return utf8(std::u32string_view{&c, 1}); }

std::string simplify_each(std::u32string_view text) {
    std::u32string out;
    for (const char32_t c : text) out += to_simplified(c);
    return utf8(out);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hant_hans)

BOOST_AUTO_TEST_CASE(report_vocabulary_simplifies) {
    BOOST_TEST(simplify_each(U"區報總計結轉與") == "区报总计结转与");
    BOOST_TEST(simplify_each(U"政府信息公開工作年度報告") == "政府信息公开工作年度报告");
}

BOOST_AUTO_TEST_CASE(fu_merges_follow_icu) {
    // 複 and 復 both become 复, but 覆 is kept (覆盖); the phrase overrides
    // handle the 答覆/反覆 senses.
    BOOST_TEST(utf8(to_simplified(U'複')) == "复");
    BOOST_TEST(utf8(to_simplified(U'復')) == "复");
    BOOST_TEST(utf8(to_simplified(U'覆')) == "覆");
    BOOST_TEST(!is_traditional(U'覆'));
}

BOOST_AUTO_TEST_CASE(simplified_text_is_a_fixed_point) {
    const std::u32string_view text = U"区报总计结转复与公开中国政府信息";
    BOOST_TEST(simplify_each(text) == utf8(text));
    for (const char32_t c : text) BOOST_TEST(!is_traditional(c), utf8(c));
}

BOOST_AUTO_TEST_CASE(ascii_is_unchanged) {
    for (char32_t c = 0; c < 0x80; ++c) BOOST_TEST(unsigned(to_simplified(c)) == unsigned(c));
}

BOOST_AUTO_TEST_CASE(is_traditional_marks_traditional_only_characters) {
    BOOST_TEST(!is_traditional(U'中'));
    BOOST_TEST(!is_traditional(U'国'));
    BOOST_TEST(is_traditional(U'國'));
    BOOST_TEST(utf8(to_simplified(U'國')) == "国");
}

BOOST_AUTO_TEST_CASE(what_a_traditional_document_changes) {
    for (char32_t c = 0; c <= max_code_point; ++c) {
        if (changes_in_traditional_text(c) != (is_traditional(c) || starts_phrase_override(c)))
            BOOST_ERROR("changes_in_traditional_text disagrees at U+" << std::hex << unsigned(c));
    }
    for (const auto& o : phrase_overrides()) BOOST_TEST(starts_phrase_override(o.traditional.front()));
    BOOST_TEST(!starts_phrase_override(U'國'));
}

BOOST_AUTO_TEST_CASE(icu_maps_corner_brackets_to_curly_quotes) {
    // The only non-Han entries, and the only ones below U+3400.
    BOOST_TEST(utf8(to_simplified(U'「')) == "“");
    BOOST_TEST(utf8(to_simplified(U'」')) == "”");
    BOOST_TEST(utf8(to_simplified(U'『')) == "『");
    BOOST_TEST(utf8(to_simplified(U'』')) == "』");
    std::size_t below_cjk_ext_a = 0;
    for (char32_t c = 0; c < 0x3400; ++c) below_cjk_ext_a += is_traditional(c);
    BOOST_TEST(below_cjk_ext_a == 2u);
}

BOOST_AUTO_TEST_CASE(table_size_is_plausible) {
    // Table sortedness is a static_assert in hant_hans.cpp: an entry is found by counting the
    // entries before it, which only a table in code point order allows.
    std::size_t mapped = 0;
    for (char32_t c = 0; c <= max_code_point; ++c) mapped += is_traditional(c);
    BOOST_TEST(mapped >= 2500u);
    BOOST_TEST(mapped <= 3500u);
}

BOOST_AUTO_TEST_CASE(simplifying_twice_changes_nothing_except_icus_zhu_swap) {
    // ICU 72 maps 苧→苎 but also 苎→苧 (and 薴→苧); everything else lands on a
    // non-traditional character, so a single pass is enough.
    BOOST_TEST(utf8(to_simplified(U'苧')) == "苎");
    BOOST_TEST(utf8(to_simplified(U'苎')) == "苧");
    BOOST_TEST(utf8(to_simplified(U'薴')) == "苧");
    for (char32_t c = 0; c <= max_code_point; ++c) {
        const char32_t once = to_simplified(c);
        if (once == U'苧' || once == U'苎') continue;
        if (to_simplified(once) != once) BOOST_ERROR("U+" << std::hex << unsigned(c) << " needs two passes");
    }
}

BOOST_AUTO_TEST_CASE(context_free_map_already_gets_these_right) {
    // Candidates for phrase overrides that turned out unnecessary.
    BOOST_TEST(simplify_each(U"覆蓋") == "覆盖");
    BOOST_TEST(simplify_each(U"瞭解") == "了解");
    BOOST_TEST(simplify_each(U"憑藉") == "凭借");
}

BOOST_AUTO_TEST_CASE(phrase_overrides_keep_positions_and_matter) {
    BOOST_TEST(!phrase_overrides().empty());
    for (const PhraseOverride& o : phrase_overrides()) {
        BOOST_TEST_CONTEXT(utf8(o.traditional)) {
            BOOST_TEST(o.traditional.size() == o.simplified.size());
            BOOST_TEST(simplify_each(o.traditional) != utf8(o.simplified));
        }
    }
}

BOOST_AUTO_TEST_CASE(phrase_overrides_are_written_in_traditional) {
    // An override spelled with a simplified character would never match a
    // traditional document.
    std::set<char32_t> simplified_forms;
    for (char32_t c = 0; c <= max_code_point; ++c)
        if (is_traditional(c)) simplified_forms.insert(to_simplified(c));
    for (const PhraseOverride& o : phrase_overrides())
        for (const char32_t c : o.traditional)
            BOOST_TEST(!simplified_forms.contains(c), utf8(o.traditional) << " contains the simplified " << utf8(c));
}

BOOST_AUTO_TEST_CASE(overlapping_phrase_overrides_agree) {
    // e.g. 顯著作用 matches both 顯著 and 著作: whichever the normaliser applies,
    // the shared characters must come out the same.
    for (const PhraseOverride& a : phrase_overrides()) {
        for (const PhraseOverride& b : phrase_overrides()) {
            for (std::size_t n = 1; n < a.traditional.size() && n <= b.traditional.size(); ++n) {
                if (a.traditional.substr(a.traditional.size() - n) != b.traditional.substr(0, n)) continue;
                BOOST_TEST(utf8(a.simplified.substr(a.simplified.size() - n)) == utf8(b.simplified.substr(0, n)),
                           utf8(a.traditional) << " overlaps " << utf8(b.traditional));
            }
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
