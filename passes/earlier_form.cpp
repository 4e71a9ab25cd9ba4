// Reports of the form before the 2019 revision (国办发〔2008〕… seven parts, with 收费及减免):
// they share headings with the 2019 form, so without this check they would get dozens of
// structure errors about tables they were never meant to have. They get one error instead.
#include <algorithm>

#include "passes.hpp"

namespace xxgk::passes {

namespace {

// The part only the earlier form has, as a heading at the start of a line.
constexpr std::string_view kFeesHeading = "收费及减免";

std::optional<diag::Span> earlier_heading(const ast::Report& report) {
    const std::string_view text = report.text->text;
    for (auto at = text.find(kFeesHeading); at != std::string_view::npos; at = text.find(kFeesHeading, at + 1)) {
        const auto line_begin = text.rfind('\n', at) == std::string_view::npos ? 0 : text.rfind('\n', at) + 1;
        const auto line_end = std::min(text.find('\n', at), text.size());
        // A heading: 四、… with the words, and short; a sentence mentioning fees is not one.
        if (!text.substr(line_begin).starts_with("四、") || line_end - line_begin > 90) continue;
        return diag::Span{report.text->map.to_original_begin(static_cast<std::uint32_t>(line_begin)),
                          report.text->map.to_original_end(static_cast<std::uint32_t>(line_end))};
    }
    return std::nullopt;
}

bool has_cells(const ast::Report& report) {
    return std::any_of(report.tables.begin(), report.tables.end(), [](const ast::Table& t) { return !t.cells.empty(); });
}

}  // namespace

bool is_earlier_form(ast::Report& report) {
    std::optional<diag::Span> at;
    std::string why;
    if (report.year && *report.year < 2019) {
        const std::string word = std::to_string(*report.year) + "年";
        const auto found = report.text->text.find(word);
        at = found == std::string::npos
                 ? diag::Span{0, 0}
                 : diag::Span{report.text->map.to_original_begin(static_cast<std::uint32_t>(found)),
                              report.text->map.to_original_end(static_cast<std::uint32_t>(found + word.size()))};
        why = std::to_string(*report.year);
    } else if (!has_cells(report)) {
        at = earlier_heading(report);
        why = "四、…收费及减免情况";
    }
    if (!at) return false;
    // What was found in such a report measures it against a form it never followed: only the
    // input's own problems stay.
    std::erase_if(report.diagnostics, [](const diag::Diagnostic& d) { return d.code != diag::Code::XG0007; });
    report.tables.clear();
    report.diagnostics.push_back(diag::make(diag::Code::XG0010, *at, {why}));
    return true;
}

}  // namespace xxgk::passes
