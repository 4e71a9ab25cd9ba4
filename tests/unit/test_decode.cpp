#include <boost/test/unit_test.hpp>

#include "decode.hpp"

using namespace xxgk::source;

BOOST_AUTO_TEST_SUITE(decode_input)

BOOST_AUTO_TEST_CASE(utf8_with_and_without_bom) {
    BOOST_TEST((decode("一、总体情况").problem == DecodeProblem::None));
    const auto r = decode("\xEF\xBB\xBF一、总体情况");
    BOOST_TEST((r.problem == DecodeProblem::None));
    BOOST_TEST((r.encoding == Encoding::Utf8WithBom));
    BOOST_TEST(r.text_begin == 3u);
}

BOOST_AUTO_TEST_CASE(empty_and_white_space_only) {
    BOOST_TEST((decode("").problem == DecodeProblem::Empty));
    BOOST_TEST((decode(" \r\n\t\n").problem == DecodeProblem::Empty));
    BOOST_TEST((decode("\xEF\xBB\xBF").problem == DecodeProblem::Empty));
}

BOOST_AUTO_TEST_CASE(binary_is_found_at_its_first_nul) {
    const auto r = decode(std::string_view("ab\0cd", 5));
    BOOST_TEST((r.problem == DecodeProblem::Binary));
    BOOST_TEST(r.problem_offset == 2u);
}

BOOST_AUTO_TEST_CASE(utf16_is_recognised_by_its_bom) {
    BOOST_TEST((decode(std::string_view("\xFF\xFE" "a\0", 4)).problem == DecodeProblem::Utf16));
    BOOST_TEST((decode(std::string_view("\xFE\xFF\0a", 4)).problem == DecodeProblem::Utf16));
}

BOOST_AUTO_TEST_CASE(gbk_bytes_are_invalid_utf8_at_their_offset) {
    // "ok " then 中 in GBK (D6 D0).
    const auto r = decode("ok \xD6\xD0");
    BOOST_TEST((r.problem == DecodeProblem::InvalidUtf8));
    BOOST_TEST(r.problem_offset == 3u);
}

BOOST_AUTO_TEST_CASE(a_file_cut_inside_its_last_character_is_still_text) {
    const std::string cut = std::string("一、总体情况") + "\xE6\x83";  // 情 without its last byte
    const auto r = decode(cut);
    BOOST_TEST((r.problem == DecodeProblem::None));
    BOOST_TEST(r.truncated_character);
    BOOST_TEST(r.text_end == cut.size() - 2);
    // Invalid bytes anywhere else are not a truncation.
    BOOST_TEST((decode("\xE6\x83 一").problem == DecodeProblem::InvalidUtf8));
    BOOST_TEST((decode("abc\xFF").problem == DecodeProblem::InvalidUtf8));
}

BOOST_AUTO_TEST_SUITE_END()
