#pragma once
// The words the grammar looks for, taken from the template data and folded the way report text
// is folded: section headings, and per table its anchors (block titles, header and column
// labels, row labels, with every variant). Plain C++, no PEGTL: the rules call into it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "report.hpp"
#include "template.hpp"

namespace xxgk::grammar {

struct AnchorMatch {
    std::size_t length = 0;  // bytes of text consumed
    ast::ItemKind kind = ast::ItemKind::Text;
    std::size_t index = 0;   // template row or block index
};

class TableLexicon {
public:
    explicit TableLexicon(const tpl::Table& table);
    // The longest anchor that starts at the beginning of `text`. Separators (spaces, line
    // breaks, |) may stand between the characters of a label: cells wrap and labels split.
    [[nodiscard]] std::optional<AnchorMatch> match(std::string_view text) const;
    [[nodiscard]] const tpl::Table& table() const { return *table_; }

private:
    struct Anchor {
        std::u32string label;  // folded
        ast::ItemKind kind;
        std::size_t index;
    };
    const tpl::Table* table_;
    std::vector<Anchor> anchors_;  // longest first, so a label wins over its truncated variant
};

class Lexicon {
public:
    explicit Lexicon(const tpl::Template& form);
    // The section a heading line announces, if `line` (one line, without its end) is one.
    [[nodiscard]] std::optional<int> heading(std::string_view line) const;
    // True for page furniture that ends a report: 分享到, 相关附件, 打印本页 …
    [[nodiscard]] static bool is_page_chrome(std::string_view line);
    [[nodiscard]] const TableLexicon* table_for_section(int section) const;

private:
    const tpl::Template* form_;
    std::vector<TableLexicon> tables_;
};

// The one Lexicon of each template, built on first use.
const Lexicon& lexicon_for(const tpl::Template& form);

// Report text folded as the normaliser folds it (full-width forms to ASCII …).
std::string fold(std::string_view text);

}  // namespace xxgk::grammar
