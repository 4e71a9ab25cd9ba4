#include <boost/test/unit_test.hpp>
#include <set>

#include "diagnostic.hpp"

using namespace xxgk::diag;

namespace {

// The arguments a registry text uses, as "{0}{2}…" in order of number; fmt's {{ and }} are
// braces, not arguments.
std::string arguments(std::string_view text) {
    std::set<std::string> found;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '{') continue;
        if (i + 1 < text.size() && text[i + 1] == '{') {
            ++i;
            continue;
        }
        const auto close = text.find('}', i);
        found.insert(std::string(text.substr(i, close - i + 1)));
    }
    std::string out;
    for (const auto& a : found) out += a;
    return out;
}

// The notes straight from the registry, which has no list of them.
struct NoteText {
    std::string_view name, zh, en;
};
constexpr NoteText kNotes[] = {
#define XG_DIAGNOSTIC(...)
#define XG_NOTE(name, zh, en) {#name, zh, en},
#include "registry.def"
#undef XG_DIAGNOSTIC
#undef XG_NOTE
};

}  // namespace

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

// A translation that drops an argument loses information; a line break would break the gcc
// format's one line per diagnostic.
BOOST_AUTO_TEST_CASE(both_languages_say_the_same_on_one_line) {
    for (const auto& c : all_codes()) {
        BOOST_TEST(arguments(c.message_zh) == arguments(c.message_en), c.name);
        BOOST_TEST(c.message_zh.find('\n') == std::string_view::npos, c.name);
        BOOST_TEST(c.message_en.find('\n') == std::string_view::npos, c.name);
    }
    for (const auto& n : kNotes) {
        BOOST_TEST(!n.zh.empty(), n.name);
        BOOST_TEST(!n.en.empty(), n.name);
        BOOST_TEST(arguments(n.zh) == arguments(n.en), n.name);
        BOOST_TEST(n.en.find('\n') == std::string_view::npos, n.name);
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
