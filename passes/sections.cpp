#include "passes.hpp"

namespace xxgk::passes {

void check_sections(ast::Report& report) {
    const auto& form = *report.form;
    if (report.sections.empty()) {
        report.diagnostics.push_back(diag::make(diag::Code::XG0006, {0, 0}));
        return;
    }
    int highest = 0;
    std::vector<const ast::Section*> first(form.sections.size() + 1, nullptr);
    for (const auto& s : report.sections) {
        const auto& spec = form.sections[static_cast<std::size_t>(s.number - 1)];
        const std::string number(spec.numeral), title(spec.title);
        if (first[static_cast<std::size_t>(s.number)] != nullptr) {
            auto d = diag::make(diag::Code::XG1003, s.heading, {number, title});
            d.related.push_back({first[static_cast<std::size_t>(s.number)]->heading, diag::NoteId::first_occurrence, {}});
            report.diagnostics.push_back(std::move(d));
            continue;
        }
        first[static_cast<std::size_t>(s.number)] = &s;
        if (s.number < highest) {
            const auto& later = form.sections[static_cast<std::size_t>(highest - 1)];
            auto d = diag::make(diag::Code::XG1002, s.heading, {number, title, std::string(later.numeral)});
            d.related.push_back({report.section(highest)->heading, diag::NoteId::previous_section,
                                 {std::string(later.numeral)}});
            report.diagnostics.push_back(std::move(d));
        }
        highest = std::max(highest, s.number);
        if (s.body.begin >= s.body.end && !spec.may_be_empty)
            report.diagnostics.push_back(diag::make(diag::Code::XG1004, s.heading, {number, title}));
    }
    // A missing section is reported where it should have started: at the next section present.
    for (const auto& spec : form.sections) {
        if (first[static_cast<std::size_t>(spec.number)] != nullptr) continue;
        diag::Span at{report.file->size(), report.file->size()};
        for (int n = spec.number + 1; n <= static_cast<int>(form.sections.size()); ++n) {
            if (const auto* next = first[static_cast<std::size_t>(n)]) {
                at = {next->heading.begin, next->heading.begin};
                break;
            }
        }
        report.diagnostics.push_back(diag::make(diag::Code::XG1001, at, {std::string(spec.numeral), std::string(spec.title)}));
    }
}

}  // namespace xxgk::passes
