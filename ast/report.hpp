#pragma once
// The typed tree of one report. The grammar builds its syntactic part (sections, and for each
// table the sequence of items it recognised); the passes fill in the semantic part (canonical
// cells with ids and values, metadata, diagnostics). Every node carries a Span into the
// ORIGINAL input bytes, so locations survive every normalisation.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.hpp"
#include "normalise.hpp"
#include "source_file.hpp"
#include "template.hpp"

namespace xxgk::ast {

using diag::Span;

struct Section {
    int number = 0;            // 1..6, the template's numbering
    Span heading;              // the heading line
    std::string heading_text;  // as normalised (simplified, folded)
    Span body;                 // from after the heading to the next heading or the trailer
};

// What the table grammar recognised, in document order. Labels are anchors; values are the
// runs between them.
enum class ItemKind {
    BlockTitle,   // 第二十条第（N）项
    HeaderLabel,  // a column or header label
    RowLabel,     // a row label of the template
    Value,        // a number, an amount or a placeholder such as / or —
    Text,         // anything else
};

struct TableItem {
    ItemKind kind;
    Span span;
    std::string_view text;  // normalised text: a view of Report::text, which outlives the report
    std::size_t index = 0;  // RowLabel: template row; BlockTitle: template block
};

// A number as written, exactly: mantissa × 10^-scale (212250 万元 is {212250, 0}, 25.1 is {251, 1}).
struct Decimal {
    std::int64_t mantissa = 0;
    int scale = 0;
    [[nodiscard]] bool is_integer() const { return scale == 0; }
    [[nodiscard]] std::string to_string() const;
};

struct Cell {
    std::size_t row = 0;     // template row index
    std::size_t column = 0;  // column index within the row's block
    Span span;
    std::string text;                // normalised text of the cell
    std::optional<Decimal> value;    // empty: not filled, or not a number (a diagnostic says which)
    std::string unit;                // 万元 for normalised amounts, "" otherwise
    bool filled = true;              // false for blank, /, -, —, 无, X
};

struct Table {
    tpl::TableKind kind;
    Span span;
    std::vector<TableItem> items;  // the grammar's view
    std::vector<Cell> cells;       // canonical cells in template order (passes)
};

struct Report {
    const source::SourceFile* file = nullptr;
    const source::NormalisedText* text = nullptr;  // what the grammar read
    const tpl::Template* form = nullptr;  // the template version compiled against
    bool traditional = false;             // the text was converted to simplified characters
    std::optional<std::string> title, agency, published;
    std::optional<int> year;
    std::size_t preamble_length = 0;  // bytes of normalised text before the first heading
    std::vector<Section> sections;
    std::vector<Table> tables;
    Span trailer;  // page chrome and junk after the report
    std::vector<diag::Diagnostic> diagnostics;

    [[nodiscard]] const Table* table(tpl::TableKind kind) const;
    [[nodiscard]] const Section* section(int number) const;
    [[nodiscard]] bool has_errors() const;
};

}  // namespace xxgk::ast
