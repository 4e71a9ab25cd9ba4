#include <boost/test/unit_test.hpp>

#include "cell_value.hpp"

using namespace xxgk::passes;
using Kind = CellReading::Kind;

BOOST_AUTO_TEST_SUITE(cell_value)

BOOST_AUTO_TEST_CASE(counts_and_signed_changes) {
    auto r = read_cell("15596");
    BOOST_TEST((r.kind == Kind::Number));
    BOOST_TEST(r.number.mantissa == 15596);
    r = read_cell("+44");
    BOOST_TEST(r.number.mantissa == 44);
    r = read_cell("-369");
    BOOST_TEST(r.number.mantissa == -369);
    BOOST_TEST(read_cell("1,234").number.mantissa == 1234);
    BOOST_TEST(read_cell("5件").number.mantissa == 5);
}

BOOST_AUTO_TEST_CASE(amounts_keep_their_unit) {
    auto r = read_cell("66976万元");
    BOOST_TEST(r.number.mantissa == 66976);
    BOOST_TEST(r.unit == "万元");
    r = read_cell("12.50");
    BOOST_TEST(r.number.to_string() == "12.5");
}

BOOST_AUTO_TEST_CASE(amounts_convert_to_wan_yuan_exactly) {
    BOOST_TEST(to_wan_yuan(read_cell("2122500000元").number, "元")->to_string() == "212250");
    BOOST_TEST(to_wan_yuan(read_cell("251000元").number, "元")->to_string() == "25.1");
    BOOST_TEST(to_wan_yuan(read_cell("1.5亿元").number, "亿元")->to_string() == "15000");
    BOOST_TEST(to_wan_yuan(read_cell("66976").number, "万元")->to_string() == "66976");
    BOOST_TEST(!to_wan_yuan(read_cell("66976").number, "").has_value());
}

BOOST_AUTO_TEST_CASE(placeholders_are_unfilled_not_zero) {
    for (const char* p : {"/", "-", "—", "——", "无", "X", "N/A", ""}) BOOST_TEST((read_cell(p).kind == Kind::Unfilled), p);
}

BOOST_AUTO_TEST_CASE(text_is_not_a_number) {
    BOOST_TEST((read_cell("abc").kind == Kind::NotANumber));
    BOOST_TEST((read_cell("12abc").kind == Kind::NotANumber));
    BOOST_TEST((read_cell("+").kind == Kind::NotANumber));
}

BOOST_AUTO_TEST_CASE(overflow_is_reported_not_wrapped) {
    BOOST_TEST((read_cell("9223372036854775807").kind == Kind::Number));
    BOOST_TEST((read_cell("9223372036854775808").kind == Kind::TooLarge));
    BOOST_TEST((read_cell(std::string(400, '7')).kind == Kind::TooLarge));
}

BOOST_AUTO_TEST_SUITE_END()
