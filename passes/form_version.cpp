// The form against the year (XG1109): report years 2019 and 2020 use the 2019 form, 2021 onward
// the 2021 form (format.md §0, §7.12).
#include "passes.hpp"

namespace xxgk::passes {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The first "YYYY年" of the report year in the text, where a reader sees the year.
std::optional<diag::Span> year_mention(const ast::Report& report, int year) {
    const std::string_view text = report.text->text;
    const std::string word = std::to_string(year) + "年";
    for (auto at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
        if (at > 0 && is_digit(text[at - 1])) continue;
        const auto begin = static_cast<std::uint32_t>(at), end = static_cast<std::uint32_t>(at + word.size());
        return diag::Span{report.text->map.to_original_begin(begin), report.text->map.to_original_end(end)};
    }
    return std::nullopt;
}

}  // namespace

void check_form_version(ast::Report& report) {
    if (!report.year || report.sections.empty()) return;
    const tpl::Template* expected = tpl::template_for_year(*report.year);
    if (expected == nullptr || expected == report.form) return;
    const auto year = year_mention(report, *report.year);
    // Table 二 is where the two forms differ most; its heading is where the form shows.
    const ast::Section* tables_start = report.section(report.form->tables.front().section);
    if (tables_start == nullptr && !year) return;
    auto d = diag::make(diag::Code::XG1109, tables_start ? tables_start->heading : *year,
                        {std::string(report.form->version), std::to_string(*report.year), std::string(expected->version)});
    if (year && tables_start) d.related.push_back({*year, diag::NoteId::report_year, {std::to_string(*report.year)}});
    report.diagnostics.push_back(std::move(d));
}

}  // namespace xxgk::passes
