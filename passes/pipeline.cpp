#include "pipeline.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "decode.hpp"
#include "parser.hpp"
#include "passes.hpp"

namespace xxgk::passes {

namespace {

// Input problems end compilation early with one diagnostic: there is no text to parse.
std::optional<diag::Diagnostic> decode_problem(const source::DecodeResult& r, std::string_view bytes) {
    const diag::Span at{r.problem_offset, r.problem_offset + (r.problem_offset < bytes.size() ? 1u : 0u)};
    switch (r.problem) {
        case source::DecodeProblem::None: return std::nullopt;
        case source::DecodeProblem::Empty: return diag::make(diag::Code::XG0002, {0, 0});
        case source::DecodeProblem::Binary: return diag::make(diag::Code::XG0003, at);
        case source::DecodeProblem::Utf16: return diag::make(diag::Code::XG0004, {0, 2}, {"UTF-16"});
        case source::DecodeProblem::InvalidUtf8:
            return diag::make(diag::Code::XG0005, at, {fmt::format("{:02X}", static_cast<unsigned char>(bytes[r.problem_offset]))});
    }
    return std::nullopt;
}

}  // namespace

Compilation compile(std::string name, std::string bytes) {
    Compilation c;
    c.file = std::make_unique<source::SourceFile>(std::move(name), std::move(bytes));
    const auto decoded = source::decode(c.file->bytes());
    const tpl::Template& form = tpl::template_2019();
    if (auto problem = decode_problem(decoded, c.file->bytes())) {
        c.text = std::make_unique<source::NormalisedText>();
        c.report.file = c.file.get();
        c.report.text = c.text.get();
        c.report.form = &form;
        c.report.diagnostics.push_back(std::move(*problem));
        return c;
    }
    c.text = std::make_unique<source::NormalisedText>(source::normalise(c.file->bytes(), decoded.text_begin, decoded.text_end));
    c.report = grammar::parse(*c.file, *c.text, form);
    if (decoded.truncated_character)
        c.report.diagnostics.push_back(diag::make(diag::Code::XG0007, {decoded.text_end, c.file->size()},
                                                  {std::to_string(c.file->size() - decoded.text_end)}));
    check_sections(c.report);
    assemble_tables(c.report);
    normalise_values(c.report);
    check_identities(c.report);
    extract_metadata(c.report);
    std::stable_sort(c.report.diagnostics.begin(), c.report.diagnostics.end(),
                     [](const diag::Diagnostic& a, const diag::Diagnostic& b) { return a.span.begin < b.span.begin; });
    return c;
}

}  // namespace xxgk::passes
