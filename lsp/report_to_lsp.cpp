#include "report_to_lsp.hpp"

#include <algorithm>

namespace xxgk::lsp {

namespace {

constexpr bool zh(const Rendering& r) { return r.lang == diag::Lang::Zh; }

int severity_number(diag::Severity s) {
    switch (s) {
        case diag::Severity::Error: return 1;
        case diag::Severity::Warning: return 2;
        case diag::Severity::Note: return 3;  // Information
    }
    return 3;
}

Json location_json(diag::Span span, const Rendering& r) { return {{"uri", r.uri}, {"range", range_json(span, r)}}; }

// Spans meet when they overlap or touch: a cursor (an empty range) at either end of a
// diagnostic still asks for its fixes.
bool meet(diag::Span a, diag::Span b) { return a.begin <= b.end && b.begin <= a.end; }

// Hover text is Markdown or plain text; ids are code in the one and parenthesised in the other.
struct HoverText {
    bool markdown;
    std::string text;

    void line(std::string_view s) { text.append(s).append("\n"); }
    [[nodiscard]] std::string id(std::string_view s) const {
        return markdown ? "`" + std::string(s) + "`" : "(" + std::string(s) + ")";
    }
};

bool contains(const std::vector<std::string_view>& v, std::string_view s) { return std::find(v.begin(), v.end(), s) != v.end(); }

// The identities (and bounds) a cell is a term of, each with the column or row it is
// evaluated in.
std::vector<std::string> rules_of_cell(const ast::Report& report, const tpl::Table& table, const ast::Cell& cell,
                                       const Rendering& r) {
    const tpl::Row& row = table.rows[cell.row];
    const tpl::Column& column = table.columns_of(cell.row)[cell.column];
    std::vector<std::string> rules;
    for (const auto& identity : report.form->identities) {
        if (identity.table != table.kind) continue;
        const bool per_column = identity.axis == tpl::IdentityAxis::PerColumn;
        const std::string_view term = per_column ? row.id : column.id;
        if (!contains(identity.lhs, term) && !contains(identity.rhs, term)) continue;
        if (!per_column && (identity.rows.empty() ? !row.numeric : !contains(identity.rows, row.id))) continue;
        const std::string_view where = per_column ? column.label : row.label;
        rules.push_back(std::string(identity.code) + " " + std::string(identity.name) + ": " + std::string(identity.formula) +
                        (zh(r) ? (per_column ? "（「" + std::string(where) + "」列）" : "（「" + std::string(where) + "」行）")
                               : (per_column ? ", in column " : ", in row ") + std::string(where)));
    }
    for (const auto& bound : report.form->bounds) {
        if (bound.table != table.kind || !contains(bound.rows, row.id)) continue;
        if (!contains(bound.lhs, column.id) && !contains(bound.rhs, column.id)) continue;
        rules.push_back(std::string(bound.code) + " " + std::string(bound.name) + ": " + std::string(bound.formula) +
                        (zh(r) ? "（「" + std::string(row.label) + "」行）" : ", in row " + std::string(row.label)));
    }
    return rules;
}

std::string value_text(const ast::Cell& cell, std::string_view raw, const HoverText& out, const Rendering& r) {
    const std::string as_written = out.markdown ? "`" + std::string(raw) + "`" : "\"" + std::string(raw) + "\"";
    if (!cell.filled) return (zh(r) ? "未填写（" : "not filled (") + as_written + (zh(r) ? "）" : ")");
    if (!cell.value) return (zh(r) ? "不是数字（" : "not a number (") + as_written + (zh(r) ? "）" : ")");
    std::string text = cell.value->to_string();
    if (!cell.unit.empty()) text += " " + cell.unit;
    if (raw != cell.value->to_string()) text += (zh(r) ? "（原文 " : " (written ") + as_written + (zh(r) ? "）" : ")");
    return text;
}

}  // namespace

Json range_json(diag::Span span, const Rendering& r) {
    const Position start = r.document.position_of(span.begin, r.encoding);
    const Position end = r.document.position_of(std::max(span.begin, span.end), r.encoding);
    return {{"start", {{"line", start.line}, {"character", start.character}}},
            {"end", {{"line", end.line}, {"character", end.character}}}};
}

Json diagnostic_json(const diag::Diagnostic& d, const Rendering& r) {
    Json out = {{"range", range_json(d.span, r)},
                {"severity", severity_number(d.severity)},
                {"code", diag::info(d.code).name},
                {"source", "xxgk"},
                {"message", diag::message(d, r.lang)}};
    if (!d.related.empty()) {
        Json related = Json::array();
        for (const auto& rel : d.related)
            related.push_back({{"location", location_json(rel.span.value_or(d.span), r)}, {"message", diag::message(rel, r.lang)}});
        out["relatedInformation"] = std::move(related);
    }
    return out;
}

Json diagnostics_json(const ast::Report& report, const Rendering& r) {
    Json out = Json::array();
    for (const auto& d : report.diagnostics) out.push_back(diagnostic_json(d, r));
    return out;
}

Json quick_fixes(const ast::Report& report, diag::Span requested, const Rendering& r, std::optional<std::int64_t> version) {
    Json actions = Json::array();
    for (const auto& d : report.diagnostics) {
        if (d.fixes.empty() || !meet(d.span, requested)) continue;
        std::string title;
        Json edits = Json::array();
        for (const auto& fix : d.fixes) {
            if (!title.empty()) title += zh(r) ? "；" : "; ";
            title += diag::message(fix, r.lang);
            edits.push_back({{"range", range_json(fix.span, r)}, {"newText", fix.replacement}});
        }
        Json edit;
        if (version)
            edit["documentChanges"] = Json::array({{{"textDocument", {{"uri", r.uri}, {"version", *version}}}, {"edits", edits}}});
        else
            edit["changes"] = {{std::string(r.uri), edits}};
        actions.push_back({{"title", title},
                           {"kind", "quickfix"},
                           {"diagnostics", Json::array({diagnostic_json(d, r)})},
                           {"isPreferred", true},
                           {"edit", std::move(edit)}});
    }
    return actions;
}

std::optional<Json> cell_hover(const ast::Report& report, std::uint32_t offset, const Rendering& r, bool markdown) {
    for (const auto& table : report.tables) {
        const tpl::Table* form_table = report.form->table(table.kind);
        for (const auto& cell : table.cells) {
            // A blank cell has an empty span: the cursor on its place finds it.
            const bool here = cell.span.begin == cell.span.end ? offset == cell.span.begin
                                                               : cell.span.begin <= offset && offset < cell.span.end;
            if (!here) continue;
            const tpl::Row& row = form_table->rows[cell.row];
            const tpl::Column& column = form_table->columns_of(cell.row)[cell.column];
            const std::string_view raw =
                std::string_view(r.document.text()).substr(cell.span.begin, cell.span.end - cell.span.begin);
            HoverText out{markdown, {}};
            const std::string heading = std::string(row.label) + " · " + std::string(column.label);
            out.line(markdown ? "**" + heading + "**\n" : heading);
            const std::string bullet = markdown ? "- " : "";
            out.line(bullet + (zh(r) ? "表：" : "table: ") + std::string(form_table->title) + " " + out.id(form_table->id));
            out.line(bullet + (zh(r) ? "行：" : "row: ") + std::string(row.label) + " " + out.id(row.id));
            out.line(bullet + (zh(r) ? "列：" : "column: ") + std::string(column.label) + " " + out.id(column.id));
            out.line(bullet + (zh(r) ? "值：" : "value: ") + value_text(cell, raw, out, r));
            const auto rules = rules_of_cell(report, *form_table, cell, r);
            if (!rules.empty()) {
                out.line(bullet + (zh(r) ? "参与的勾稽关系：" : "identities:"));
                for (const auto& rule : rules) out.line((markdown ? "  - " : "  ") + rule);
            }
            return Json{{"contents", {{"kind", markdown ? "markdown" : "plaintext"}, {"value", out.text}}},
                        {"range", range_json(cell.span, r)}};
        }
    }
    return std::nullopt;
}

}  // namespace xxgk::lsp
