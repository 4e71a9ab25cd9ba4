// The 2019 form: 国办公开办函〔2019〕60号, 《中华人民共和国政府信息公开工作年度报告格式（试行）》,
// for report years 2019 and 2020. Labels are official (full-width punctuation); the grammar folds
// them the same way it folds report text.
#include "forms_shared.hpp"

namespace xxgk::tpl {

namespace {

Table active_disclosure_2019() {
    const std::vector<Column> made_published_total = {
        {"new_made", "本年新制作数量", ValueKind::Count, {"本年新"}},
        {"new_published", "本年新公开数量", ValueKind::Count, {"本年新"}},
        {"total_published", "对外公开总数量", ValueKind::Count, {}},
    };
    const std::vector<Column> items_change_decisions = {
        {"prev_items", "上一年项目数量", ValueKind::Count, {}},
        {"change", "本年增/减", ValueKind::SignedCount, {"本年增减"}},
        {"decisions", "处理决定数量", ValueKind::Count, {}},
    };
    return Table{
        .kind = TableKind::ActiveDisclosure,
        .id = "active_disclosure",
        .title = "主动公开政府信息情况",
        .section = 2,
        .blocks = {
            {"art20_1", "第二十条第（一）项", made_published_total},
            {"art20_5", "第二十条第（五）项", items_change_decisions},
            {"art20_6", "第二十条第（六）项", items_change_decisions},
            {"art20_8", "第二十条第（八）项", {items_change_decisions[0], items_change_decisions[1]}},
            {"art20_9", "第二十条第（九）项",
             {{"procurement_count", "采购项目数量", ValueKind::Count, {}},
              {"procurement_amount", "采购总金额", ValueKind::Money, {}}}},
        },
        .rows = {
            {"regulations", "规章", true, 0, {}},
            {"normative_docs", "规范性文件", true, 0, {}},
            {"licensing", "行政许可", true, 1, {}},
            {"other_mgmt_services", "其他对外管理服务事项", true, 1, {}},
            {"penalty", "行政处罚", true, 2, {}},
            {"coercion", "行政强制", true, 2, {}},
            {"fees", "行政事业性收费", true, 3, {}},
            {"central_procurement", "政府集中采购", true, 4, {}},
        },
        .header_labels = {"信息内容"},
        .values_in_one_run = false,
    };
}

// Not printed in the form (format.md §5): the published stock includes this year's publications,
// and a number of items cannot fall below zero. T2-19-MADE (新制作 vs 新公开) is left out on
// purpose: a document made last year may be published this year.
std::vector<Bound> bounds_2019() {
    return {
        {"XG3101", "T2-19-PUB", "本年新公开数量 ≤ 对外公开总数量", TableKind::ActiveDisclosure,
         {"new_published"}, {"total_published"}, {"regulations", "normative_docs"}},
        {"XG3102", "T2-19-ITEMS", "上一年项目数量 + 本年增/减 ≥ 0", TableKind::ActiveDisclosure,
         {}, {"prev_items", "change"}, {"licensing", "other_mgmt_services", "penalty", "coercion", "fees"}},
    };
}

}  // namespace

const Template& template_2019() {
    static const Template t = [] {
        Table applications = shared::applications({{"3.6", "（六）其他处理", true, 0, {}}});
        std::vector<Identity> identities = shared::identities(applications);
        Template form{
            .version = "2019",
            .source = "国办公开办函〔2019〕60号《中华人民共和国政府信息公开工作年度报告格式（试行）》",
            .first_year = 2019,
            .sections = shared::sections(),
            .tables = {active_disclosure_2019(), std::move(applications), shared::review_litigation()},
            .identities = std::move(identities),
            .bounds = bounds_2019(),
        };
        form.identity_instances = instantiate_identities(form);
        return form;
    }();
    return t;
}

}  // namespace xxgk::tpl
