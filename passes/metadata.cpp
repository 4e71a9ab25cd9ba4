#include <algorithm>
#include <optional>
#include <span>

#include "passes.hpp"

namespace xxgk::passes {

namespace {

// Endings of agency names: 人民政府, 市场监督管理局, 街道办事处 …
constexpr std::string_view kAgencySuffixes[] = {"政府", "局", "办事处", "委员会", "委", "厅", "办公室", "中心", "院", "署", "乡", "镇", "街道"};
constexpr std::size_t kMaxTitle = 60;   // code points
constexpr std::size_t kMaxAgency = 30;

std::size_t code_points(std::string_view s) { return source::column_count(s, source::ColumnUnit::Char); }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '|')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '|')) s.remove_suffix(1);
    return s;
}

// The first 19NN年 / 20NN年 in `s`: its position and the year.
std::optional<std::pair<std::size_t, int>> find_year(std::string_view s) {
    for (std::size_t i = 0; i + 4 < s.size(); ++i) {
        if (!(s.substr(i, 2) == "19" || s.substr(i, 2) == "20")) continue;
        if (i > 0 && is_digit(s[i - 1])) continue;
        if (!is_digit(s[i + 2]) || !is_digit(s[i + 3])) continue;
        if (s.substr(i + 4).starts_with("年")) return std::pair{i, std::stoi(std::string(s.substr(i, 4)))};
    }
    return std::nullopt;
}

// The first YYYY-MM-DD in `s`.
std::optional<std::string> find_date(std::string_view s) {
    for (std::size_t i = 0; i + 10 <= s.size(); ++i) {
        const auto d = s.substr(i, 10);
        if (i > 0 && is_digit(s[i - 1])) continue;
        const bool shape = std::all_of(d.begin(), d.begin() + 4, is_digit) && d[4] == '-' && is_digit(d[5]) &&
                           is_digit(d[6]) && d[7] == '-' && is_digit(d[8]) && is_digit(d[9]);
        if (shape && (i + 10 == s.size() || !is_digit(s[i + 10]))) return std::string(d);
    }
    return std::nullopt;
}

// A scraper's header names its fields (标题: …, 发布时间: 2023-02-20 15:07, 发布机构: …); a site's
// page shows some of them the same way (来源: , 发布日期: ). These are page furniture, not report.
constexpr std::string_view kTitleFields[] = {"标题", "文章标题", "题目", "名称"};
constexpr std::string_view kAgencyFields[] = {"发布机构", "发文机关", "来源", "信息来源", "发布单位"};

// The value of a "FIELD: value" line when FIELD is one of `fields`.
std::optional<std::string_view> field(std::string_view line, std::span<const std::string_view> fields) {
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    const std::string_view name = trim(line.substr(0, colon));
    if (std::none_of(fields.begin(), fields.end(), [&](std::string_view f) { return name == f; })) return std::nullopt;
    return trim(line.substr(colon + 1));
}

// The tests are in the order that rules out most lines soonest; counting code points is the dearest.
bool looks_like_title(std::string_view line) {
    return line.find("信息公开") != std::string_view::npos &&
           (line.find("报告") != std::string_view::npos || line.find("情况") != std::string_view::npos) && find_year(line) &&
           code_points(line) <= kMaxTitle;
}

bool looks_like_agency(std::string_view line) {
    return !line.empty() &&
           std::any_of(std::begin(kAgencySuffixes), std::end(kAgencySuffixes), [&](auto s) { return line.ends_with(s); }) &&
           line.find(':') == std::string_view::npos && std::none_of(line.begin(), line.end(), is_digit) &&
           code_points(line) <= kMaxAgency;
}

}  // namespace

void extract_metadata(ast::Report& report) {
    const std::string_view text = report.text->text;
    const std::string_view preamble = text.substr(0, report.preamble_length);
    std::optional<std::string_view> agency_line;
    for (std::size_t at = 0; at < preamble.size();) {
        const std::size_t end = std::min(preamble.find('\n', at), preamble.size());
        const std::string_view line = trim(preamble.substr(at, end - at));
        at = end + 1;
        if (!report.published) report.published = find_date(line);
        if (const auto title = field(line, kTitleFields)) {
            if (!title->empty()) report.title = std::string(*title);
        } else if (const auto agency = field(line, kAgencyFields)) {
            if (!agency->empty()) agency_line = *agency;
        } else if (!report.title && looks_like_title(line)) {
            report.title = std::string(line);
        } else if (!agency_line && looks_like_agency(line)) {
            agency_line = line;
        }
    }
    const auto year = report.title ? find_year(*report.title) : std::nullopt;
    if (year) {
        report.year = year->second;
        const auto before = trim(std::string_view(*report.title).substr(0, year->first));
        if (!before.empty()) report.agency = std::string(before);
    } else if (const auto mentioned = find_year(text.substr(report.preamble_length))) {
        report.year = mentioned->second;
    }
    if (!report.agency && agency_line) report.agency = std::string(*agency_line);
}

}  // namespace xxgk::passes
