#include <boost/test/unit_test.hpp>
#include <set>

#include "diagnostic.hpp"

using namespace xxgk::diag;

BOOST_AUTO_TEST_SUITE(registry)

BOOST_AUTO_TEST_CASE(every_code_is_complete_and_unique) {
    std::set<std::string_view> names;
    for (const auto& c : all_codes()) {
        BOOST_TEST(names.insert(c.name).second, c.name);
        BOOST_TEST(c.name.size() == 6u);
        BOOST_TEST(c.name.starts_with("XG"));
        BOOST_TEST(!c.message_zh.empty(), c.name);
        BOOST_TEST(!c.message_en.empty(), c.name);
        BOOST_TEST(!c.explain_zh.empty(), c.name);
        BOOST_TEST(!c.explain_en.empty(), c.name);
        BOOST_TEST(&info(c.code) == &c);
        BOOST_TEST(find_code(c.name) == &c);
    }
}

BOOST_AUTO_TEST_CASE(the_identity_codes_are_the_contracts) {
    BOOST_TEST(find_code("XG2001") != nullptr);
    BOOST_TEST(find_code("XG2002") != nullptr);
    BOOST_TEST(find_code("XG2003") != nullptr);
    BOOST_TEST(find_code("XG2004") != nullptr);
    BOOST_TEST(find_code("XG9999") == nullptr);
}

BOOST_AUTO_TEST_CASE(messages_are_filled_in_both_languages) {
    const auto d = make(Code::XG2003, {}, {"（一）予以公开", "7", "6"});
    BOOST_TEST(message(d, Lang::En) == "row \"（一）予以公开\": 总计 is 7 but the applicant columns sum to 6");
    BOOST_TEST(message(d, Lang::Zh) == "行「（一）予以公开」：总计为7，但各申请人类别之和为6");
    BOOST_TEST((d.severity == Severity::Error));
}

BOOST_AUTO_TEST_SUITE_END()
