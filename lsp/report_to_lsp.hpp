#pragma once
// A compiled report as an editor sees it: its diagnostics as LSP diagnostics, their fixes as
// quick-fix code actions, and a table cell as a hover. These read the report; they never re-check it.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "report.hpp"
#include "text_document.hpp"

namespace xxgk::lsp {

using Json = nlohmann::ordered_json;

// What a client and one of its documents need to turn spans into ranges and codes into text.
struct Rendering {
    const TextDocument& document;
    std::string_view uri;
    PositionEncoding encoding;
    diag::Lang lang;
};

Json range_json(diag::Span span, const Rendering& r);

// Range, severity, code, source "xxgk", message, and the places that take part (the cells of a
// failed sum) as relatedInformation; a note that belongs to no place is given the diagnostic's
// own range, as the gcc format does.
Json diagnostic_json(const diag::Diagnostic& d, const Rendering& r);
Json diagnostics_json(const ast::Report& report, const Rendering& r);

// One quick fix for each diagnostic with fixes whose range meets `requested`. The fixes of one
// diagnostic are one repair (the cells blamed together), so the action applies them all. With a
// `version`, the edit is versioned (documentChanges), so a client that has moved on rejects it.
Json quick_fixes(const ast::Report& report, diag::Span requested, const Rendering& r,
                 std::optional<std::int64_t> version);

// The table cell at `offset`: its table, row and column (labels and ids), its value and the
// identities and bounds it takes part in, as Markdown or plain text; nullopt off the cells.
std::optional<Json> cell_hover(const ast::Report& report, std::uint32_t offset, const Rendering& r, bool markdown);

}  // namespace xxgk::lsp
