#include <boost/test/unit_test.hpp>

#include "fixture.hpp"
#include "invariants.hpp"
#include "passes.hpp"
#include "pipeline.hpp"

using namespace xxgk;

namespace {

std::vector<std::string> codes(const ast::Report& r) {
    std::vector<std::string> out;
    for (const auto& d : r.diagnostics) out.emplace_back(diag::info(d.code).name);
    return out;
}

std::size_t count(const ast::Report& r, std::string_view code) {
    const auto c = codes(r);
    return static_cast<std::size_t>(std::count(c.begin(), c.end(), code));
}

const ast::Cell* cell(const ast::Report& r, tpl::TableKind kind, std::string_view row, std::string_view column) {
    const auto& spec = *r.form->table(kind);
    const auto ri = *spec.row_index(row);
    const auto ci = *spec.column_index(ri, column);
    for (const auto& c : r.table(kind)->cells)
        if (c.row == ri && c.column == ci) return &c;
    return nullptr;
}

std::string_view at(const passes::Compilation& c, diag::Span s) { return c.file->bytes().substr(s.begin, s.end - s.begin); }

}  // namespace

BOOST_AUTO_TEST_SUITE(passes_on_reports)

BOOST_AUTO_TEST_CASE(a_consistent_report_has_no_diagnostics) {
    const auto c = passes::compile("t.txt", test::report_text());
    BOOST_TEST(codes(c.report).empty(), "diagnostics: " << codes(c.report).size());
    std::size_t cells = 0;
    for (const auto& t : c.report.tables) cells += t.cells.size();
    BOOST_TEST(cells == 198u);
}

BOOST_AUTO_TEST_CASE(canonical_ids_and_values) {
    const auto c = passes::compile("t.txt", test::report_text());
    const auto* total = cell(c.report, tpl::TableKind::Applications, "3.7", "total");
    BOOST_REQUIRE(total != nullptr);
    BOOST_TEST(total->value->mantissa == 6);
    const auto* amount = cell(c.report, tpl::TableKind::ActiveDisclosure, "central_procurement", "procurement_amount");
    BOOST_TEST(amount->value->to_string() == "0.25");  // 2500元 in 万元
    BOOST_TEST(amount->unit == "万元");
    BOOST_TEST(at(c, amount->span) == "2500元");
    const auto* lit = cell(c.report, tpl::TableKind::ReviewLitigation, "lit_direct", "total");
    BOOST_TEST(lit->value->mantissa == 2);
}

BOOST_AUTO_TEST_CASE(metadata_from_the_preamble) {
    const auto c = passes::compile("t.txt", test::report_text());
    BOOST_TEST(*c.report.title == "某某县人民政府2020年政府信息公开工作年度报告");
    BOOST_TEST(*c.report.agency == "某某县人民政府");
    BOOST_TEST(*c.report.year == 2020);
    BOOST_TEST(*c.report.published == "2021-01-20");
}

BOOST_AUTO_TEST_CASE(a_wrong_total_is_blamed_with_its_value) {
    auto rows = test::consistent_applications();
    const std::string original = rows["3.7"][0];
    rows["3.7"][0] = "0";  // （七）总计 自然人
    const auto c = passes::compile("t.txt", test::report_text(rows));
    // T3-BAL and T3-OUT fail in 自然人 and T3-COL in row （七）: one cell explains all three.
    BOOST_TEST(codes(c.report) == std::vector<std::string>{"XG2001"});
    const auto& d = c.report.diagnostics.front();
    const auto* natural = cell(c.report, tpl::TableKind::Applications, "3.7", "natural");
    BOOST_TEST(d.span.begin == natural->span.begin);
    BOOST_TEST(diag::message(d, diag::Lang::En) == "（七）总计 · 自然人 reads 0; by the identities it should be " + original);
    BOOST_TEST_REQUIRE(d.fixes.size() == 1u);
    BOOST_TEST(d.fixes[0].replacement == original);
    BOOST_TEST(d.fixes[0].span.begin == natural->span.begin);
    std::size_t failed_sums = 0;
    for (const auto& r : d.related) failed_sums += r.note == diag::NoteId::failed_sum ? 1 : 0;
    BOOST_TEST(failed_sums == 3u);  // T3-BAL 自然人, T3-OUT 自然人, T3-COL （七）总计
}

BOOST_AUTO_TEST_CASE(an_unfilled_cell_makes_identities_unverifiable_not_failed) {
    auto rows = test::consistent_applications();
    rows["3.1"][0] = "/";
    const auto c = passes::compile("t.txt", test::report_text(rows));
    BOOST_TEST(count(c.report, "XG3003") == 1u);
    BOOST_TEST(count(c.report, "XG2000") == 2u);  // T3-OUT 自然人 and T3-COL row 3.1
    BOOST_TEST(count(c.report, "XG2002") == 0u);
    BOOST_TEST(!c.report.has_errors());
    BOOST_TEST(!cell(c.report, tpl::TableKind::Applications, "3.1", "natural")->value.has_value());
}

BOOST_AUTO_TEST_CASE(table_four_blocks_sum_to_their_totals) {
    const auto c = passes::compile("t.txt", test::report_text(test::consistent_applications(),
        {"2", "1", "0", "0", "4", "1", "0", "0", "1", "2", "0", "0", "0", "0", "0"}));
    BOOST_TEST(codes(c.report) == std::vector<std::string>{"XG2004"});
}

BOOST_AUTO_TEST_CASE(missing_and_ragged_rows) {
    auto rows = test::consistent_applications();
    rows["1"].push_back("9");  // an eighth value
    const auto c = passes::compile("t.txt", test::report_text(rows, {}, {"3.3.1"}));
    BOOST_TEST(count(c.report, "XG1102") == 1u);
    BOOST_TEST(count(c.report, "XG1106") == 1u);
    BOOST_TEST(cell(c.report, tpl::TableKind::Applications, "3.3.1", "natural") == nullptr);
}

BOOST_AUTO_TEST_CASE(a_cut_off_table_is_one_diagnostic) {
    const auto c = passes::compile("t.txt", test::report_text(test::consistent_applications(), {}, {"3.5.3", "3.5.4", "3.5.5", "3.6"}));
    BOOST_TEST(codes(c.report) == std::vector<std::string>{"XG1108"});
    BOOST_TEST(diag::message(c.report.diagnostics.front(), diag::Lang::En) ==
               "the table \"收到和处理政府信息公开申请情况\" has none of the 4 rows from \"3.要求提供公开出版物\" to \"（六）其他处理\"");
}

BOOST_AUTO_TEST_CASE(short_table_four) {
    const auto c = passes::compile("t.txt", test::report_text(test::consistent_applications(), {"0", "0", "0"}));
    BOOST_TEST(count(c.report, "XG1105") == 1u);
    BOOST_TEST(c.report.table(tpl::TableKind::ReviewLitigation)->cells.size() == 3u);
}

BOOST_AUTO_TEST_CASE(bad_cells) {
    auto rows = test::consistent_applications();
    rows["2"] = {"abc", "-1", "0", "0", "0", "1.5", "99999999999999999999"};
    const auto c = passes::compile("t.txt", test::report_text(rows));
    BOOST_TEST(count(c.report, "XG3002") == 1u);
    BOOST_TEST(count(c.report, "XG3004") == 1u);
    BOOST_TEST(count(c.report, "XG3005") == 1u);
    BOOST_TEST(count(c.report, "XG3006") == 1u);
}

BOOST_AUTO_TEST_CASE(duplicate_and_out_of_order_rows) {
    std::string text = test::report_text();
    const std::string dup = "(一)予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |\n";
    text.insert(text.find("四、结转下年度继续办理"), dup);
    const auto c = passes::compile("t.txt", text);
    BOOST_TEST(count(c.report, "XG1103") == 1u);
    BOOST_TEST(count(c.report, "XG1107") == 0u);  // the duplicate's values are named by XG1103, not orphaned
}

BOOST_AUTO_TEST_CASE(missing_sections_and_non_reports) {
    std::string text = test::report_text();
    text.replace(text.find("五、存在的主要问题及改进情况"), std::string("五、存在的主要问题及改进情况").size(), "此外");
    auto c = passes::compile("t.txt", text);
    BOOST_TEST(codes(c.report) == std::vector<std::string>{"XG1001"});
    c = passes::compile("t.txt", "<html><body>404 Not Found</body></html>\n");
    BOOST_TEST(codes(c.report) == std::vector<std::string>{"XG0006"});
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(a_value_in_no_cell_and_no_diagnostic_is_lost) {
    auto c = passes::compile("t.txt", test::report_text());
    BOOST_TEST(test::unaccounted_values(c.report).empty());
    // Drop one cell: its value is now held by nothing, and the check must say so.
    auto& cells = c.report.tables.at(1).cells;
    const auto dropped = cells.front().span;
    cells.erase(cells.begin());
    const auto lost = test::unaccounted_values(c.report);
    BOOST_TEST_REQUIRE(lost.size() == 1u);
    BOOST_TEST(lost.front()->span.begin == dropped.begin);
}
