// The diagnostic formats on hand-made diagnostics. Every expected text is worked out from the
// input by hand: byte offsets, code points and display columns (a CJK character is 3 bytes,
// 1 code point, 1 UTF-16 unit and 2 columns).
#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

#include "backends.hpp"

using namespace xxgk;
using json = nlohmann::json;

namespace {

backends::RenderOptions english(source::ColumnUnit unit = source::ColumnUnit::Char, bool color = false) {
    return {diag::Lang::En, unit, color};
}

std::string human(const source::SourceFile& file, const diag::Diagnostic& d, const backends::RenderOptions& options = english()) {
    const backends::FileDiagnostic fd{&file, file.name(), &d};
    std::ostringstream out;
    backends::write_human(out, std::span(&fd, 1), options);
    return out.str();
}

std::string gcc(const source::SourceFile& file, const diag::Diagnostic& d, const backends::RenderOptions& options = english()) {
    const backends::FileDiagnostic fd{&file, file.name(), &d};
    std::ostringstream out;
    backends::write_gcc(out, std::span(&fd, 1), options);
    return out.str();
}

json sarif(std::span<const backends::FileDiagnostic> diagnostics, const backends::RenderOptions& options = english()) {
    std::ostringstream out;
    backends::write_sarif(out, diagnostics, options);
    return json::parse(out.str());
}

// "办理结果 | 5 | X" as line 2: the 5 is preceded by 4 Han and " | ", so it is at byte 12 + 3 = 15
// of the line (offset 4 + 15 = 19 in the file), code point 7 (col 8), display column 11 (col 12).
const source::SourceFile kCjk("t.txt", "abc\n办理结果 | 5 | X\n");
const diag::Diagnostic kNotANumber = diag::make(diag::Code::XG3002, {19, 20}, {"5"});

// "a | 1 | 2 | 4" as line 2 (offset 2): 1 at byte 4, 2 at byte 8, 4 at byte 12 of the line.
const source::SourceFile kRow("t.txt", "h\na | 1 | 2 | 4\n");

diag::Diagnostic row_sum() {
    auto d = diag::make(diag::Code::XG2003, {14, 15}, {"a", "4", "3"});
    d.related.push_back({diag::Span{6, 7}, diag::NoteId::term_value, {"a", "x", "1"}});
    d.related.push_back({diag::Span{10, 11}, diag::NoteId::term_value, {"a", "y", "2"}});
    d.related.push_back({std::nullopt, diag::NoteId::failed_sum, {"XG2003", "z = x + y", "a", "4", "3"}});
    d.fixes.push_back({diag::Span{14, 15}, "3", diag::NoteId::fix_value, {"a · z", "4", "3"}});
    return d;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(human_format)

BOOST_AUTO_TEST_CASE(the_caret_is_placed_by_display_width) {
    BOOST_TEST(human(kCjk, kNotANumber) ==
               "error[XG3002]: the cell \"5\" is not a number\n"
               " --> t.txt:2:8\n"
               "  |\n"
               "2 | 办理结果 | 5 | X\n"
               "  | " + std::string(11, ' ') + "^\n"
               "\n");
}

BOOST_AUTO_TEST_CASE(a_gb18030_file_is_shown_as_text) {
    // The same line in GB18030, where each Han is 2 bytes: the 5 is at file offset 4 + 8 + 3 = 15.
    const source::SourceFile file("t.txt", "abc\n\xb0\xec\xc0\xed\xbd\xe1\xb9\xfb | 5 | X\n");
    BOOST_TEST(human(file, diag::make(diag::Code::XG3002, {15, 16}, {"5"})) ==
               "error[XG3002]: the cell \"5\" is not a number\n"
               " --> t.txt:2:8\n"
               "  |\n"
               "2 | 办理结果 | 5 | X\n"
               "  | " + std::string(11, ' ') + "^\n"
               "\n");
}

BOOST_AUTO_TEST_CASE(the_header_column_follows_the_column_unit) {
    BOOST_TEST(human(kCjk, kNotANumber, english(source::ColumnUnit::Display)).find(" --> t.txt:2:12\n") != std::string::npos);
    BOOST_TEST(human(kCjk, kNotANumber, english(source::ColumnUnit::Byte)).find(" --> t.txt:2:16\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_tab_is_one_column) {
    // "\t7" on line 1: the 7 at byte 1, shown after the tab printed as one space.
    const source::SourceFile file("t.txt", "\t7\n");
    const auto out = human(file, diag::make(diag::Code::XG3002, {1, 2}, {"7"}));
    BOOST_TEST(out.find("1 |  7\n  |  ^\n") != std::string::npos, out);
}

BOOST_AUTO_TEST_CASE(a_long_line_is_windowed_around_the_span) {
    // 150 a, the 5 at byte 150, 149 b: 300 columns. The window starts 20 columns before the
    // span (column 130) and is 100 wide, so it shows a 130..149, the 5 and b 151..229, with …
    // on both sides; the caret is after … and 20 a.
    const std::string line = std::string(150, 'a') + "5" + std::string(149, 'b');
    const source::SourceFile file("t.txt", line + "\n");
    const auto out = human(file, diag::make(diag::Code::XG3002, {150, 151}, {"5"}));
    const std::string shown = "…" + std::string(20, 'a') + "5" + std::string(79, 'b') + "…";
    BOOST_TEST(out.find("1 | " + shown + "\n  | " + std::string(21, ' ') + "^\n") != std::string::npos, out);
}

BOOST_AUTO_TEST_CASE(related_spans_notes_and_fixes) {
    BOOST_TEST(human(kRow, row_sum()) ==
               "error[XG2003]: row \"a\": 总计 is 4 but the applicant columns sum to 3\n"
               " --> t.txt:2:13\n"
               "  |\n"
               "2 | a | 1 | 2 | 4\n"
               "  |     -   -   ^ change a · z from 4 to 3\n"
               "  |     |   |\n"
               "  |     |   a · y = 2\n"
               "  |     a · x = 1\n"
               "  |\n"
               "  = note: XG2003 z = x + y fails in \"a\": 4 ≠ 3\n"
               "help: change a · z from 4 to 3\n"
               "  |\n"
               "2 | a | 1 | 2 | 3\n"
               "  | " + std::string(12, ' ') + "~\n"
               "\n");
}

BOOST_AUTO_TEST_CASE(many_related_spans_are_cut_to_six) {
    // Lines 1..20 read L1..L20 (the lines before line n take 3 bytes each up to L9, 4 after).
    std::string text;
    std::vector<std::uint32_t> starts;
    for (int n = 1; n <= 20; ++n) {
        starts.push_back(static_cast<std::uint32_t>(text.size()));
        text += "L" + std::to_string(n) + "\n";
    }
    const source::SourceFile file("t.txt", text);
    auto d = diag::make(diag::Code::XG3002, {starts[19], starts[19] + 3}, {"L20"});
    for (const int n : {1, 3, 6, 7, 8, 9, 10, 11, 12})
        d.related.push_back({diag::Span{starts[n - 1], starts[n - 1] + 2}, diag::NoteId::first_occurrence, {}});
    const auto out = human(file, d);
    // Shown: lines 1, 3, 6..9 and 20; line 2 fills a one-line gap, ... stands for longer ones.
    // The gutter is two wide (line 20), so its bar is in column 3.
    BOOST_TEST(out.find(" 1 | L1\n   | -- first occurrence here\n 2 | L2\n 3 | L3\n") != std::string::npos, out);
    BOOST_TEST(out.find(" 3 | L3\n   | -- first occurrence here\n...\n 6 | L6\n") != std::string::npos, out);
    BOOST_TEST(out.find(" 9 | L9\n   | -- first occurrence here\n...\n20 | L20\n   | ^^^\n") != std::string::npos, out);
    BOOST_TEST(out.find("10 | L10") == std::string::npos, out);
    BOOST_TEST(out.find("   = note: … and 3 more (--format json lists all)\n") != std::string::npos, out);
}

BOOST_AUTO_TEST_CASE(an_unreadable_path_has_a_header_and_its_path) {
    const auto d = diag::make(diag::Code::XG0001, {}, {"gone.txt: No such file or directory"});
    const backends::FileDiagnostic fd{nullptr, "gone.txt", &d};
    std::ostringstream out;
    backends::write_human(out, std::span(&fd, 1), english());
    BOOST_TEST(out.str() == "error[XG0001]: cannot read input: gone.txt: No such file or directory\n --> gone.txt\n\n");
}

BOOST_AUTO_TEST_CASE(colour_only_when_asked) {
    BOOST_TEST(human(kRow, row_sum()).find('\x1b') == std::string::npos);
    const auto out = human(kRow, row_sum(), english(source::ColumnUnit::Char, true));
    BOOST_TEST(out.starts_with("\x1b[1;91merror[XG2003]\x1b[0m\x1b[1m: row"), out);
    BOOST_TEST(out.find("\x1b[1;94m-->\x1b[0m t.txt:2:13") != std::string::npos, out);
    BOOST_TEST(out.find("\x1b[1;94m-\x1b[0m") != std::string::npos, out);      // a related mark
    BOOST_TEST(out.find("\x1b[1;91m^\x1b[0m") != std::string::npos, out);      // the primary mark
    BOOST_TEST(out.find("\x1b[1;96mhelp\x1b[0m: ") != std::string::npos, out);  // rustc's cyan help
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(gcc_format)

BOOST_AUTO_TEST_CASE(one_line_then_notes) {
    BOOST_TEST(gcc(kRow, row_sum()) ==
               "t.txt:2:13: error: row \"a\": 总计 is 4 but the applicant columns sum to 3 [XG2003]\n"
               "t.txt:2:5: note: a · x = 1\n"
               "t.txt:2:9: note: a · y = 2\n"
               "t.txt:2:13: note: XG2003 z = x + y fails in \"a\": 4 ≠ 3\n"
               "t.txt:2:13: note: change a · z from 4 to 3\n");
}

BOOST_AUTO_TEST_CASE(columns_in_every_unit) {
    BOOST_TEST(gcc(kCjk, kNotANumber).starts_with("t.txt:2:8: error: "));
    BOOST_TEST(gcc(kCjk, kNotANumber, english(source::ColumnUnit::Byte)).starts_with("t.txt:2:16: error: "));
    BOOST_TEST(gcc(kCjk, kNotANumber, english(source::ColumnUnit::Display)).starts_with("t.txt:2:12: error: "));
    BOOST_TEST(gcc(kCjk, kNotANumber, english(source::ColumnUnit::Utf16)).starts_with("t.txt:2:8: error: "));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(json_lines)

BOOST_AUTO_TEST_CASE(one_object_per_line) {
    const auto d = row_sum();
    const backends::FileDiagnostic fds[] = {{&kRow, "t.txt", &d}, {&kCjk, "u.txt", &kNotANumber}};
    std::ostringstream out;
    backends::write_diagnostics_json(out, fds, english(), true);
    std::istringstream lines(out.str());
    std::string first, second, rest;
    std::getline(lines, first);
    std::getline(lines, second);
    BOOST_TEST(!std::getline(lines, rest));
    BOOST_TEST(json::parse(first)["code"] == "XG2003");
    BOOST_TEST(json::parse(first)["fixes"][0]["message"] == "change a · z from 4 to 3");
    BOOST_TEST(json::parse(second)["col"] == 8);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(sarif_format)

BOOST_AUTO_TEST_CASE(one_run_with_a_rule_per_code) {
    const auto d = row_sum();
    const backends::FileDiagnostic fd{&kRow, "t.txt", &d};
    const auto log = sarif(std::span(&fd, 1));
    BOOST_TEST(log["version"] == "2.1.0");
    BOOST_TEST(log["$schema"].get<std::string>().ends_with("sarif-schema-2.1.0.json"));
    BOOST_TEST(log["runs"].size() == 1u);
    const auto& run = log["runs"][0];
    BOOST_TEST(run["columnKind"] == "unicodeCodePoints");
    BOOST_TEST(run["language"] == "en-US");
    const auto& rules = run["tool"]["driver"]["rules"];
    BOOST_TEST(run["tool"]["driver"]["name"] == "xxgk");
    BOOST_TEST(rules.size() == diag::all_codes().size());
    const auto& result = run["results"][0];
    BOOST_TEST(result["ruleId"] == "XG2003");
    BOOST_TEST(rules[result["ruleIndex"].get<std::size_t>()]["id"] == "XG2003");
    const auto& rule = rules[result["ruleIndex"].get<std::size_t>()];
    BOOST_TEST(rule["defaultConfiguration"]["level"] == "error");
    BOOST_TEST(rule["shortDescription"]["text"] == "row \"…\": 总计 is … but the applicant columns sum to …");
    BOOST_TEST(rule["help"]["text"] == std::string(diag::info(diag::Code::XG2003).explain_en));
    BOOST_TEST(rule["properties"]["formula"] == std::string(diag::info(diag::Code::XG2003).formula));
    BOOST_TEST(result["level"] == "error");
    BOOST_TEST(result["message"]["text"] == "row \"a\": 总计 is 4 but the applicant columns sum to 3");
}

BOOST_AUTO_TEST_CASE(locations_related_locations_and_fixes) {
    const auto d = row_sum();
    const backends::FileDiagnostic fd{&kRow, "t.txt", &d};
    const auto log = sarif(std::span(&fd, 1));
    const auto& result = log["runs"][0]["results"][0];
    const auto& location = result["locations"][0]["physicalLocation"];
    BOOST_TEST(location["artifactLocation"]["uri"] == "t.txt");
    BOOST_TEST(location["artifactLocation"]["index"] == 0);
    BOOST_TEST(location["region"] == json::parse(R"({"startLine": 2, "startColumn": 13, "endLine": 2, "endColumn": 14,
                                                      "byteOffset": 14, "byteLength": 1})"));
    const auto& related = result["relatedLocations"];
    BOOST_TEST(related.size() == 3u);
    BOOST_TEST(related[0]["id"] == 0);
    BOOST_TEST(related[0]["physicalLocation"]["region"]["startColumn"] == 5);
    BOOST_TEST(related[0]["message"]["text"] == "a · x = 1");
    BOOST_TEST(!related[2].contains("physicalLocation"));  // the failed sum belongs to no place
    BOOST_TEST(related[2]["message"]["text"] == "XG2003 z = x + y fails in \"a\": 4 ≠ 3");
    const auto& fix = result["fixes"][0];
    BOOST_TEST(fix["description"]["text"] == "change a · z from 4 to 3");
    const auto& replacement = fix["artifactChanges"][0]["replacements"][0];
    BOOST_TEST(replacement["deletedRegion"]["byteOffset"] == 14);
    BOOST_TEST(replacement["deletedRegion"]["startColumn"] == 13);
    BOOST_TEST(replacement["insertedContent"]["text"] == "3");
}

BOOST_AUTO_TEST_CASE(a_diagnostics_fixes_are_one_sarif_fix) {
    // Two blamed cells of one row repaired together: x from 1 to 2 at byte 6 and z from 4 to 5
    // at byte 14 ("a | 1 | 2 | 4" as line 2).
    auto d = row_sum();
    d.fixes = {{diag::Span{6, 7}, "2", diag::NoteId::fix_value, {"a · x", "1", "2"}},
               {diag::Span{14, 15}, "5", diag::NoteId::fix_value, {"a · z", "4", "5"}}};
    const backends::FileDiagnostic fd{&kRow, "t.txt", &d};
    const auto fixes = sarif(std::span(&fd, 1))["runs"][0]["results"][0]["fixes"];
    BOOST_TEST_REQUIRE(fixes.size() == 1u);
    BOOST_TEST(fixes[0]["description"]["text"] == "change a · x from 1 to 2; change a · z from 4 to 5");
    const auto& replacements = fixes[0]["artifactChanges"][0]["replacements"];
    BOOST_TEST_REQUIRE(replacements.size() == 2u);
    BOOST_TEST(replacements[0]["deletedRegion"]["startColumn"] == 5);
    BOOST_TEST(replacements[0]["insertedContent"]["text"] == "2");
    BOOST_TEST(replacements[1]["deletedRegion"]["startColumn"] == 13);
    BOOST_TEST(replacements[1]["insertedContent"]["text"] == "5");
}

BOOST_AUTO_TEST_CASE(columns_count_code_points_or_utf16_units) {
    // U+20000 is 4 bytes, 1 code point, 2 UTF-16 units and 2 columns; the 5 after it is at byte 4.
    const source::SourceFile file("t.txt", "𠀀5\n");
    const auto d = diag::make(diag::Code::XG3002, {4, 5}, {"5"});
    const backends::FileDiagnostic fd{&file, "t.txt", &d};
    const auto code_points = sarif(std::span(&fd, 1));
    BOOST_TEST(code_points["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] == 2);
    const auto utf16 = sarif(std::span(&fd, 1), english(source::ColumnUnit::Utf16));
    BOOST_TEST(utf16["runs"][0]["columnKind"] == "utf16CodeUnits");
    BOOST_TEST(utf16["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] == 3);
    // SARIF has no display or byte columns: those keep code points, with the byte offset beside.
    const auto display = sarif(std::span(&fd, 1), english(source::ColumnUnit::Display));
    BOOST_TEST(display["runs"][0]["columnKind"] == "unicodeCodePoints");
    const auto& region = display["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    BOOST_TEST(region["startColumn"] == 2);
    BOOST_TEST(region["byteOffset"] == 4);
}

BOOST_AUTO_TEST_CASE(paths_become_uri_references) {
    // 报 is E6 8A A5 in UTF-8, 告 E5 91 8A; a space is %20.
    const auto d = diag::make(diag::Code::XG0001, {}, {"?"});
    const backends::FileDiagnostic fds[] = {{nullptr, "报告 1.txt", &d}, {nullptr, "/srv/r.txt", &d}};
    const auto run = sarif(fds)["runs"][0];
    BOOST_TEST(run["artifacts"][0]["location"]["uri"] == "%E6%8A%A5%E5%91%8A%201.txt");
    BOOST_TEST(run["artifacts"][0]["location"]["uriBaseId"] == "%SRCROOT%");
    BOOST_TEST(run["originalUriBaseIds"]["%SRCROOT%"]["uri"].get<std::string>().starts_with("file:///"));
    BOOST_TEST(run["artifacts"][1]["location"]["uri"] == "file:///srv/r.txt");
    BOOST_TEST(!run["artifacts"][1]["location"].contains("uriBaseId"));
    // An unreadable path: a location without a region, an artifact without a length.
    const auto& location = run["results"][1]["locations"][0]["physicalLocation"];
    BOOST_TEST(location["artifactLocation"]["index"] == 1);
    BOOST_TEST(!location.contains("region"));
    BOOST_TEST(!run["artifacts"][1].contains("length"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(summary_line)

BOOST_AUTO_TEST_CASE(counts_by_severity_in_both_languages) {
    const auto error = diag::make(diag::Code::XG3002, {}, {"x"});
    const auto warning = diag::make(diag::Code::XG3003, {}, {"/"});
    const backends::FileDiagnostic fds[] = {{&kRow, "t.txt", &error}, {&kRow, "t.txt", &warning}, {&kRow, "t.txt", &error}};
    std::ostringstream en, zh, one, none;
    backends::write_summary(en, fds, english());
    BOOST_TEST(en.str() == "2 errors, 1 warning generated\n");
    backends::write_summary(zh, fds, {diag::Lang::Zh, source::ColumnUnit::Char, false});
    BOOST_TEST(zh.str() == "2 个错误，1 个警告\n");
    backends::write_summary(one, std::span(fds, 1), english());
    BOOST_TEST(one.str() == "1 error generated\n");
    backends::write_summary(none, std::span(fds, 0), english());
    BOOST_TEST(none.str().empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(explain_text)

BOOST_AUTO_TEST_CASE(one_code_in_each_language) {
    const auto& code = diag::info(diag::Code::XG2001);
    std::ostringstream en, zh;
    backends::write_explanation(en, code, diag::Lang::En);
    BOOST_TEST(en.str() == "XG2001 (error)\nformula: " + std::string(code.formula) +
                               "\nmessage: column \"…\" does not balance: （七）总计 + 四 = … but 一 + 二 = …\n\n" +
                               std::string(code.explain_en) + "\n");
    backends::write_explanation(zh, code, diag::Lang::Zh);
    BOOST_TEST(zh.str().starts_with("XG2001（错误）\n公式：一 + 二 = （七）总计 + 四（每一列）\n消息：「…」列不平衡："));
}

BOOST_AUTO_TEST_CASE(the_list_has_every_code) {
    std::ostringstream out;
    backends::write_code_list(out, diag::Lang::En);
    const auto list = out.str();
    BOOST_TEST(list.find("XG0001  error    cannot read input: …\n") != std::string::npos);
    BOOST_TEST(static_cast<std::size_t>(std::count(list.begin(), list.end(), '\n')) == diag::all_codes().size());
}

BOOST_AUTO_TEST_SUITE_END()
