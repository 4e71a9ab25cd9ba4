// Broken layouts: digits run together (the splitter on its own, then in a report), headings
// inside lines, and the page furniture around and inside a report.
#include <boost/test/unit_test.hpp>

#include "digit_runs.hpp"
#include "fixture.hpp"
#include "lexicon.hpp"
#include "parser.hpp"
#include "pipeline.hpp"

using namespace xxgk;
namespace dr = passes::digit_runs;

namespace {

using Values = std::vector<std::string>;

// A row of table 三: six applicant cells and their 总计, slots 0–6.
dr::Problem applications_row(std::vector<std::string_view> items) {
    // 总计 = the six applicant cells: one for all the problems made here, which view it.
    static const std::vector<dr::Equation> total = [] {
        dr::Equation e{{{6, +1}}};
        for (std::size_t s = 0; s < 6; ++s) e.terms.push_back({s, -1});
        return std::vector<dr::Equation>{e};
    }();
    dr::Problem p;
    p.kinds.assign(7, tpl::ValueKind::Count);
    p.known.assign(7, std::nullopt);
    p.identities = total;
    p.runs.push_back({std::move(items), {0, 1, 2, 3, 4, 5, 6}});
    return p;
}

Values texts(const dr::Run& run, const dr::Reading& reading) {
    Values out;
    for (const auto& piece : reading) out.emplace_back(run.items[piece.item].substr(piece.begin, piece.end - piece.begin));
    return out;
}

std::vector<Values> all_texts(const dr::Run& run, const std::vector<dr::Reading>& readings) {
    std::vector<Values> out;
    for (const auto& r : readings) out.push_back(texts(run, r));
    return out;
}

const grammar::Lexicon& lexicon_2021() { return grammar::lexicon_for(tpl::template_2021()); }

struct Parsed {
    std::unique_ptr<source::SourceFile> file;
    std::unique_ptr<source::NormalisedText> text;
    ast::Report report;
    std::string_view at(diag::Span s) const { return file->bytes().substr(s.begin, s.end - s.begin); }
};

Parsed parse(std::string text, const tpl::Template& form = tpl::template_2019()) {
    Parsed p;
    p.file = std::make_unique<source::SourceFile>("t.txt", std::move(text));
    p.text = std::make_unique<source::NormalisedText>(source::normalise(p.file->bytes(), 0));
    p.report = grammar::parse(*p.file, *p.text, form);
    return p;
}

Values item_texts(const ast::Table& table) {
    Values out;
    for (const auto& item : table.items) out.emplace_back(item.text);
    return out;
}

std::vector<std::string> codes(const ast::Report& r) {
    std::vector<std::string> out;
    for (const auto& d : r.diagnostics) out.emplace_back(diag::info(d.code).name);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(digit_run_splitter)

BOOST_AUTO_TEST_CASE(the_row_total_leaves_one_reading) {
    const auto p = applications_row({"713000074"});
    const auto d = dr::decide(p);
    BOOST_REQUIRE(d.size() == 1u);
    BOOST_TEST((d[0].kind == dr::Decision::Kind::Read));
    BOOST_TEST(texts(p.runs[0], d[0].readings.front()) == (Values{"71", "3", "0", "0", "0", "0", "74"}));
    // Each piece keeps where its digits stand in the run, and its value.
    const auto& total = d[0].readings.front()[6];
    BOOST_TEST(total.begin == 7u);
    BOOST_TEST(total.end == 9u);
    BOOST_TEST(*total.value == 74);
}

BOOST_AUTO_TEST_CASE(a_row_total_that_two_readings_keep_is_reported_with_both) {
    const auto p = applications_row({"330000033"});
    const auto d = dr::decide(p);
    BOOST_TEST((d[0].kind == dr::Decision::Kind::Ambiguous));
    BOOST_TEST(d[0].count == 2u);
    BOOST_TEST(all_texts(p.runs[0], d[0].readings) ==
               (std::vector<Values>{{"3", "30", "0", "0", "0", "0", "33"}, {"33", "0", "0", "0", "0", "0", "33"}}));
}

BOOST_AUTO_TEST_CASE(the_column_sums_choose_between_the_readings_of_a_row) {
    // Two rows of two applicant columns and a total, and a known row below them that is their
    // sum per column: row A 330000033-like 3·30·33 or 33·0·33, row B 1·1·2, sum row 34·1·35.
    dr::Problem p;
    p.kinds.assign(9, tpl::ValueKind::Count);
    p.known = {std::nullopt, std::nullopt, std::nullopt, 1, 1, 2, 34, 1, 35};
    std::vector<dr::Equation> identities;
    for (std::size_t row : {0u, 3u, 6u}) identities.push_back({{{row + 2, +1}, {row, -1}, {row + 1, -1}}});
    for (std::size_t c = 0; c < 3; ++c) identities.push_back({{{6 + c, +1}, {c, -1}, {3 + c, -1}}});
    p.identities = identities;
    p.runs.push_back({{"33033"}, {0, 1, 2}});
    const auto d = dr::decide(p);
    BOOST_TEST((d[0].kind == dr::Decision::Kind::Read));
    BOOST_TEST(texts(p.runs[0], d[0].readings.front()) == (Values{"33", "0", "33"}));
    BOOST_TEST(d[0].figures.empty());
}

BOOST_AUTO_TEST_CASE(no_leading_zeros_but_a_lone_zero) {
    const auto p = applications_row({"0200002"});
    const auto d = dr::decide(p);
    BOOST_TEST((d[0].kind == dr::Decision::Kind::Read));
    BOOST_TEST(texts(p.runs[0], d[0].readings.front()) == (Values{"0", "2", "0", "0", "0", "0", "2"}));
    // 00012 cannot be three counts: 0 / 0 / 012 and 0 / 00 / 12 are not how numbers are written.
    dr::Problem three;
    three.kinds.assign(3, tpl::ValueKind::Count);
    three.known.assign(3, std::nullopt);
    three.runs.push_back({{"00012"}, {0, 1, 2}});
    BOOST_TEST(dr::readings(three, three.runs[0]).list.empty());
    BOOST_TEST((dr::decide(three)[0].kind == dr::Decision::Kind::Unreadable));
}

BOOST_AUTO_TEST_CASE(a_row_whose_total_no_reading_keeps_is_unreadable) {
    const auto d = dr::decide(applications_row({"713000075"}));
    BOOST_TEST((d[0].kind == dr::Decision::Kind::Unreadable));
    BOOST_TEST(d[0].readings.empty());
}

BOOST_AUTO_TEST_CASE(fractions_only_in_amounts) {
    dr::Problem p;
    p.kinds = {tpl::ValueKind::Count, tpl::ValueKind::Money};
    p.known.assign(2, std::nullopt);
    p.runs.push_back({{"1234.5万元"}, {0, 1}});
    const auto r = dr::readings(p, p.runs[0]);
    // The unit stays with the amount, the last piece of its item.
    BOOST_TEST(all_texts(p.runs[0], r.list) ==
               (std::vector<Values>{{"1", "234.5万元"}, {"12", "34.5万元"}, {"123", "4.5万元"}}));
    BOOST_TEST(!r.list.front()[1].value.has_value());
    p.kinds = {tpl::ValueKind::Count, tpl::ValueKind::Count};
    BOOST_TEST(dr::readings(p, p.runs[0]).list.empty());
}

BOOST_AUTO_TEST_CASE(separate_values_are_never_cut_across) {
    // 12 3 for three cells: 1 / 2 / 3 only; the space between 12 and 3 is a cell boundary.
    dr::Problem p;
    p.kinds.assign(3, tpl::ValueKind::Count);
    p.known.assign(3, std::nullopt);
    p.runs.push_back({{"12", "3"}, {0, 1, 2}});
    const auto r = dr::readings(p, p.runs[0]);
    BOOST_TEST(all_texts(p.runs[0], r.list) == (std::vector<Values>{{"1", "2", "3"}}));
    BOOST_TEST(r.list.front()[2].item == 1u);
}

BOOST_AUTO_TEST_CASE(the_texts_figures_decide_where_there_are_no_identities) {
    dr::Problem p;
    p.kinds.assign(3, tpl::ValueKind::Count);
    p.known.assign(3, std::nullopt);
    p.runs.push_back({{"8855698"}, {0, 1, 2}});
    BOOST_TEST(dr::readings(p, p.runs[0]).list.size() == 15u);
    const auto open = dr::decide(p);
    BOOST_TEST((open[0].kind == dr::Decision::Kind::Ambiguous));
    BOOST_TEST(open[0].count == 15u);
    p.figures = {{{2}, 698}, {{0}, 88}, {{1}, 7}};  // the third agrees with no reading
    const auto d = dr::decide(p);
    BOOST_TEST((d[0].kind == dr::Decision::Kind::Read));
    BOOST_TEST(texts(p.runs[0], d[0].readings.front()) == (Values{"88", "55", "698"}));
    BOOST_TEST(d[0].figures == (std::vector<std::size_t>{0, 1}));
}

BOOST_AUTO_TEST_CASE(the_identities_outrank_the_text) {
    // The text says 75 received; the row's own total says 74.
    auto p = applications_row({"713000074"});
    p.figures = {{{6}, 75}};
    const auto d = dr::decide(p);
    BOOST_TEST((d[0].kind == dr::Decision::Kind::Read));
    BOOST_TEST(*d[0].readings.front()[6].value == 74);
    BOOST_TEST(d[0].figures.empty());
}

BOOST_AUTO_TEST_CASE(how_many_cells_an_item_could_fill) {
    BOOST_TEST(dr::capacity("713000074") == 9u);
    BOOST_TEST(dr::capacity("+44") == 2u);
    BOOST_TEST(dr::capacity("9116.36") == 6u);
    BOOST_TEST(dr::capacity("66976万元") == 5u);
    BOOST_TEST(dr::capacity("1,234") == 0u);
    BOOST_TEST(dr::capacity("—") == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(run_together_tables)

BOOST_AUTO_TEST_CASE(a_label_that_starts_with_a_digit_ends_the_value_before_it) {
    const auto p = parse("三、收到和处理政府信息公开申请情况\n(三)不予公开 1.属于国家秘密00000002.其他法律行政法规禁止公开 0000000");
    BOOST_TEST(item_texts(p.report.tables.at(0)) ==
               (Values{"(三)不予公开", "1.属于国家秘密", "0000000", "2.其他法律行政法规禁止公开", "0000000"}));
}

BOOST_AUTO_TEST_CASE(a_run_together_row_becomes_cells_at_their_digits) {
    auto text = test::report_text();
    const std::string row = "一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 1 | 7 |";
    BOOST_REQUIRE(text.find(row) != std::string::npos);
    text.replace(text.find(row), row.size(), "一、本年新收政府信息公开申请数量 5100017");
    const auto c = passes::compile("t.txt", text);
    BOOST_TEST(codes(c.report) == (Values{"XG1110"}));
    std::vector<std::string> cells;
    for (const auto& cell : c.report.table(tpl::TableKind::Applications)->cells)
        if (cell.row == 0) cells.emplace_back(c.file->bytes().substr(cell.span.begin, cell.span.end - cell.span.begin));
    BOOST_TEST(cells == (Values{"5", "1", "0", "0", "0", "1", "7"}));
    const auto& note = c.report.diagnostics.front();
    BOOST_REQUIRE(note.related.size() == 1u);
    BOOST_TEST(diag::message(note.related[0], diag::Lang::En) ==
               "一、本年新收政府信息公开申请数量: \"5100017\" reads 5、1、0、0、0、1、7");
}

BOOST_AUTO_TEST_CASE(an_undecided_run_is_an_error_with_its_candidates_and_no_cells) {
    auto text = test::report_text();
    const std::string row = "规范性文件 | 3 | 3 | 3 |";
    BOOST_REQUIRE(text.find(row) != std::string::npos);
    text.replace(text.find(row), row.size(), "规范性文件 | 3310 |");
    const auto c = passes::compile("t.txt", text);
    BOOST_TEST(codes(c.report) == (Values{"XG1111"}));
    const auto& error = c.report.diagnostics.front();
    BOOST_TEST(diag::message(error, diag::Lang::En) ==
               "the digits \"3310\" of \"规范性文件\" can be split 3 ways, and neither the identities nor the text decide which; its cells are left out");
    BOOST_TEST(error.related.size() == 3u);
    BOOST_TEST(diag::message(error.related[0], diag::Lang::En) == "candidate reading: 3、3、10");
    for (const auto& cell : c.report.table(tpl::TableKind::ActiveDisclosure)->cells) BOOST_TEST(cell.row != 1u);
}

BOOST_AUTO_TEST_CASE(figures_of_section_one_settle_a_run_of_table_two) {
    auto text = test::report_text();
    const std::string row = "规范性文件 | 3 | 3 | 3 |", prose = "2020年,本县共收到申请7件。\n";
    BOOST_REQUIRE(text.find(row) != std::string::npos);
    BOOST_REQUIRE(text.find(prose) != std::string::npos);
    text.replace(text.find(row), row.size(), "规范性文件 | 3310 |");
    // One clause names the row; each of its parts names a column by a word no other column has.
    text.insert(text.find(prose) + prose.size(), "本年新制作规范性文件3件、新公开3件、累计对外公开10件。\n");
    const auto c = passes::compile("t.txt", text);
    BOOST_TEST(codes(c.report) == (Values{"XG1110"}));
    Values cells;
    for (const auto& cell : c.report.table(tpl::TableKind::ActiveDisclosure)->cells)
        if (cell.row == 1) cells.push_back(cell.text);
    BOOST_TEST(cells == (Values{"3", "3", "10"}));
    // The run, then the three figures that decided it.
    BOOST_TEST(c.report.diagnostics.front().related.size() == 4u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(headings_and_page_noise)

BOOST_AUTO_TEST_CASE(a_heading_inside_a_line_ends_with_its_title) {
    const std::string_view s = "二、主动公开政府信息情况第二十条第(一)项信息内容";
    const auto h = lexicon_2021().inline_heading(s);
    BOOST_REQUIRE(h.has_value());
    BOOST_TEST(h->section == 2);
    BOOST_TEST(s.substr(0, h->length) == "二、主动公开政府信息情况");
    BOOST_TEST(lexicon_2021().inline_heading("四、政府信息公开行政法复议、行政诉讼情况行政复议")->section == 4);
    BOOST_TEST(lexicon_2021().inline_heading("六、其他需要报告的事项2025年,无收取信息处理费情况。")->length ==
               std::string_view("六、其他需要报告的事项").size());
}

BOOST_AUTO_TEST_CASE(row_labels_and_lists_are_not_headings_inside_lines) {
    // The title may not run on over a row's values to the next heading's words.
    BOOST_TEST(!lexicon_2021().inline_heading("四、结转下年度继续办理 0000000 四、政府信息公开行政复议、行政诉讼情况").has_value());
    BOOST_TEST(!lexicon_2021().inline_heading("三、本年度办理结果 (一)予以公开").has_value());
    // A preamble that lists the parts.
    BOOST_TEST(!lexicon_2021().inline_heading("一、总体情况、二、主动公开政府信息情况").has_value());
}

BOOST_AUTO_TEST_CASE(what_may_stand_before_a_heading_inside_a_line) {
    using grammar::Lexicon;
    BOOST_TEST(Lexicon::heading_may_follow(""));
    BOOST_TEST(Lexicon::heading_may_follow("前文\n"));
    BOOST_TEST(Lexicon::heading_may_follow("做优做实。"));
    BOOST_TEST(Lexicon::heading_may_follow("总计25380363300630003"));
    BOOST_TEST(Lexicon::heading_may_follow("有关情况 "));
    BOOST_TEST(!Lexicon::heading_may_follow("第"));
    BOOST_TEST(!Lexicon::heading_may_follow("十"));
}

BOOST_AUTO_TEST_CASE(a_report_on_one_line) {
    const auto p = parse(
        "标题: 某区2022年度政府信息公开工作年度报告\n==== 正文 ====\n本报告依据条例编制。一、总体情况 全年收到申请3件。"
        "二、主动公开政府信息情况第二十条第(一)项信息内容本年制发件数本年废止件数现行有效件数规章000"
        "三、收到和处理政府信息公开申请情况申请人情况 四、政府信息公开行政复议、行政诉讼情况行政复议 0 "
        "五、存在的主要问题及改进情况 问题。六、其他需要报告的事项 无。 分享到: 微信 微博",
        tpl::template_2021());
    BOOST_REQUIRE(p.report.sections.size() == 6u);
    Values headings;
    for (const auto& s : p.report.sections) headings.emplace_back(p.at(s.heading));
    BOOST_TEST(headings == (Values{"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                                   "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
                                   "六、其他需要报告的事项"}));
    BOOST_TEST(p.at(p.report.sections[0].body) == "全年收到申请3件。");
    BOOST_TEST(p.at(p.report.sections[5].body) == "无。");
    BOOST_TEST(p.at(p.report.trailer).starts_with("分享到"));
}

BOOST_AUTO_TEST_CASE(the_crawler_header_gives_title_agency_year_and_date) {
    auto text = test::report_text();
    text = "标题: 某某县人民政府2020年政府信息公开工作年度报告\n发布时间: 2021-01-22 09:30\n发布机构: 某某县人民政府办公室\n"
           "原文链接: http://example.gov.cn/xxgk/2021/1.html\n==================== 正文 ====================\n" +
           text.substr(text.find("一、总体情况"));
    const auto c = passes::compile("t.txt", text);
    BOOST_TEST(*c.report.title == "某某县人民政府2020年政府信息公开工作年度报告");
    BOOST_TEST(*c.report.agency == "某某县人民政府");
    BOOST_TEST(*c.report.year == 2020);
    BOOST_TEST(*c.report.published == "2021-01-22");
}

BOOST_AUTO_TEST_CASE(page_numbers_and_markdown_rules_inside_a_table_are_neither_labels_nor_values) {
    const auto p = parse("二、主动公开政府信息情况\n| 项目 | 列1 |\n|---|:---:|\n规章 | 0 | 0 | 0 |\n\n— 4 —\n\n"
                         "  第 5 页 共 9 页\n规范性文件 | 1 | 2 | 3 |\n- 6 -");
    BOOST_TEST(item_texts(p.report.tables.at(0)) ==
               (Values{"项目", "列1", "规章", "0", "0", "0", "规范性文件", "1", "2", "3"}));
}

BOOST_AUTO_TEST_CASE(labels_spaced_out_or_standing_on_end) {
    const auto p = parse("三、收到和处理政府信息公开申请情况\n法 律 服 务 机 构\n三、\n本\n年\n度\n办\n理\n结\n果\n(一)予以公开\n0");
    const auto& items = p.report.tables.at(0).items;
    BOOST_REQUIRE(items.size() == 4u);
    BOOST_TEST((items[0].kind == ast::ItemKind::HeaderLabel));
    BOOST_TEST((items[1].kind == ast::ItemKind::RowLabel));
    BOOST_TEST(items[1].text == "三、\n本\n年\n度\n办\n理\n结\n果");
}

BOOST_AUTO_TEST_CASE(a_long_label_with_one_ocr_slip) {
    const auto* t3 = grammar::lexicon_for(tpl::template_2019()).table_for_section(3);
    const std::string_view slipped = "一、本年新收政府信息公开申清数量";
    const auto m = t3->match(std::string(slipped) + " | 0");
    BOOST_REQUIRE(m.has_value());
    BOOST_TEST((m->kind == ast::ItemKind::RowLabel));
    BOOST_TEST(t3->table().rows[m->index].id == "1");
    BOOST_TEST(m->length == slipped.size());
    // Two slips, a slip that is not a Han character, a slip in a short label: no label.
    BOOST_TEST(!t3->match("一、本年新收政府信息公丌申清数量").has_value());
    BOOST_TEST(!t3->match("3.补正后申请内容仍不明0").has_value());
    BOOST_TEST(!t3->match("2.重复申诸").has_value());
    // The long label read with a slip beats its exact truncated variant.
    const auto whole = t3->match("(二)部分公开(区分处理的,只计这一情形,不计其它情形) 0");
    BOOST_REQUIRE(whole.has_value());
    BOOST_TEST(whole->length == std::string_view("(二)部分公开(区分处理的,只计这一情形,不计其它情形)").size());
}

BOOST_AUTO_TEST_SUITE_END()
