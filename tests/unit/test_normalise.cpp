#include <boost/test/unit_test.hpp>

#include "normalise.hpp"

using namespace xxgk::source;

namespace {

// The original text a normalised range maps back to.
std::string_view original_of(std::string_view original, const NormalisedText& n, std::string_view needle) {
    const auto at = n.text.find(needle);
    BOOST_REQUIRE(at != std::string::npos);
    const auto b = n.map.to_original_begin(static_cast<std::uint32_t>(at));
    const auto e = n.map.to_original_end(static_cast<std::uint32_t>(at + needle.size()));
    return original.substr(b, e - b);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(normalise_text)

BOOST_AUTO_TEST_CASE(full_width_forms_fold_to_ascii) {
    const std::string in = "（一）予以公开：１２件，　共计";
    const auto n = normalise(in, 0);
    BOOST_TEST(n.text == "(一)予以公开:12件, 共计");
    BOOST_TEST(!n.traditional);
    BOOST_TEST(original_of(in, n, "12") == "１２");
    BOOST_TEST(original_of(in, n, "(一)") == "（一）");
}

BOOST_AUTO_TEST_CASE(spaces_zero_width_and_line_ends) {
    const std::string in = "a\u00A0b\u200Bc\r\nd\re\tf";
    const auto n = normalise(in, 0);
    BOOST_TEST(n.text == "a bc\nd\ne f");
    BOOST_TEST(original_of(in, n, "c\nd") == "c\r\nd");
}

BOOST_AUTO_TEST_CASE(circled_numbers_and_units_are_kept) {
    // Plain NFKC would turn these into 1, m2: they are content.
    const auto n = normalise("①㎡", 0);
    BOOST_TEST(n.text == "①㎡");
}

BOOST_AUTO_TEST_CASE(traditional_documents_become_simplified_without_glosses) {
    const std::string in = "廣州市南沙區(qū)人民政府政府信息公開工作年度報(bào)告。總計(jì)";
    const auto n = normalise(in, 0);
    BOOST_TEST(n.traditional);
    BOOST_TEST(n.text == "广州市南沙区人民政府政府信息公开工作年度报告。总计");
    BOOST_TEST(original_of(in, n, "南沙区") == "南沙區");
    BOOST_TEST(original_of(in, n, "总计") == "總計");  // a range ends before a trailing gloss
}

BOOST_AUTO_TEST_CASE(simplified_documents_are_not_converted) {
    // 乾 and 著 have simplified mappings in some contexts: a simplified text must not change.
    const std::string in = "本年度全县政府信息公开工作取得显著成效,主动公开政府信息的数量和质量都有提高,"
                           "依申请公开办理规范及时,群众满意度明显提升,乾坤(qián)朗朗。";
    const auto n = normalise(in, 0);
    BOOST_TEST(!n.traditional);
    BOOST_TEST(n.text == in);
}

BOOST_AUTO_TEST_CASE(phrase_overrides_in_traditional_documents) {
    const auto n = normalise("政府資訊公開，諮詢顯著增加，已答覆；按工作計畫與規畫，成效卓著", 0);
    BOOST_TEST(n.traditional);
    BOOST_TEST(n.text == "政府资讯公开,咨询显著增加,已答复;按工作计划与规划,成效卓著");
}

BOOST_AUTO_TEST_CASE(full_width_glosses_after_converted_characters_are_dropped) {
    const std::string in = "政府資訊公開工作報告,轄區（qū）內";
    const auto n = normalise(in, 0);
    BOOST_TEST(n.traditional);
    BOOST_TEST(n.text == "政府资讯公开工作报告,辖区内");
    BOOST_TEST(original_of(in, n, "辖区内") == "轄區（qū）內");
}

namespace {
std::string repeat(std::string_view s, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i) out += s;
    return out;
}
}  // namespace

BOOST_AUTO_TEST_CASE(a_document_is_traditional_from_one_in_ten_han_characters) {
    const auto traditional = [](const std::string& text) { return normalise(text, 0).traditional; };
    // Long enough that the count is looked at many times on the way.
    BOOST_TEST(traditional(repeat("國", 100) + repeat("中", 900)));
    BOOST_TEST(!traditional(repeat("國", 100) + repeat("中", 901)));
    // Where the traditional characters stand does not matter, only how many there are.
    BOOST_TEST(traditional(repeat("中", 900) + repeat("國", 100)));
    BOOST_TEST(!traditional(repeat("國", 1000) + repeat("中", 9001)));
    BOOST_TEST(traditional(repeat("中 ", 5000) + repeat("國", 1000) + repeat("abc", 20000)));
    // Han characters outside U+4000..U+9FFF count too: CJK extension A (㐀) and B (𠀀).
    BOOST_TEST(!traditional(repeat("國", 100) + repeat("㐀", 450) + repeat("𠀀", 451)));
    BOOST_TEST(!traditional(""));
    BOOST_TEST(!traditional(repeat("abc 123\n", 1000)));
    BOOST_TEST(traditional("國"));
    // A document that turns out traditional late is converted from its start.
    const auto late = normalise(repeat("中", 900) + repeat("國", 100), 0);
    BOOST_TEST(late.text == repeat("中", 900) + repeat("国", 100));
}

BOOST_AUTO_TEST_CASE(bom_is_skipped_and_offsets_count_from_the_file_start) {
    const std::string in = "\xEF\xBB\xBF一、总体情况";
    const auto n = normalise(in, 3);
    BOOST_TEST(n.text == "一、总体情况");
    BOOST_TEST(n.map.to_original_begin(0) == 3u);
}

BOOST_AUTO_TEST_SUITE_END()
