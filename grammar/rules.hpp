#pragma once
// The grammar of a report, read top-down like the document. Included only by parser.cpp: PEGTL
// is template-heavy and one translation unit instantiates it once.
//
// The text it reads is normalised (source/normalise.hpp): ASCII punctuation and digits,
// simplified characters, LF line ends. Headings and table anchors come from the template data
// through the Lexicon; the rules here say only how the pieces are arranged.
#include <optional>
#include <string_view>
#include <vector>

#include <tao/pegtl.hpp>

#include "lexicon.hpp"

namespace xxgk::grammar::rules {

namespace pegtl = tao::pegtl;
using pegtl::apply_mode;
using pegtl::rewind_mode;

// The answer a rule got at the last place it asked, kept for asking there again: the rules that
// keep one ask questions whose answer depends on nothing but the place, and ask some places twice
// or more (DocumentState, TableState say where).
template <typename Answer>
class KeptAnswer {
public:
    template <typename Ask>
    const Answer& at(const char* place, Ask ask) {
        if (place != place_) {
            place_ = place;
            answer_ = ask();
        }
        return answer_;
    }

private:
    const char* place_ = nullptr;
    Answer answer_{};
};

// What the document grammar's actions collect; offsets are into the normalised text.
struct HeadingMatch {
    int number;
    std::size_t begin, end;  // the heading: a whole line without its end, or numeral and title
};

struct DocumentState {
    const Lexicon* lexicon;
    const char* text_begin;
    int current_section = 0;  // the section whose body is being read
    int last_heading = 0;     // the section a heading rule just matched, for its action
    std::vector<HeadingMatch> headings;
    std::size_t trailer_begin = std::string_view::npos;
    // Where a heading begins it is asked for twice: by the text before it (not_at<heading>), and
    // by the section it opens. (current_section is the same at every ask at one place: it changes
    // when a heading is taken, and the parse never goes back before a heading it took.)
    KeptAnswer<std::optional<int>> heading_lines;
    KeptAnswer<std::optional<InlineHeading>> inline_headings;

    // The site's footer ends the report only after its last section.
    [[nodiscard]] bool trailer_may_begin() const { return current_section == 6; }
};

struct TableState {
    const TableLexicon* lexicon;
    const char* text_begin;
    AnchorMatch last_anchor;  // what the anchor rule just matched, for its action
    struct Item {
        ast::ItemKind kind;
        std::size_t begin, end;
        std::size_t index;
    };
    std::vector<Item> items;
    // The anchor at a place is asked for up to three times: at a value's end, for the next item,
    // for its text.
    KeptAnswer<std::optional<AnchorMatch>> anchors;
};

// ---------------------------------------------------------------------------------------------
// Document: preamble, sections, page trailer.

// True at the start of a line of the text being parsed.
inline bool at_line_start(const char* at, const char* text_begin) { return at == text_begin || at[-1] == '\n'; }

// A line that is a heading as a whole (一、总体情况, ## 三、收到和处理政府信息公开申请情况), by numeral
// and keywords. Any section may head a line: order and repetition are the passes' to judge.
struct heading_line {
    using rule_t = heading_line;
    using subs_t = pegtl::empty_list;
    template <apply_mode, rewind_mode, template <typename...> class, template <typename...> class, typename Input>
    static bool match(Input& in, DocumentState& st) {
        if (!at_line_start(in.current(), st.text_begin)) return false;
        const std::string_view rest(in.current(), in.size(0));
        const std::string_view line = rest.substr(0, rest.find('\n'));
        const auto& section = st.heading_lines.at(in.current(), [&] { return st.lexicon->heading(line); });
        if (!section) return false;
        st.last_heading = *section;
        in.bump(line.size());
        return true;
    }
};

// A heading inside a line, where a page lost its line breaks (…。二、主动公开政府信息情况第二十条…).
// Only a section after the one being read: a row label or an enumeration that starts like a
// heading (四、结转下年度继续办理) does not go back.
struct heading_in_line {
    using rule_t = heading_in_line;
    using subs_t = pegtl::empty_list;
    template <apply_mode, rewind_mode, template <typename...> class, template <typename...> class, typename Input>
    static bool match(Input& in, DocumentState& st) {
        const auto& heading = st.inline_headings.at(in.current(), [&] {
            return st.lexicon->inline_heading(std::string_view(in.current(), in.size(0)), st.current_section);
        });
        if (!heading) return false;
        if (!Lexicon::heading_may_follow(std::string_view(st.text_begin, static_cast<std::size_t>(in.current() - st.text_begin))))
            return false;
        st.last_heading = heading->section;
        in.bump(heading->length);
        return true;
    }
};

// After section 六, the site's footer (分享到, 相关附件 …) ends the report, at a line start or,
// on a page without line breaks, after anything but a Han character.
struct page_trailer_start {
    using rule_t = page_trailer_start;
    using subs_t = pegtl::empty_list;
    template <apply_mode, rewind_mode, template <typename...> class, template <typename...> class, typename Input>
    static bool match(Input& in, const DocumentState& st) {
        if (!st.trailer_may_begin()) return false;
        // The markers are short and hold no line break: no need to find the line's end, which on
        // a one-line page would be a scan to the end of the file at every character.
        if (!Lexicon::is_page_chrome(std::string_view(in.current(), in.size(0)))) return false;
        return Lexicon::heading_may_follow(std::string_view(st.text_begin, static_cast<std::size_t>(in.current() - st.text_begin)));
    }
};

// Text up to the next place where a heading or the trailer may begin (Lexicon::next_possible_heading),
// taken in one step: the rules above fail everywhere before it, and asking them at every
// character of the prose was most of the parse. The normalised text is valid UTF-8, so
// utf8::any would have taken it character by character.
struct plain_text {
    using rule_t = plain_text;
    using subs_t = pegtl::empty_list;
    template <apply_mode, rewind_mode, template <typename...> class, template <typename...> class, typename Input>
    static bool match(Input& in, const DocumentState& st) {
        const auto from = static_cast<std::size_t>(in.current() - st.text_begin);
        const std::string_view text(st.text_begin, from + in.size(0));
        const std::size_t next = st.lexicon->next_possible_heading(text, from, st.trailer_may_begin());
        if (next == from) return false;
        in.bump(next - from);
        return true;
    }
};

struct heading : pegtl::sor<heading_line, heading_in_line> {};
struct body_char : pegtl::seq<pegtl::not_at<heading>, pegtl::not_at<page_trailer_start>, pegtl::utf8::any> {};
struct section : pegtl::seq<heading, pegtl::star<pegtl::sor<plain_text, body_char>>> {};
struct preamble : pegtl::star<pegtl::sor<plain_text, pegtl::seq<pegtl::not_at<heading>, pegtl::utf8::any>>> {};
struct trailer : pegtl::star<pegtl::any> {};
struct document : pegtl::seq<preamble, pegtl::star<section>, trailer, pegtl::eof> {};

// ---------------------------------------------------------------------------------------------
// Table: labels are anchors; the values between them form each row's run.

struct separator : pegtl::one<' ', '\n', '|'> {};

// A block title, header label or row label of the table, with its variants (TableLexicon).
struct anchor {
    using rule_t = anchor;
    using subs_t = pegtl::empty_list;
    template <apply_mode, rewind_mode, template <typename...> class, template <typename...> class, typename Input>
    static bool match(Input& in, TableState& st) {
        const auto& m = st.anchors.at(in.current(), [&] { return st.lexicon->match(std::string_view(in.current(), in.size(0))); });
        if (!m) return false;
        st.last_anchor = *m;
        in.bump(m->length);
        return true;
    }
};

// A row label can start with a digit and follow a value with nothing between them:
// 1.属于国家秘密00000002.其他… is the value 0000000 and the label 2.其他…, so a value's digits end
// where a label begins. (The digit is looked at first: it is the cheaper test, and the one that
// fails where a number ends.)
struct value_digit : pegtl::seq<pegtl::at<pegtl::ascii::digit>, pegtl::not_at<anchor>, pegtl::ascii::digit> {};
struct digits : pegtl::plus<value_digit> {};
struct grouped_digits : pegtl::seq<pegtl::rep_min_max<1, 3, pegtl::ascii::digit>,
                                   pegtl::plus<pegtl::one<','>, pegtl::rep<3, pegtl::ascii::digit>>> {};
struct sign : pegtl::one<'+', '-'> {};
struct fraction : pegtl::seq<pegtl::one<'.'>, digits> {};
struct number : pegtl::seq<pegtl::opt<sign>, pegtl::sor<grouped_digits, digits>, pegtl::opt<fraction>> {};
// 万元 亿元 元 万 件 条 项 个, read a character at a time rather than compared as eight strings: the
// grammar tries it after every number.
struct unit : pegtl::sor<pegtl::seq<pegtl::utf8::one<U'万', U'亿'>, pegtl::utf8::one<U'元'>>,
                         pegtl::utf8::one<U'元', U'万', U'件', U'条', U'项', U'个'>> {};
// What reports write for "not filled".
struct placeholder : pegtl::sor<pegtl::plus<pegtl::utf8::one<U'—', U'－', U'–'>>, TAO_PEGTL_STRING("N/A"),
                                TAO_PEGTL_STRING("n/a"), TAO_PEGTL_STRING("无"), pegtl::one<'/', '-', 'X', 'x'>> {};
struct value_end : pegtl::at<pegtl::sor<separator, pegtl::eof, anchor>> {};
struct value : pegtl::seq<pegtl::sor<pegtl::seq<number, pegtl::opt<unit>>, placeholder>, value_end> {};
struct text : pegtl::plus<pegtl::not_at<separator>, pegtl::not_at<anchor>, pegtl::utf8::any> {};

// Page furniture a PDF or Markdown conversion leaves inside a table; it is neither label nor value.
// The page number of a page break, on a line of its own: — 4 —, - 12 -, 第3页, 第3页 共12页.
struct indented_line_start {
    using rule_t = indented_line_start;
    using subs_t = pegtl::empty_list;
    template <apply_mode, rewind_mode, template <typename...> class, template <typename...> class, typename Input>
    static bool match(Input& in, const TableState& st) {
        const char* p = in.current();
        while (p != st.text_begin && p[-1] == ' ') --p;
        return p == st.text_begin || p[-1] == '\n';
    }
};
struct blanks : pegtl::star<pegtl::one<' '>> {};
struct dashes : pegtl::plus<pegtl::sor<pegtl::one<'-'>, pegtl::utf8::one<U'—', U'–', U'－'>>> {};
struct page_of : pegtl::seq<TAO_PEGTL_STRING("第"), blanks, pegtl::plus<pegtl::ascii::digit>, blanks, TAO_PEGTL_STRING("页")> {};
struct page_total : pegtl::seq<TAO_PEGTL_STRING("共"), blanks, pegtl::plus<pegtl::ascii::digit>, blanks, TAO_PEGTL_STRING("页")> {};
struct page_number : pegtl::seq<indented_line_start,
                                pegtl::sor<pegtl::seq<dashes, blanks, pegtl::plus<pegtl::ascii::digit>, blanks, dashes>,
                                           pegtl::seq<page_of, blanks, pegtl::opt<page_total>>>,
                                blanks, pegtl::at<pegtl::sor<pegtl::one<'\n'>, pegtl::eof>>> {};
// The rule under a Markdown table's header: |---|:---:|.
struct markdown_rule : pegtl::seq<pegtl::opt<pegtl::one<':'>>, pegtl::rep_min<3, pegtl::one<'-'>>, pegtl::opt<pegtl::one<':'>>,
                                  pegtl::at<pegtl::sor<separator, pegtl::eof>>> {};
struct furniture : pegtl::sor<page_number, markdown_rule> {};

// Separators are tried first: half the items are runs of them, and nothing else begins with one
// (furniture begins with a dash, a colon or 第; a label's first character is its own).
struct table_item : pegtl::sor<pegtl::plus<separator>, furniture, anchor, value, text> {};
struct table_body : pegtl::seq<pegtl::star<table_item>, pegtl::eof> {};

}  // namespace xxgk::grammar::rules
