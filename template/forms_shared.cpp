// The parts the 2019 and 2021 forms share. Labels are official (full-width punctuation); the
// grammar folds them the same way it folds report text.
#include "forms_shared.hpp"

namespace xxgk::tpl::shared {

std::vector<Section> sections() {
    return {
        {1, "一", "总体情况", {{"总体情况"}, {"总体", "概述"}}, {}, false},
        {2, "二", "主动公开政府信息情况", {{"主动公开"}}, {}, false},
        {3, "三", "收到和处理政府信息公开申请情况", {{"收到", "申请"}, {"依申请"}}, {}, false},
        {4, "四", "政府信息公开行政复议、行政诉讼情况", {{"复议", "诉讼"}},
         {"四、政府信息公开被申请行政复议、行政诉讼情况", "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况"}, false},
        {5, "五", "存在的主要问题及改进情况", {{"问题", "改进"}},
         {"五、存在的主要问题和改进情况", "五、政府信息公开工作存在的主要问题及改进情况", "五、存在问题及改进情况"}, false},
        {6, "六", "其他需要报告的事项", {{"其他", "事项"}}, {}, true},
    };
}

namespace {

std::vector<Column> applicant_columns() {
    return {
        {"natural", "自然人", ValueKind::Count, {}},
        {"commercial", "商业企业", ValueKind::Count, {}},
        {"research", "科研机构", ValueKind::Count, {}},
        {"public_welfare", "社会公益组织", ValueKind::Count, {}},
        {"legal_service", "法律服务机构", ValueKind::Count, {}},
        {"other_org", "其他", ValueKind::Count, {}},
        {"total", "总计", ValueKind::Count, {}},
    };
}

// T3-OUT's terms: every numeric row under 三、本年度办理结果 except its total.
std::vector<std::string_view> outcome_leaves(const Table& applications) {
    std::vector<std::string_view> leaves;
    for (const auto& row : applications.rows)
        if (row.numeric && row.id.starts_with("3.") && row.id != "3.7") leaves.push_back(row.id);
    return leaves;
}

}  // namespace

Table applications(std::vector<Row> other_processing) {
    std::vector<Row> rows = {
        {"1", "一、本年新收政府信息公开申请数量", true, 0, {}},
        {"2", "二、上年结转政府信息公开申请数量", true, 0, {}},
        {"3", "三、本年度办理结果", false, 0, {}},
        {"3.1", "（一）予以公开", true, 0, {}},
        {"3.2", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", true, 0, {"（二）部分公开"}},
        {"3.3", "（三）不予公开", false, 0, {}},
        {"3.3.1", "1.属于国家秘密", true, 0, {}},
        {"3.3.2", "2.其他法律行政法规禁止公开", true, 0, {}},
        {"3.3.3", "3.危及“三安全一稳定”", true, 0, {"3.危及\"三安全一稳定\""}},
        {"3.3.4", "4.保护第三方合法权益", true, 0, {}},
        {"3.3.5", "5.属于三类内部事务信息", true, 0, {}},
        {"3.3.6", "6.属于四类过程性信息", true, 0, {}},
        {"3.3.7", "7.属于行政执法案卷", true, 0, {}},
        {"3.3.8", "8.属于行政查询事项", true, 0, {}},
        {"3.4", "（四）无法提供", false, 0, {}},
        {"3.4.1", "1.本机关不掌握相关政府信息", true, 0, {}},
        {"3.4.2", "2.没有现成信息需要另行制作", true, 0, {"2.没有现成信息需另行制作"}},
        {"3.4.3", "3.补正后申请内容仍不明确", true, 0, {}},
        {"3.5", "（五）不予处理", false, 0, {}},
        {"3.5.1", "1.信访举报投诉类申请", true, 0, {}},
        {"3.5.2", "2.重复申请", true, 0, {}},
        {"3.5.3", "3.要求提供公开出版物", true, 0, {}},
        {"3.5.4", "4.无正当理由大量反复申请", true, 0, {}},
        {"3.5.5", "5.要求行政机关确认或重新出具已获取信息", true, 0, {}},
    };
    for (auto& row : other_processing) rows.push_back(std::move(row));
    rows.push_back({"3.7", "（七）总计", true, 0, {}});
    rows.push_back({"4", "四、结转下年度继续办理", true, 0, {}});
    return Table{
        .kind = TableKind::Applications,
        .id = "applications",
        .title = "收到和处理政府信息公开申请情况",
        .section = 3,
        .blocks = {{"applications", "", applicant_columns()}},
        .rows = std::move(rows),
        .header_labels = {"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况",
                          "法人或其他组织"},
        .values_in_one_run = false,
    };
}

Table review_litigation() {
    const std::vector<Column> outcomes = {
        {"maintain", "结果维持", ValueKind::Count, {}},
        {"correct", "结果纠正", ValueKind::Count, {}},
        {"other", "其他结果", ValueKind::Count, {}},
        {"pending", "尚未审结", ValueKind::Count, {}},
        {"total", "总计", ValueKind::Count, {}},
    };
    return Table{
        .kind = TableKind::ReviewLitigation,
        .id = "review_litigation",
        .title = "政府信息公开行政复议、行政诉讼情况",
        .section = 4,
        .blocks = {{"review_litigation", "", outcomes}},
        .rows = {
            {"review", "行政复议", true, 0, {}},
            {"lit_direct", "未经复议直接起诉", true, 0, {}},
            {"lit_after_review", "复议后起诉", true, 0, {}},
        },
        .header_labels = {"行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"},
        .values_in_one_run = true,
    };
}

std::vector<Identity> identities(const Table& applications) {
    return {
        {"XG2001", "T3-BAL", "（七）总计 + 四 = 一 + 二", TableKind::Applications, IdentityAxis::PerColumn,
         {"3.7", "4"}, {"1", "2"}, {}},
        {"XG2002", "T3-OUT", "（七）总计 = 办理结果各项之和", TableKind::Applications, IdentityAxis::PerColumn,
         {"3.7"}, outcome_leaves(applications), {}},
        {"XG2003", "T3-COL", "总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他",
         TableKind::Applications, IdentityAxis::PerRow,
         {"total"}, {"natural", "commercial", "research", "public_welfare", "legal_service", "other_org"}, {}},
        {"XG2004", "T4-SUM", "总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结", TableKind::ReviewLitigation,
         IdentityAxis::PerRow, {"total"}, {"maintain", "correct", "other", "pending"}, {}},
    };
}

}  // namespace xxgk::tpl::shared
