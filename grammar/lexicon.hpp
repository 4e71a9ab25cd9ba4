#pragma once
// The words the grammar looks for, taken from the template data and folded the way report text
// is folded: section headings, and per table its anchors (block titles, header and column
// labels, row labels, with every variant). Plain C++, no PEGTL: the rules call into it.
#include <array>
#include <unordered_map>
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
    // breaks, |) may stand between the characters of a label: cells wrap and labels split. A
    // long label may have one Han character misread by OCR; an exact match of the same length wins.
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
    // The anchors by their first character, each list in the order of anchors_: a label's first
    // character must match exactly, and the grammar asks at every character of a table.
    std::unordered_map<char32_t, std::vector<const Anchor*>> by_first_;
};

// A heading found inside a line: its section and its length in bytes, numeral to title end.
struct InlineHeading {
    int section = 0;
    std::size_t length = 0;
};

class Lexicon {
public:
    explicit Lexicon(const tpl::Template& form);
    // The section a heading line announces, if `line` (one line, without its end) is one.
    [[nodiscard]] std::optional<int> heading(std::string_view line) const;
    // The heading `text` starts with when a page has lost its line breaks (…。二、主动公开政府信息情况第二十条…).
    // Nothing marks where the title ends, so it is the shortest stretch that holds one of the
    // section's keyword sets and ends the way the form's titles end (情况, 事项).
    [[nodiscard]] std::optional<InlineHeading> inline_heading(std::string_view text) const;
    // True when a heading may start right after `before`: at a line start, or after anything but
    // a Han character (。二、 …0000000 四、 …630003五、), so that 十二、 or 第二、 starts none.
    [[nodiscard]] static bool heading_may_follow(std::string_view before);
    // True for page furniture that ends a report: 分享到, 相关附件, 打印本页 …
    [[nodiscard]] static bool is_page_chrome(std::string_view line);
    [[nodiscard]] const TableLexicon* table_for_section(int section) const;

private:
    struct Numbered {
        const tpl::Section* section;
        std::string_view title;  // what follows the numeral and its separator
    };
    // The section whose numeral `text` starts with (after Markdown marks), and the rest.
    [[nodiscard]] std::optional<Numbered> numbered(std::string_view text) const;

    const tpl::Template* form_;
    std::vector<TableLexicon> tables_;
    std::vector<std::string> title_endings_;  // the last two characters of every title and variant
    // Bytes a heading can start with (its numeral's first byte, or the spaces and Markdown marks
    // before it): the grammar asks at every character of the text, and this answers most of them.
    std::array<bool, 256> heading_start_{};
};

// The one Lexicon of each template, built on first use.
const Lexicon& lexicon_for(const tpl::Template& form);

// Report text folded as the normaliser folds it (full-width forms to ASCII …).
std::string fold(std::string_view text);

}  // namespace xxgk::grammar
