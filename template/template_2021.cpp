// The 2021 form: 国办公开办函〔2021〕30号, 《中华人民共和国政府信息公开工作年度报告格式》, for report
// years 2021 onward. It keeps the sections, table 四 and most of table 三 of the 2019 form
// (forms_shared.cpp); table 二 reports flows and a stock instead of item counts, and table 三's
// （六）其他处理 becomes a group of three leaves (format.md §2.2, §3.3).
#include "forms_shared.hpp"

namespace xxgk::tpl {

namespace {

Table active_disclosure_2021() {
    const Column decisions{"decisions", "本年处理决定数量", ValueKind::Count, {"处理决定数量"}};
    return Table{
        .kind = TableKind::ActiveDisclosure,
        .id = "active_disclosure",
        .title = "主动公开政府信息情况",
        .section = 2,
        .blocks = {
            {"art20_1", "第二十条第（一）项",
             {{"issued", "本年制发件数", ValueKind::Count, {}},
              {"repealed", "本年废止件数", ValueKind::Count, {}},
              {"in_force", "现行有效件数", ValueKind::Count, {}}}},
            {"art20_5", "第二十条第（五）项", {decisions}},
            {"art20_6", "第二十条第（六）项", {decisions}},
            {"art20_8", "第二十条第（八）项",
             {{"fee_amount", "本年收费金额（单位：万元）", ValueKind::Money, {"本年收费金额"}, "万元"}}},
        },
        .rows = {
            {"regulations", "规章", true, 0, {}},
            {"normative_docs", "行政规范性文件", true, 0, {"规范性文件"}},
            {"licensing", "行政许可", true, 1, {}},
            {"penalty", "行政处罚", true, 2, {}},
            {"coercion", "行政强制", true, 2, {}},
            {"fees", "行政事业性收费", true, 3, {}},
        },
        .header_labels = {"信息内容"},
        .values_in_one_run = false,
    };
}

// （六）其他处理 is a group; its second leaf ties in with 《政府信息公开信息处理费管理办法》
// (国办函〔2020〕109号). Reports write ，for 、 inside the leaves; the lexicon folds both alike.
std::vector<Row> other_processing_2021() {
    return {
        {"3.6", "（六）其他处理", false, 0, {}},
        {"3.6.1", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", true, 0, {}},
        {"3.6.2", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", true, 0, {}},
        {"3.6.3", "3.其他", true, 0, {}},
    };
}

}  // namespace

const Template& template_2021() {
    static const Template t = [] {
        Table applications = shared::applications(other_processing_2021());
        std::vector<Identity> identities = shared::identities(applications);
        Template form{
            .version = "2021",
            .source = "国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》",
            .first_year = 2021,
            .sections = shared::sections(),
            .tables = {active_disclosure_2021(), std::move(applications), shared::review_litigation()},
            .identities = std::move(identities),
            .bounds = {},
        };
        form.identity_instances = instantiate_identities(form);
        return form;
    }();
    return t;
}

}  // namespace xxgk::tpl
