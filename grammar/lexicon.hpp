#pragma once
// The words the grammar looks for, taken from the template data and folded the way report text
// is folded: section headings, and per table its anchors (block titles, header and column
// labels, row labels, with every variant). Plain C++, no PEGTL: the rules call into it.
#include <array>
#include <bitset>
#include <cstdint>
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
    [[nodiscard]] std::optional<AnchorMatch> match(std::string_view text) const {
        // The grammar asks at every item and at every digit of a value, and most of those places
        // start with a byte that begins no label's first character as the text may write it (the
        // text is valid UTF-8, so its first byte begins the character read): answered here, inline.
        if (text.empty() || !first_bytes_[static_cast<unsigned char>(text.front())]) return std::nullopt;
        return longest_match(text);
    }
    [[nodiscard]] const tpl::Table& table() const { return *table_; }

private:
    [[nodiscard]] std::optional<AnchorMatch> longest_match(std::string_view text) const;

    struct Anchor {
        std::u32string label;  // folded
        std::string written;   // the label in UTF-8, as a text that matches it exactly holds it
        ast::ItemKind kind;
        std::size_t index;
    };
    const tpl::Table* table_;
    std::vector<Anchor> anchors_;  // longest first, so a label wins over its truncated variant
    // The anchors by their first character, each list in the order of anchors_: a label's first
    // character must match exactly, and the grammar asks at every character of a table.
    std::unordered_map<char32_t, std::vector<const Anchor*>> by_first_;
    // The first bytes of the characters a label can start with in the text: its own first
    // character, and the punctuation that reads as it (、 and , for a label's ., “ and ” for ").
    std::bitset<256> first_bytes_;
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
    // The heading `text` starts with when a page has lost its line breaks (…。二、主动公开政府信息情况第二十条…),
    // if it is of a section after `after`. Nothing marks where the title ends, so it is the
    // shortest stretch that holds one of the section's keyword sets and ends the way the form's
    // titles end (情况, 事项).
    [[nodiscard]] std::optional<InlineHeading> inline_heading(std::string_view text, int after = 0) const;
    // True when a heading may start right after `before`: at a line start, or after anything but
    // a Han character (。二、 …0000000 四、 …630003五、), so that 十二、 or 第二、 starts none.
    [[nodiscard]] static bool heading_may_follow(std::string_view before);
    // True for page furniture that ends a report: 分享到, 相关附件, 打印本页 …
    [[nodiscard]] static bool is_page_chrome(std::string_view line);
    // The first place, `from` or after, where a heading of `text` may begin, or the page trailer
    // when `trailer_may_begin` (text.size() if there is none): the first that starts like one (a
    // numeral and its separator, or a page-chrome marker) where heading_may_follow holds. Both
    // tests are necessary for heading, inline_heading and the trailer alike, so the grammar
    // skips to this place instead of asking at every character; the exact tests stay its own.
    [[nodiscard]] std::size_t next_possible_heading(std::string_view text, std::size_t from, bool trailer_may_begin) const;
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
    // before it): numbered() turns the others away at once.
    std::array<bool, 256> heading_start_{};
    // Where a heading can open, or a heading or the page trailer, by its first kLength bytes:
    // next_possible_heading passes over every other character with a look-up or three, where
    // numbered() would take a hundred instructions.
    struct Openings {
        static constexpr std::size_t kLength = 4;
        Openings();
        // Adds what opens with any number of `marks` and then `tail` (kLength bytes or more).
        void add(std::string_view marks, std::string_view tail);
        // The first character from `at` on whose first kLength bytes something added opens with
        // (text.size() if none), found character by character: the text is valid UTF-8, and
        // nothing opens inside a character.
        [[nodiscard]] std::size_t next(std::string_view text, std::size_t at) const;
        // How far to move on from a character by its first two bytes (byte << 8 | byte): 0 when
        // something added opens with them, else the character's length.
        std::array<std::uint8_t, 0x10000> step;
        // The second and third, and the third and fourth bytes of what opens, likewise.
        std::array<std::bitset<0x10000>, kLength - 2> later_pairs;
    };
    Openings heading_openings_, heading_or_trailer_openings_;
};

// The one Lexicon of each template, built on first use.
const Lexicon& lexicon_for(const tpl::Template& form);

// Report text folded as the normaliser folds it (full-width forms to ASCII …).
std::string fold(std::string_view text);

}  // namespace xxgk::grammar
