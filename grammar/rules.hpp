#pragma once
// The grammar of a report, read top-down like the document. Included only by parser.cpp: PEGTL
// is template-heavy and one translation unit instantiates it once.
//
// The text it reads is normalised (source/normalise.hpp): ASCII punctuation and digits,
// simplified characters, LF line ends. Headings and table anchors come from the template data
// through the Lexicon; the rules here say only how the pieces are arranged.
#include <string_view>
#include <vector>

#include <tao/pegtl.hpp>

#include "lexicon.hpp"

namespace xxgk::grammar::rules {

namespace pegtl = tao::pegtl;
using pegtl::apply_mode;
using pegtl::rewind_mode;

// What the document grammar's actions collect; offsets are into the normalised text.
struct HeadingMatch {
    int number;
    std::size_t begin, end;  // the heading line without its line end
};

struct DocumentState {
    const Lexicon* lexicon;
    const char* text_begin;
    int current_section = 0;  // the section whose body is being read
    std::vector<HeadingMatch> headings;
    std::size_t trailer_begin = std::string_view::npos;
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
};

// ---------------------------------------------------------------------------------------------
// Document: preamble, sections, page trailer.

struct line_content : pegtl::until<pegtl::at<pegtl::eolf>> {};

// A line that announces one of the template's sections (一、总体情况 …), by numeral and keywords.
struct section_heading {
    using rule_t = section_heading;
    using subs_t = pegtl::empty_list;
    template <apply_mode, rewind_mode, template <typename...> class, template <typename...> class, typename Input>
    static bool match(Input& in, const DocumentState& st) {
        const std::string_view rest(in.current(), in.size(0));
        const std::string_view line = rest.substr(0, rest.find('\n'));
        if (!st.lexicon->heading(line)) return false;
        in.bump(line.size());
        return true;
    }
};

// After section 六, the site's footer (分享到, 相关附件 …) ends the report.
struct page_trailer_start {
    using rule_t = page_trailer_start;
    using subs_t = pegtl::empty_list;
    template <apply_mode, rewind_mode, template <typename...> class, template <typename...> class, typename Input>
    static bool match(Input& in, const DocumentState& st) {
        if (st.current_section != 6) return false;
        const std::string_view rest(in.current(), in.size(0));
        return Lexicon::is_page_chrome(rest.substr(0, rest.find('\n')));
    }
};

struct heading_line : pegtl::seq<section_heading, pegtl::eolf> {};
struct text_line : pegtl::seq<pegtl::not_at<pegtl::eof>, line_content, pegtl::eolf> {};
struct body_line : pegtl::seq<pegtl::not_at<heading_line>, pegtl::not_at<page_trailer_start>, text_line> {};
struct section : pegtl::seq<heading_line, pegtl::star<body_line>> {};
struct preamble : pegtl::star<pegtl::not_at<heading_line>, text_line> {};
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
        const auto m = st.lexicon->match(std::string_view(in.current(), in.size(0)));
        if (!m) return false;
        st.last_anchor = *m;
        in.bump(m->length);
        return true;
    }
};

struct digits : pegtl::plus<pegtl::ascii::digit> {};
struct grouped_digits : pegtl::seq<pegtl::rep_min_max<1, 3, pegtl::ascii::digit>,
                                   pegtl::plus<pegtl::one<','>, pegtl::rep<3, pegtl::ascii::digit>>> {};
struct sign : pegtl::one<'+', '-'> {};
struct fraction : pegtl::seq<pegtl::one<'.'>, digits> {};
struct number : pegtl::seq<pegtl::opt<sign>, pegtl::sor<grouped_digits, digits>, pegtl::opt<fraction>> {};
struct unit : pegtl::sor<TAO_PEGTL_STRING("万元"), TAO_PEGTL_STRING("亿元"), TAO_PEGTL_STRING("元"),
                         TAO_PEGTL_STRING("万"), TAO_PEGTL_STRING("件"), TAO_PEGTL_STRING("条"),
                         TAO_PEGTL_STRING("项"), TAO_PEGTL_STRING("个")> {};
// What reports write for "not filled".
struct placeholder : pegtl::sor<pegtl::plus<pegtl::utf8::one<U'—', U'－', U'–'>>, TAO_PEGTL_STRING("N/A"),
                                TAO_PEGTL_STRING("n/a"), TAO_PEGTL_STRING("无"), pegtl::one<'/', '-', 'X', 'x'>> {};
struct value_end : pegtl::at<pegtl::sor<separator, pegtl::eof, anchor>> {};
struct value : pegtl::seq<pegtl::sor<pegtl::seq<number, pegtl::opt<unit>>, placeholder>, value_end> {};
struct text : pegtl::plus<pegtl::not_at<separator>, pegtl::not_at<anchor>, pegtl::utf8::any> {};
struct table_item : pegtl::sor<pegtl::plus<separator>, anchor, value, text> {};
struct table_body : pegtl::seq<pegtl::star<table_item>, pegtl::eof> {};

}  // namespace xxgk::grammar::rules
