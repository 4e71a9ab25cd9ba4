#include <boost/test/unit_test.hpp>

#include "source_file.hpp"

using namespace xxgk::source;

BOOST_AUTO_TEST_SUITE(source_file)

BOOST_AUTO_TEST_CASE(lines_end_at_lf_crlf_and_cr) {
    const SourceFile f("t.txt", "a\nb\r\nc\rd");
    BOOST_TEST(f.line_count() == 4u);
    BOOST_TEST(f.line_text(2) == "b");
    BOOST_TEST(f.line_text(3) == "c");
    BOOST_TEST(f.line_col(7).line == 4u);
}

BOOST_AUTO_TEST_CASE(columns_in_every_unit) {
    // 办理结果 | 5 | X : X is preceded by 4 Han (3 bytes, 2 columns, 1 UTF-16 unit each) and 7 ASCII.
    const std::string line = "办理结果 | 5 | X";
    const SourceFile f("t.txt", "first\n" + line);
    const auto x = static_cast<std::uint32_t>(6 + line.find('X'));
    BOOST_TEST(f.line_col(x, ColumnUnit::Char).col == 12u);
    BOOST_TEST(f.line_col(x, ColumnUnit::Byte).col == 20u);
    BOOST_TEST(f.line_col(x, ColumnUnit::Display).col == 16u);
    BOOST_TEST(f.line_col(x, ColumnUnit::Utf16).col == 12u);
    BOOST_TEST(f.line_col(x).line == 2u);
}

BOOST_AUTO_TEST_CASE(characters_outside_the_bmp) {
    const SourceFile f("t.txt", "𠀀a");  // U+20000: 4 bytes, 2 UTF-16 units, wide
    BOOST_TEST(f.line_col(4, ColumnUnit::Char).col == 2u);
    BOOST_TEST(f.line_col(4, ColumnUnit::Utf16).col == 3u);
    BOOST_TEST(f.line_col(4, ColumnUnit::Display).col == 3u);
}

BOOST_AUTO_TEST_CASE(display_widths) {
    BOOST_TEST(display_width(U'中') == 2);
    BOOST_TEST(display_width(U'（') == 2);
    BOOST_TEST(display_width(U'A') == 1);
    BOOST_TEST(display_width(U'\u200B') == 0);
    BOOST_TEST(display_width(U'\u0304') == 0);
}

BOOST_AUTO_TEST_SUITE_END()
