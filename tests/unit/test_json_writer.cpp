// The streaming JSON writer against nlohmann::json's dump() of the same document: the JSON
// outputs promise the bytes they always had.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include "json_writer.hpp"

using xxgk::backends::JsonWriter;
using ordered_json = nlohmann::ordered_json;

namespace {

// The same document both ways: nested, with empty and one-member containers, every kind of
// scalar, and strings that need escaping.
void write_sample(JsonWriter& w) {
    w.begin_object();
    w.key("text"); w.string("引号\"、反斜杠\\、换行\n、制表\t、\b\f\r、控制\x01\x1f、删除\x7f、表情😀");
    w.key("empty object"); w.begin_object(); w.end_object();
    w.key("empty array"); w.begin_array(); w.end_array();
    w.key("numbers");
    w.begin_array();
    w.number(std::int64_t{-42}); w.number(std::uint64_t{18446744073709551615u}); w.number(0); w.decimal("25.10");
    w.end_array();
    w.key("nested");
    w.begin_array();
    w.begin_object(); w.key("a"); w.null(); w.key("b"); w.boolean(true); w.end_object();
    w.begin_array(); w.begin_array(); w.end_array(); w.boolean(false); w.end_array();
    w.end_array();
    w.end_object();
}

ordered_json sample() {
    ordered_json doc;
    doc["text"] = "引号\"、反斜杠\\、换行\n、制表\t、\b\f\r、控制\x01\x1f、删除\x7f、表情😀";
    doc["empty object"] = ordered_json::object();
    doc["empty array"] = ordered_json::array();
    doc["numbers"] = ordered_json::array({std::int64_t{-42}, std::uint64_t{18446744073709551615u}, 0, ordered_json::parse("25.10")});
    doc["nested"] = ordered_json::array({ordered_json{{"a", nullptr}, {"b", true}}, ordered_json::array({ordered_json::array(), false})});
    return doc;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(json_writer)

BOOST_AUTO_TEST_CASE(compact_output_is_nlohmanns) {
    std::string out;
    JsonWriter w(out);
    write_sample(w);
    BOOST_TEST(out == sample().dump());
}

BOOST_AUTO_TEST_CASE(pretty_output_is_nlohmanns) {
    std::string out;
    JsonWriter w(out, 2);
    write_sample(w);
    BOOST_TEST(out == sample().dump(2));
}

BOOST_AUTO_TEST_CASE(an_object_inside_an_array_written_elsewhere_is_indented_one_level) {
    std::string out;
    JsonWriter w(out, 2, 1);
    w.begin_object(); w.key("code"); w.string("XG2001"); w.end_object();
    BOOST_TEST(out == "{\n    \"code\": \"XG2001\"\n  }");
}

BOOST_AUTO_TEST_CASE(bytes_that_are_not_utf8_become_replacement_characters) {
    const std::string path = "报告\xff\xe4\xb8.txt";
    std::string out;
    JsonWriter w(out);
    w.string(path);
    BOOST_TEST(out == ordered_json(path).dump(-1, ' ', false, ordered_json::error_handler_t::replace));
    BOOST_TEST(out.find("\xEF\xBF\xBD") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
