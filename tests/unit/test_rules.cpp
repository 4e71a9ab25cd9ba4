// The rule catalogue beyond the identities: the 2021 form as data, the form against the year
// (XG1109), the plausibility bounds (XG31xx) and the narrative checks (XG4xxx), including prose
// that must not be read as a claim.
#include <boost/test/unit_test.hpp>
#include <set>

#include "fixture.hpp"
#include "narrative.hpp"
#include "passes.hpp"
#include "normalise.hpp"
#include "pipeline.hpp"

using namespace xxgk;
using passes::narrative::Applicants;
using passes::narrative::Claim;
using passes::narrative::Quantity;

namespace {

std::vector<std::string> codes(const ast::Report& r) {
    std::vector<std::string> out;
    for (const auto& d : r.diagnostics) out.emplace_back(diag::info(d.code).name);
    return out;
}

std::size_t numeric_cells(const tpl::Table& t) {
    std::size_t n = 0;
    for (std::size_t r = 0; r < t.rows.size(); ++r)
        if (t.rows[r].numeric) n += t.columns_of(r).size();
    return n;
}

std::string replaced(std::string text, std::string_view what, std::string_view with) {
    const auto at = text.find(what);
    BOOST_REQUIRE_MESSAGE(at != std::string::npos, "fixture text lacks " << what);
    return text.replace(at, what.size(), with);
}

// The fixture report with section 一's prose replaced.
std::string with_overview(std::string_view prose) {
    return replaced(test::report_text(), "2020年,本县共收到申请7件。", prose);
}

// A consistent 2021-form report for 2022 in the |-row layout, built from the template like the
// 2019 fixture: table 三 as the 2019 fixture's, with one application dropped for an unpaid fee
// notice (3.6.2) instead of one partly disclosed.
std::string report_2021(std::string_view other_matters = "本年度未收取信息处理费。") {
    const auto& form = tpl::template_2021();
    std::string s = "某某县人民政府2022年政府信息公开工作年度报告\n一、总体情况\n2022年,本县共收到政府信息公开申请7件。\n";
    s += "二、主动公开政府信息情况\n";
    s += test::table_two(form, "12.5万元");
    s += "三、收到和处理政府信息公开申请情况\n申请人情况 | ||||||\n自然人 | 法人或其他组织 | 总计 |\n"
         "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |\n";
    const test::Rows rows = {
        {"1", {"5", "1", "0", "0", "0", "1", "7"}},   {"3.1", {"3", "1", "0", "0", "0", "0", "4"}},
        {"3.2", {"1", "0", "0", "0", "0", "0", "1"}}, {"3.6.2", {"0", "0", "0", "0", "0", "1", "1"}},
        {"3.7", {"4", "1", "0", "0", "0", "1", "6"}}, {"4", {"1", "0", "0", "0", "0", "0", "1"}},
    };
    for (const auto& r : form.table(tpl::TableKind::Applications)->rows) {
        s += std::string(r.label);
        if (r.numeric) {
            const auto it = rows.find(std::string(r.id));
            for (int c = 0; c < 7; ++c) s += " | " + (it == rows.end() ? std::string("0") : it->second[static_cast<std::size_t>(c)]);
        }
        s += " |\n";
    }
    s += "四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 行政诉讼 |\n结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |\n"
         "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n"
         "2 | 1 | 0 | 0 | 3 | 1 | 0 | 0 | 1 | 2 | 0 | 0 | 0 | 0 | 0 |\n";
    s += "五、存在的主要问题及改进情况\n培训不足。下一步加强培训。\n六、其他需要报告的事项\n" + std::string(other_matters) + "\n";
    return s;
}

std::vector<Claim> claims(std::string_view prose, std::optional<int> year = 2020, bool section_four = false) {
    return passes::narrative::read_claims(prose, {year, section_four});
}

// "Received 154" …: what a claim says, with the text it was read from.
std::string describe(std::string_view prose, const Claim& c) {
    static const char* const quantities[] = {"received", "carried_over", "handled", "carried_forward", "review", "litigation"};
    static const char* const applicants[] = {"natural", "legal_persons", "commercial", "research", "public_welfare", "legal_service"};
    std::string s = quantities[static_cast<int>(c.quantity)];
    if (c.applicants) s += std::string(".") + applicants[static_cast<int>(*c.applicants)];
    s += c.none ? " none" : " " + std::to_string(c.value);
    s += " @" + std::string(prose.substr(c.begin, c.end - c.begin));
    return s;
}

std::vector<std::string> described(std::string_view prose, std::optional<int> year = 2020, bool section_four = false) {
    std::vector<std::string> out;
    for (const auto& c : claims(prose, year, section_four)) out.push_back(describe(prose, c));
    return out;
}

using Strings = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(template_2021)

BOOST_AUTO_TEST_CASE(the_2021_form_has_the_official_shape) {
    const tpl::Template& t = tpl::template_2021();
    BOOST_TEST(t.version == "2021");
    BOOST_TEST(t.sections.size() == 6u);
    BOOST_TEST(numeric_cells(*t.table(tpl::TableKind::ActiveDisclosure)) == 10u);
    BOOST_TEST(numeric_cells(*t.table(tpl::TableKind::Applications)) == 175u);  // 25 rows × 7
    BOOST_TEST(numeric_cells(*t.table(tpl::TableKind::ReviewLitigation)) == 15u);
    const auto& apps = *t.table(tpl::TableKind::Applications);
    BOOST_TEST(!apps.rows[*apps.row_index("3.6")].numeric);  // a group in 2021, a leaf in 2019
    BOOST_TEST(tpl::template_2019().table(tpl::TableKind::Applications)->rows[*apps.row_index("3.6")].numeric);
}

BOOST_AUTO_TEST_CASE(its_outcome_identity_sums_the_21_leaves) {
    const tpl::Template& t = tpl::template_2021();
    const auto& out = t.identities[1];
    BOOST_TEST(out.name == "T3-OUT");
    BOOST_TEST(out.rhs.size() == 21u);
    BOOST_TEST((std::find(out.rhs.begin(), out.rhs.end(), "3.6.2") != out.rhs.end()));
    BOOST_TEST((std::find(out.rhs.begin(), out.rhs.end(), "3.6") == out.rhs.end()));
    for (const auto id : out.rhs) {
        const auto row = t.table(tpl::TableKind::Applications)->row_index(id);
        BOOST_REQUIRE(row.has_value());
        BOOST_TEST(t.table(tpl::TableKind::Applications)->rows[*row].numeric, id);
    }
}

BOOST_AUTO_TEST_CASE(the_2021_ids_are_the_contracts) {
    const auto& t2 = *tpl::template_2021().table(tpl::TableKind::ActiveDisclosure);
    std::vector<std::string_view> rows;
    for (const auto& r : t2.rows) rows.push_back(r.id);
    BOOST_TEST(rows == (std::vector<std::string_view>{"regulations", "normative_docs", "licensing", "penalty", "coercion", "fees"}));
    BOOST_TEST(t2.column_index(*t2.row_index("normative_docs"), "in_force").has_value());
    BOOST_TEST(t2.column_index(*t2.row_index("penalty"), "decisions").has_value());
    const auto fees = *t2.row_index("fees");
    BOOST_TEST((t2.columns_of(fees)[*t2.column_index(fees, "fee_amount")].kind == tpl::ValueKind::Money));
}

BOOST_AUTO_TEST_CASE(bounds_name_rows_and_columns_that_exist) {
    for (const tpl::Template* form : tpl::all_templates()) {
        for (const auto& bound : form->bounds) {
            BOOST_TEST(diag::find_code(bound.code) != nullptr, bound.code);
            const tpl::Table* table = form->table(bound.table);
            BOOST_REQUIRE(table != nullptr);
            for (const auto row_id : bound.rows) {
                const auto row = table->row_index(row_id);
                BOOST_REQUIRE_MESSAGE(row.has_value(), bound.name << ": " << row_id);
                for (const auto* side : {&bound.lhs, &bound.rhs})
                    for (const auto column : *side)
                        BOOST_TEST(table->column_index(*row, column).has_value(), bound.name << ": " << row_id << "." << column);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(the_form_of_a_year) {
    BOOST_TEST(tpl::template_for_year(2018) == nullptr);
    BOOST_TEST(tpl::template_for_year(2019) == &tpl::template_2019());
    BOOST_TEST(tpl::template_for_year(2020) == &tpl::template_2019());
    BOOST_TEST(tpl::template_for_year(2021) == &tpl::template_2021());
    BOOST_TEST(tpl::template_for_year(2025) == &tpl::template_2021());
    BOOST_TEST(tpl::find_template("2021") == &tpl::template_2021());
    BOOST_TEST(tpl::find_template("auto") == nullptr);
}

BOOST_AUTO_TEST_CASE(a_2021_report_gives_every_cell) {
    const auto c = passes::compile("t.txt", report_2021(), &tpl::template_2021());
    BOOST_TEST(codes(c.report).empty(), "diagnostics: " << codes(c.report).size());
    std::map<tpl::TableKind, std::size_t> cells;
    for (const auto& t : c.report.tables) cells[t.kind] = t.cells.size();
    BOOST_TEST(cells[tpl::TableKind::ActiveDisclosure] == 10u);
    BOOST_TEST(cells[tpl::TableKind::Applications] == 175u);
    BOOST_TEST(cells[tpl::TableKind::ReviewLitigation] == 15u);
    BOOST_TEST(*c.report.year == 2022);
}

BOOST_AUTO_TEST_CASE(a_bare_fee_amount_is_in_the_headers_unit) {
    // 本年收费金额（单位：万元）: the form prints the unit, so "12.5" is 12.5 万元, not an amount
    // without a unit (XG3001) as it would be under the 2019 form's 采购总金额.
    const auto c = passes::compile("t.txt", replaced(report_2021(), "12.5万元", "12.5"), &tpl::template_2021());
    BOOST_TEST(codes(c.report).empty());
    for (const auto& t : c.report.tables) {
        if (t.kind != tpl::TableKind::ActiveDisclosure) continue;
        const auto& spec = *c.report.form->table(t.kind);
        for (const auto& cell : t.cells) {
            if (spec.columns_of(cell.row)[cell.column].kind != tpl::ValueKind::Money) continue;
            BOOST_TEST(cell.value->to_string() == "12.5");
            BOOST_TEST(cell.unit == "万元");
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(form_version)

BOOST_AUTO_TEST_CASE(a_named_form_that_does_not_fit_the_year_is_a_warning) {
    const auto c = passes::compile("t.txt", test::report_text(), &tpl::template_2021());
    const auto& ds = c.report.diagnostics;
    const auto it = std::find_if(ds.begin(), ds.end(), [](const auto& d) { return d.code == diag::Code::XG1109; });
    BOOST_REQUIRE((it != ds.end()));
    BOOST_TEST((it->severity == diag::Severity::Warning));
    BOOST_TEST(diag::message(*it, diag::Lang::En) == "the tables are compiled against the 2021 form, but a report for 2020 should use the 2019 form");
    BOOST_REQUIRE(it->related.size() == 1u);
    BOOST_TEST(c.file->bytes().substr(it->related[0].span->begin, it->related[0].span->end - it->related[0].span->begin) == "2020年");
}

BOOST_AUTO_TEST_CASE(the_fitting_form_is_quiet) {
    BOOST_TEST(codes(passes::compile("t.txt", test::report_text(), &tpl::template_2019()).report).empty());
    BOOST_TEST(codes(passes::compile("t.txt", report_2021(), &tpl::template_2021()).report).empty());
}

BOOST_AUTO_TEST_CASE(auto_detects_the_form_from_the_tables) {
    const auto form_of = [](const std::string& text) { return passes::detect_form(source::normalise(text, 0).text); };
    BOOST_TEST(form_of(test::report_text()).form == &tpl::template_2019());
    BOOST_TEST(form_of(test::report_text()).evidence > 0u);
    BOOST_TEST(form_of(report_2021()).form == &tpl::template_2021());
    BOOST_TEST(form_of(report_2021()).evidence > 0u);
    // Prose without tables shows no form: 2019 is then a default with no evidence.
    BOOST_TEST(form_of("一、总体情况\n本机关全年公开信息100条。\n").evidence == 0u);
    // With auto, a 2021 report compiles as such: every cell, nothing to say.
    const auto c = passes::compile("t.txt", report_2021());
    BOOST_TEST(c.report.form == &tpl::template_2021());
    BOOST_TEST(codes(c.report).empty());
}

BOOST_AUTO_TEST_CASE(a_detected_form_that_does_not_fit_the_year_is_a_warning) {
    // The 2019 tables in a report for 2022: the detected form is evidence enough.
    const auto c = passes::compile("t.txt", replaced(test::report_text(), "2020年", "2022年"));
    BOOST_TEST(c.report.form == &tpl::template_2019());
    const auto found = codes(c.report);
    BOOST_TEST(std::count(found.begin(), found.end(), "XG1109") == 1);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(plausibility)

BOOST_AUTO_TEST_CASE(more_newly_published_than_published_in_all) {
    const auto c = passes::compile("t.txt", replaced(test::report_text(), "规范性文件 | 3 | 3 | 3 |", "规范性文件 | 3 | 5 | 4 |"));
    BOOST_TEST(codes(c.report) == Strings{"XG3101"});
    const auto& d = c.report.diagnostics.front();
    BOOST_TEST((d.severity == diag::Severity::Warning));
    BOOST_TEST(c.file->bytes().substr(d.span.begin, 1) == "5");
    BOOST_TEST(d.related.size() == 2u);
    BOOST_TEST(diag::message(d, diag::Lang::Zh) == "「规范性文件」：本年新公开数量5大于对外公开总数量4");
}

BOOST_AUTO_TEST_CASE(equal_is_plausible_and_new_made_is_not_enforced) {
    // T2-19-MADE is information only: 5 made, 1 published is no finding.
    const auto c = passes::compile("t.txt", replaced(test::report_text(), "规范性文件 | 3 | 3 | 3 |", "规范性文件 | 5 | 1 | 1 |"));
    BOOST_TEST(codes(c.report).empty());
}

BOOST_AUTO_TEST_CASE(a_negative_number_of_items) {
    const auto c = passes::compile("t.txt", replaced(test::report_text(), "行政处罚 | 3 | 3 | 3 |", "行政处罚 | 3 | -5 | 3 |"));
    BOOST_TEST(codes(c.report) == Strings{"XG3102"});
    const auto& d = c.report.diagnostics.front();
    BOOST_TEST(c.file->bytes().substr(d.span.begin, d.span.end - d.span.begin) == "-5");
    BOOST_TEST(diag::message(d, diag::Lang::En) == "\"行政处罚\": 上一年项目数量 3 plus 本年增/减 -5 is -2; a number of items cannot be negative");
    // Down to exactly zero is possible: every item abolished.
    BOOST_TEST(codes(passes::compile("t.txt", replaced(test::report_text(), "行政处罚 | 3 | 3 | 3 |", "行政处罚 | 3 | -3 | 3 |")).report).empty());
}

BOOST_AUTO_TEST_CASE(an_unfilled_cell_is_not_judged) {
    const auto c = passes::compile("t.txt", replaced(test::report_text(), "规范性文件 | 3 | 3 | 3 |", "规范性文件 | 3 | 5 | / |"));
    BOOST_TEST(codes(c.report) == Strings{"XG3003"});
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(narrative_reading)

BOOST_AUTO_TEST_CASE(the_figures_of_a_real_2025_overview) {
    const std::string_view prose =
        "2025年,全区共收到政府信息公开申请154件,共办结148件,结转至2026年6件。全年办理因政府信息公开申请引发的行政复议36起,行政诉讼9起。";
    BOOST_TEST(described(prose, 2025) == (Strings{"received 154 @154", "handled 148 @148", "carried_forward 6 @6",
                                                   "review 36 @36", "litigation 9 @9"}));
}

BOOST_AUTO_TEST_CASE(breakdowns_belong_to_the_total_before_them) {
    const std::string_view prose = "2022年,全区收到政府信息公开申请75件,涉及自然人72件、商业企业3件,均在法定期限内予以答复,办结率100%。";
    BOOST_TEST(described(prose, 2022) == (Strings{"received 75 @75", "received.natural 72 @72", "received.commercial 3 @3"}));
    BOOST_TEST(described("本年共办结政府信息公开申请10件,其中法人或其他组织4件。") ==
               (Strings{"handled 10 @10", "handled.legal_persons 4 @4"}));
    // No total before it: a breakdown of nothing in particular.
    BOOST_TEST(described("自然人提出的申请有5件。").empty());
}

BOOST_AUTO_TEST_CASE(the_seeds_wording) {
    BOOST_TEST(described("今年以来,我区共受理依申请公开6件,均依法、及时、准确答复,最大满足了群众、法人对政府信息的需求。") ==
               Strings{"received 6 @6"});
    BOOST_TEST(described("四是政府信息依申请公开办理情况。2020年,未收到公开政府信息的申请。") == Strings{"received none @未收到"});
    BOOST_TEST(described("政府信息公开是一项政治性很强的工作,还尚未出现举报、投诉情况,也未出现行政复议及行政诉讼情况。") ==
               (Strings{"review none @未出现", "litigation none @未出现"}));
    // Too vague to hold against the table: nobody asked, or nothing was published on request?
    BOOST_TEST(described("本年度未接到单位或个人提出申请需要公开的事项。截至2020年12月底,网站主动公开信息2条,无依申请公开的信息。").empty());
    BOOST_TEST(described("全年主动公开政府信息15654条、办结留言328件,公开答复101条,收到意见81件。").empty());
}

BOOST_AUTO_TEST_CASE(the_other_carried_figures) {
    BOOST_TEST(described("上年结转政府信息公开申请2件,结转下年度继续办理1件。") ==
               (Strings{"carried_over 2 @2", "carried_forward 1 @1"}));
    BOOST_TEST(described("共收到政府信息公开申请75件(含上年结转1件)。") == Strings{"carried_over 1 @1"});
    BOOST_TEST(described("从2019年结转的申请3件已全部办结。") == Strings{"carried_over 3 @3"});
}

BOOST_AUTO_TEST_CASE(changes_comparisons_and_approximations_are_not_totals) {
    BOOST_TEST(described("收到政府信息公开申请75件,同比增长12件。") == Strings{"received 75 @75"});
    BOOST_TEST(described("与上年相比,收到政府信息公开申请增加5件。").empty());
    BOOST_TEST(described("较上年减少政府信息公开申请3件。").empty());
    BOOST_TEST(described("近三年共收到政府信息公开申请100件。").empty());
    BOOST_TEST(described("收到政府信息公开申请约100件。").empty());
    BOOST_TEST(described("收到政府信息公开申请100余件。").empty());
    BOOST_TEST(described("收到政府信息公开申请100件左右。").empty());
    BOOST_TEST(described("累计收到政府信息公开申请300件。").empty());
    BOOST_TEST(described("按时答复率100%,群众满意度98.5%。").empty());
    BOOST_TEST(described("共收到政府信息公开申请1,234件。") == Strings{"received 1234 @1,234"});
}

BOOST_AUTO_TEST_CASE(other_years_are_not_this_years_figures) {
    BOOST_TEST(described("2019年至2020年共收到政府信息公开申请30件。").empty());
    BOOST_TEST(described("2019年,共收到政府信息公开申请20件。").empty());
    BOOST_TEST(described("2020年共答复2019年度提出的申请5件。").empty());
    BOOST_TEST(described("去年收到政府信息公开申请60件。").empty());
    BOOST_TEST(described("2019年未收到政府信息公开申请。").empty());
    // Without the report year a year in the sentence cannot be judged.
    BOOST_TEST(described("2020年收到政府信息公开申请7件。", std::nullopt).empty());
    BOOST_TEST(described("收到政府信息公开申请7件。", std::nullopt) == Strings{"received 7 @7"});
}

BOOST_AUTO_TEST_CASE(parts_and_other_business_are_not_totals) {
    BOOST_TEST(described("收到政府信息公开申请75件,其中予以公开21件、不予公开3件。") == Strings{"received 75 @75"});
    BOOST_TEST(described("作出不予公开答复3件。").empty());
    BOOST_TEST(described("共受理各类申请100件,其中政府信息公开申请12件。").empty());
    BOOST_TEST(described("收到申请7件。").empty());  // which applications?
    BOOST_TEST(described("办结人大代表建议12件、政协提案8件。").empty());
    BOOST_TEST(described("受理政府信息公开申请,不予受理3件。").empty());
}

BOOST_AUTO_TEST_CASE(reviews_and_lawsuits) {
    BOOST_TEST(described("2022年,全区政府信息公开工作方面共有行政诉讼案件1件、行政复议案件2件,均已结案。", 2022) ==
               (Strings{"litigation 1 @1", "review 2 @2"}));
    // Together, or by outcome: not a total of table 四.
    BOOST_TEST(described("因政府信息公开引起的行政复议和行政诉讼共3件。").empty());
    BOOST_TEST(described("政府信息公开行政复议被纠错1件,行政诉讼败诉1件。").empty());
    BOOST_TEST(described("因政府信息公开提起的复议后起诉1件。").empty());
    // An agency's reviews in general: only counted in section 四 or when the sentence says 信息公开.
    BOOST_TEST(described("全年共办理行政复议案件120件。").empty());
    BOOST_TEST(described("全年共办理行政复议案件120件。", 2020, true) == Strings{"review 120 @120"});
    BOOST_TEST(described("全年共办理政府信息公开相关的行政复议案件120件,其中涉及政府信息公开5件。").empty());
    BOOST_TEST(described("本机关未被申请政府信息公开行政复议,也未被提起行政诉讼。", 2020, true) ==
               (Strings{"review none @未被", "litigation none @未被"}));
    BOOST_TEST(described("未出现因政府信息公开被行政复议纠错或行政诉讼败诉的情况。").empty());
    BOOST_TEST(described("无正当理由大量反复申请的,不予处理。").empty());
}

BOOST_AUTO_TEST_CASE(fees_are_mentioned_or_not) {
    BOOST_TEST(passes::narrative::mentions_fees("2025年,无收取信息处理费情况。"));
    BOOST_TEST(passes::narrative::mentions_fees("本年度共收取信息处理费200元。"));
    BOOST_TEST(!passes::narrative::mentions_fees("无"));
    BOOST_TEST(!passes::narrative::mentions_fees("本机关落实政务公开工作要点情况良好。"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(narrative_against_tables)

BOOST_AUTO_TEST_CASE(agreeing_prose_is_quiet) {
    const auto c = passes::compile("t.txt", with_overview(
        "2020年,本县共收到政府信息公开申请7件,其中自然人5件、法人或其他组织2件;全年办结6件,结转下年度继续办理1件。"
        "因政府信息公开被申请行政复议3件,被提起行政诉讼2件。"));
    BOOST_TEST(codes(c.report).empty());
}

BOOST_AUTO_TEST_CASE(each_disagreeing_figure_is_a_warning_at_the_number) {
    const auto c = passes::compile("t.txt", with_overview(
        "2020年,本县共收到政府信息公开申请8件,其中自然人6件、法人或其他组织3件;全年办结5件,结转下年度继续办理2件。"
        "因政府信息公开被申请行政复议4件,被提起行政诉讼1件。"));
    BOOST_TEST(codes(c.report) == (Strings{"XG4001", "XG4005", "XG4005", "XG4003", "XG4004", "XG4006", "XG4007"}));
    for (const auto& d : c.report.diagnostics) BOOST_TEST((d.severity == diag::Severity::Warning));
    const auto& received = c.report.diagnostics[0];
    BOOST_TEST(c.file->bytes().substr(received.span.begin, received.span.end - received.span.begin) == "8");
    BOOST_TEST(diag::message(received, diag::Lang::Zh) == "正文称收到政府信息公开申请8件，但表三「一、本年新收政府信息公开申请数量」总计为7");
    BOOST_REQUIRE(received.related.size() == 1u);
    BOOST_TEST(diag::message(received.related[0], diag::Lang::Zh) == "一、本年新收政府信息公开申请数量 · 总计 = 7");
    BOOST_TEST(c.report.diagnostics[2].related.size() == 5u);  // 法人或其他组织: five columns
    BOOST_TEST(diag::message(c.report.diagnostics[1], diag::Lang::En) ==
               "the text says 6 for 自然人, but table 三 row \"一、本年新收政府信息公开申请数量\" has 5 for 自然人");
    BOOST_TEST(c.report.diagnostics.back().related.size() == 2u);  // 直接起诉 and 复议后起诉
}

BOOST_AUTO_TEST_CASE(a_claim_of_none_against_a_table_with_some) {
    const auto c = passes::compile("t.txt", with_overview("2020年,未收到政府信息公开申请。"));
    BOOST_TEST(codes(c.report) == Strings{"XG4001"});
    const auto& d = c.report.diagnostics.front();
    BOOST_TEST(c.file->bytes().substr(d.span.begin, d.span.end - d.span.begin) == "未收到");
    BOOST_TEST(diag::message(d, diag::Lang::En) ==
               "the text says no applications were received, but table 三 row 一 (本年新收政府信息公开申请数量) totals 7");
}

BOOST_AUTO_TEST_CASE(an_unfilled_cell_cannot_contradict) {
    auto rows = test::consistent_applications();
    rows["1"][6] = "/";
    const auto found = codes(passes::compile("t.txt", replaced(test::report_text(rows), "2020年,本县共收到申请7件。",
                                                                 "2020年,本县共收到政府信息公开申请8件。")).report);
    BOOST_TEST(std::count(found.begin(), found.end(), "XG4001") == 0);
}

BOOST_AUTO_TEST_CASE(the_table_is_not_prose) {
    // Row 一 laid out with spaces and a unit on its first cell reads like "…申请数量 5件": it is
    // the table's cell 自然人, not a claim about the row's 总计.
    const auto text = replaced(test::report_text(), "一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 1 | 7 |",
                               "一、本年新收政府信息公开申请数量 5件 1 0 0 0 1 7");
    BOOST_TEST(codes(passes::compile("t.txt", text).report).empty());
}

BOOST_AUTO_TEST_CASE(unpaid_fee_notices_need_a_word_on_fees_in_section_six) {
    BOOST_TEST(codes(passes::compile("t.txt", report_2021(), &tpl::template_2021()).report).empty());
    const auto c = passes::compile("t.txt", report_2021("无"), &tpl::template_2021());
    BOOST_TEST(codes(c.report) == Strings{"XG4008"});
    const auto& d = c.report.diagnostics.front();
    BOOST_REQUIRE(d.related.size() == 1u);
    BOOST_TEST(c.file->bytes().substr(d.related[0].span->begin, 6) == "六、");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(not_a_report_of_these_forms)

BOOST_AUTO_TEST_CASE(an_earlier_form_without_a_year_is_known_by_its_fees_part) {
    const std::string text =
        "政府信息公开工作年度报告\n一、概述\n本机关认真落实条例。\n二、主动公开政府信息的情况\n主动公开信息300条。\n"
        "三、依申请公开政府信息和不予公开政府信息的情况\n受理申请2件。\n四、政府信息公开的收费及减免情况\n未收费。\n"
        "五、因政府信息公开申请行政复议、提起行政诉讼的情况\n无。\n六、政府信息公开工作存在的主要问题及改进情况\n有待加强。\n"
        "七、其他需要报告的事项\n无。\n";
    const auto c = passes::compile("old.txt", text);
    BOOST_TEST(codes(c.report) == Strings{"XG0010"});
    BOOST_TEST(c.file->line_col(c.report.diagnostics.front().span.begin).line == 8u);
}

BOOST_AUTO_TEST_CASE(an_unrelated_page_is_one_error) {
    // A news page from the same site, crawler header and all, that mentions 政府信息公开.
    const std::string text =
        "标题: 我县召开政务公开工作推进会\n发布时间: 2023-05-12 10:00\n原文链接: https://www.example.gov.cn/xw/1.htm\n"
        "==================== 正文 ====================\n5月11日，我县召开政务公开工作推进会，传达学习上级关于政府信息公开工作的部署要求。"
        "会议指出，要持续做好主动公开，规范依申请公开办理。\n分享到：微信 微博\n";
    const auto c = passes::compile("news.txt", text);
    BOOST_TEST(codes(c.report) == Strings{"XG0006"});
}

BOOST_AUTO_TEST_CASE(a_report_that_mentions_the_fees_part_in_passing_is_not_an_earlier_one) {
    // Seed 004's kind of preamble: the seven parts named in prose, the 2019 body after it.
    const auto text = replaced(test::report_text(), "一、总体情况\n",
                               "本报告包括政府信息公开的收费及减免情况等七个部分。\n一、总体情况\n");
    BOOST_TEST(codes(passes::compile("t.txt", text).report).empty());
}

BOOST_AUTO_TEST_SUITE_END()
