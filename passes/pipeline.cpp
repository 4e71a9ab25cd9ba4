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
        case source::DecodeProblem::Unsupported: return diag::make(diag::Code::XG0004, {0, 4}, {r.problem_detail});
        case source::DecodeProblem::Invalid:
            return diag::make(diag::Code::XG0005, at,
                              {fmt::format("{:02X}", static_cast<unsigned char>(bytes[r.problem_offset])), r.problem_detail});
        case source::DecodeProblem::Mojibake:
            return diag::make(diag::Code::XG0008, {r.problem_offset, r.problem_offset + static_cast<std::uint32_t>(r.problem_detail.size())},
                              {r.problem_detail, r.restored});
    }
    return std::nullopt;
}

}  // namespace

Compilation compile(std::string name, std::string bytes, const tpl::Template* named_form) {
    Compilation c;
    if (bytes.size() > kMaxInputBytes) {
        const auto size = bytes.size();
        bytes.clear();  // nothing of it is read: no decoding, no parse
        c.file = std::make_unique<source::SourceFile>(std::move(name), std::move(bytes));
        c.text = std::make_unique<source::NormalisedText>();
        c.report.file = c.file.get();
        c.report.text = c.text.get();
        c.report.form = named_form != nullptr ? named_form : &tpl::template_2019();
        c.report.diagnostics.push_back(diag::make(diag::Code::XG0009, {0, 0}, {std::to_string(size), std::to_string(kMaxInputBytes)}));
        return c;
    }
    c.file = std::make_unique<source::SourceFile>(std::move(name), std::move(bytes));
    const auto& decoded = c.file->decoding();
    if (auto problem = decode_problem(decoded, c.file->bytes())) {
        c.text = std::make_unique<source::NormalisedText>();
        c.report.file = c.file.get();
        c.report.text = c.text.get();
        c.report.form = named_form != nullptr ? named_form : &tpl::template_2019();
        c.report.diagnostics.push_back(std::move(*problem));
        return c;
    }
    if (decoded.transcoded) {
        // Normalised offsets → transcoded UTF-8 → the file's bytes.
        auto text = source::normalise(decoded.transcoded->utf8, decoded.text_begin, decoded.text_end);
        text.map = text.map.then(decoded.transcoded->map);
        c.text = std::make_unique<source::NormalisedText>(std::move(text));
    } else {
        c.text = std::make_unique<source::NormalisedText>(source::normalise(c.file->bytes(), decoded.text_begin, decoded.text_end));
    }
    // --template auto: the form the tables show. Only a form the text shows is evidence enough
    // to hold against the report's year; a default is not.
    const DetectedForm detected = named_form != nullptr ? DetectedForm{named_form, 1} : detect_form(c.text->text);
    c.report = grammar::parse(*c.file, *c.text, *detected.form);
    if (decoded.truncated_character) {
        const std::uint32_t cut = decoded.transcoded ? decoded.transcoded->map.original_size() : decoded.text_end;
        c.report.diagnostics.push_back(
            diag::make(diag::Code::XG0007, {cut, c.file->size()}, {std::to_string(c.file->size() - cut)}));
    }
    check_sections(c.report);
    // The year first: reading run-together digits weighs the figures section 一 states for it.
    extract_metadata(c.report);
    assemble_tables(c.report);
    if (is_earlier_form(c.report)) return c;
    normalise_values(c.report);
    check_identities(c.report);
    if (detected.evidence > 0) check_form_version(c.report);
    check_plausibility(c.report);
    check_narrative(c.report);
    std::stable_sort(c.report.diagnostics.begin(), c.report.diagnostics.end(),
                     [](const diag::Diagnostic& a, const diag::Diagnostic& b) { return a.span.begin < b.span.begin; });
    return c;
}

}  // namespace xxgk::passes
