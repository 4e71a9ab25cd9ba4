#pragma once
// A small but complete 2019-form report in the |-row layout, for tests that change one thing.
// Its tables are consistent: every identity holds.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "template.hpp"

namespace xxgk::test {

using Rows = std::map<std::string, std::vector<std::string>>;

inline Rows consistent_applications() {
    return {
        {"1", {"5", "1", "0", "0", "0", "1", "7"}},
        {"3.1", {"3", "1", "0", "0", "0", "0", "4"}},
        {"3.2", {"1", "0", "0", "0", "0", "1", "2"}},
        {"3.7", {"4", "1", "0", "0", "0", "1", "6"}},
        {"4", {"1", "0", "0", "0", "0", "0", "1"}},
    };
}

// Table 二 of `form` in |-rows: every count 3, every amount `amount`.
inline std::string table_two(const tpl::Template& form, std::string_view amount) {
    std::string s;
    const auto& t2 = *form.table(tpl::TableKind::ActiveDisclosure);
    for (std::size_t b = 0; b < t2.blocks.size(); ++b) {
        s += std::string(t2.blocks[b].title) + " | ||||\n信息内容";
        for (const auto& c : t2.blocks[b].columns) s += " | " + std::string(c.label);
        s += " |\n";
        for (const auto& r : t2.rows) {
            if (r.block != b) continue;
            s += std::string(r.label);
            for (const auto& c : t2.blocks[b].columns) s += c.kind == tpl::ValueKind::Money ? " | " + std::string(amount) : " | 3";
            s += " |\n";
        }
    }
    return s;
}

// The report text; `applications` overrides rows of table 三 (others are 0), `skip` drops rows.
inline std::string report_text(const Rows& applications = consistent_applications(),
                               const std::vector<std::string>& review_litigation = {},
                               const std::vector<std::string>& skip = {}) {
    const auto& form = tpl::template_2019();
    std::string s = "某某县人民政府2020年政府信息公开工作年度报告\n发布日期:2021-01-20\n一、总体情况\n2020年,本县共收到申请7件。\n";
    s += "二、主动公开政府信息情况\n";
    s += table_two(form, "2500元");
    s += "三、收到和处理政府信息公开申请情况\n申请人情况 | ||||||\n自然人 | 法人或其他组织 | 总计 |\n"
         "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |\n";
    for (const auto& r : form.table(tpl::TableKind::Applications)->rows) {
        if (std::find(skip.begin(), skip.end(), std::string(r.id)) != skip.end()) continue;
        s += std::string(r.label);
        if (r.numeric) {
            const auto it = applications.find(std::string(r.id));
            if (it == applications.end()) {
                for (int c = 0; c < 7; ++c) s += " | 0";
            } else {
                for (const auto& v : it->second) s += " | " + v;
            }
        }
        s += " |\n";
    }
    s += "四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 行政诉讼 |\n结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |\n"
         "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n";
    const std::vector<std::string> t4 = review_litigation.empty()
        ? std::vector<std::string>{"2", "1", "0", "0", "3", "1", "0", "0", "1", "2", "0", "0", "0", "0", "0"}
        : review_litigation;
    for (const auto& v : t4) s += v + " | ";
    s += "\n五、存在的主要问题及改进情况\n培训不足。下一步加强培训。\n六、其他需要报告的事项\n无\n分享到:\n";
    return s;
}

}  // namespace xxgk::test
