#pragma once
// Figures the prose states about the tables (format.md §5 TEXT): "共收到政府信息公开申请75件",
// "涉及自然人72件", "行政复议36起", "未收到公开政府信息的申请". Reading them is kept apart from
// comparing them with the tables so that tricky prose can be tested on its own.
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "template.hpp"

namespace xxgk::passes::narrative {

// The table quantity a figure states.
enum class Quantity {
    Received,        // 表三 一、本年新收
    CarriedOver,     // 表三 二、上年结转
    Handled,         // 表三 （七）总计: 办结, 答复
    CarriedForward,  // 表三 四、结转下年度继续办理
    Review,          // 表四 行政复议 总计
    Litigation,      // 表四 未经复议直接起诉 + 复议后起诉 总计
};

// The applicant columns a breakdown names; none: the whole row (总计).
enum class Applicants { Natural, LegalPersons, Commercial, Research, PublicWelfare, LegalService };

struct Claim {
    Quantity quantity;
    std::optional<Applicants> applicants;
    std::int64_t value = 0;  // 0 for a claim of none
    bool none = false;       // "未收到…申请", "未发生行政复议": no number, nothing happened
    std::size_t begin = 0, end = 0;  // the number (or the negation) in `prose`, in bytes
    std::string_view subject;         // for a breakdown, the applicant words as written
};

struct Context {
    std::optional<int> year;  // the report year; figures about other years are not claims
    // The prose is about disclosure work as a whole (section 四). Elsewhere a 行政复议 or 行政诉讼
    // figure counts only in a sentence that speaks of 信息公开.
    bool disclosure_section = false;
};

// The claims of normalised prose (ASCII digits and punctuation, simplified characters). A
// figure is read only when its subject is unmistakable; anything comparative, approximate,
// partial or about another year is left alone.
std::vector<Claim> read_claims(std::string_view prose, const Context& context);

// The cells a claim speaks of (format.md §5 TEXT): row and column ids of table 三 or 四.
struct StatedCells {
    tpl::TableKind table;
    std::vector<std::pair<std::string_view, std::string_view>> cells;  // row id, column id
};
StatedCells cells_of(const Claim& claim);

// True when the prose speaks of charging fees at all (信息处理费, 收费, 费用 …), whatever it says
// about them: "未收取信息处理费" reports the fees as much as "收取信息处理费200元" does.
bool mentions_fees(std::string_view prose);

}  // namespace xxgk::passes::narrative
