#include <boost/test/unit_test.hpp>

#include "fixture.hpp"
#include "lexicon.hpp"
#include "parser.hpp"

using namespace xxgk;

namespace {

const grammar::Lexicon& lexicon() { return grammar::lexicon_for(tpl::template_2019()); }

std::vector<ast::TableItem> items_of(const std::string& body, tpl::TableKind kind, std::string heading) {
    static std::vector<std::unique_ptr<source::SourceFile>> keep;
    static std::vector<std::unique_ptr<source::NormalisedText>> keep_text;
    keep.push_back(std::make_unique<source::SourceFile>("t.txt", heading + "\n" + body));
    keep_text.push_back(std::make_unique<source::NormalisedText>(source::normalise(keep.back()->bytes(), 0)));
    const auto report = grammar::parse(*keep.back(), *keep_text.back(), tpl::template_2019());
    const auto* table = report.table(kind);
    BOOST_REQUIRE(table != nullptr);
    return table->items;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(grammar_rules)

BOOST_AUTO_TEST_CASE(section_headings_and_their_variants) {
    BOOST_TEST(lexicon().heading("一、总体情况").value_or(0) == 1);
    BOOST_TEST(lexicon().heading("  二、主动公开政府信息情况").value_or(0) == 2);
    BOOST_TEST(lexicon().heading("## 三、收到和处理政府信息公开申请情况").value_or(0) == 3);
    BOOST_TEST(lexicon().heading("四、政府信息公开被申请行政复议、行政诉讼情况").value_or(0) == 4);
    BOOST_TEST(lexicon().heading("五、存在的主要问题和改进情况").value_or(0) == 5);
    BOOST_TEST(lexicon().heading("五.存在问题及改进情况").value_or(0) == 5);
    BOOST_TEST(lexicon().heading("六、其他需要报告的事项").value_or(0) == 6);
}

BOOST_AUTO_TEST_CASE(table_rows_that_reuse_section_numerals_are_not_headings) {
    BOOST_TEST(!lexicon().heading("四、结转下年度继续办理").has_value());
    BOOST_TEST(!lexicon().heading("三、本年度办理结果").has_value());
    BOOST_TEST(!lexicon().heading("一、本年新收政府信息公开申请数量").has_value());
    BOOST_TEST(!lexicon().heading("(一)坚持主动公开常态化").has_value());
    BOOST_TEST(!lexicon().heading("二、主动公开方面，本年度我县坚持以公开为常态、不公开为例外，持续推进决策、执行、管理、服务、结果公开，取得了明显成效").has_value());
}

BOOST_AUTO_TEST_CASE(page_chrome) {
    BOOST_TEST(grammar::Lexicon::is_page_chrome("分享到:"));
    BOOST_TEST(grammar::Lexicon::is_page_chrome("        相关附件"));
    BOOST_TEST(!grammar::Lexicon::is_page_chrome("无"));
}

BOOST_AUTO_TEST_CASE(labels_split_across_cells_are_one_anchor) {
    const auto* t3 = lexicon().table_for_section(3);
    const auto m = t3->match("(三)不予\n\n公开\n\n1.属于国家秘密");
    BOOST_REQUIRE(m.has_value());
    BOOST_TEST((m->kind == ast::ItemKind::RowLabel));
    BOOST_TEST(t3->table().rows[m->index].id == "3.3");
    BOOST_TEST(std::string_view("(三)不予\n\n公开").size() == m->length);
}

BOOST_AUTO_TEST_CASE(the_longest_label_wins_over_a_truncated_variant) {
    const auto* t2 = lexicon().table_for_section(2);
    BOOST_TEST(t2->match("本年新 制作数量 |")->length == std::string_view("本年新 制作数量").size());
    BOOST_TEST(t2->match("本年新 |")->length == std::string_view("本年新").size());
}

BOOST_AUTO_TEST_CASE(row_number_punctuation_varies) {
    const auto* t3 = lexicon().table_for_section(3);
    BOOST_TEST(t3->match("1、属于国家秘密").has_value());
    BOOST_TEST(t3->match("3.危及\"三安全一稳定\"").has_value());
}

BOOST_AUTO_TEST_CASE(values_between_labels_in_every_layout) {
    // One cell per line, |-rows, and |-terminated cells give the same item sequence.
    const std::vector<std::string> layouts = {
        "规章\n\n0\n\n7\n\n+44\n\n规范性文件\n\n66976万元\n",
        "规章 | 0 | 7 | +44 | |\n规范性文件 | 66976万元 | ||\n",
        "规章 |\n0 |\n7 |\n+44 |\n|||\n规范性文件 |\n66976万元 |\n",
    };
    for (const auto& body : layouts) {
        const auto items = items_of(body, tpl::TableKind::ActiveDisclosure, "二、主动公开政府信息情况");
        std::vector<std::string> texts;
        for (const auto& i : items) texts.emplace_back(i.text);
        const std::vector<std::string> want = {"规章", "0", "7", "+44", "规范性文件", "66976万元"};
        BOOST_TEST(texts == want, body);
        BOOST_TEST((items[0].kind == ast::ItemKind::RowLabel));
        BOOST_TEST((items[1].kind == ast::ItemKind::Value));
    }
}

BOOST_AUTO_TEST_CASE(prose_in_a_table_section_is_text) {
    const auto items = items_of("本年度未收到申请。\n规章 | 0 |", tpl::TableKind::ActiveDisclosure, "二、主动公开政府信息情况");
    BOOST_TEST((items.front().kind == ast::ItemKind::Text));
    BOOST_TEST(items.front().text == "本年度未收到申请。");
}

BOOST_AUTO_TEST_CASE(the_whole_report_and_its_trailer) {
    const source::SourceFile file("t.txt", test::report_text() + "友情链接 | 亚洲精品\n");
    const auto text = source::normalise(file.bytes(), 0);
    const auto report = grammar::parse(file, text, tpl::template_2019());
    BOOST_TEST(report.sections.size() == 6u);
    BOOST_TEST(report.tables.size() == 3u);
    const auto trailer = file.bytes().substr(report.trailer.begin, report.trailer.end - report.trailer.begin);
    BOOST_TEST(trailer.starts_with("分享到"));
    const auto* six = report.section(6);
    BOOST_TEST(file.bytes().substr(six->body.begin, six->body.end - six->body.begin) == "无");
}

BOOST_AUTO_TEST_SUITE_END()
