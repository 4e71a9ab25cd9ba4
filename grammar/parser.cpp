#include "parser.hpp"

#include "rules.hpp"

namespace xxgk::grammar {

namespace {

namespace pegtl = tao::pegtl;

template <typename Rule>
struct document_action : pegtl::nothing<Rule> {};

struct push_heading {
    template <typename ActionInput>
    static void apply(const ActionInput& in, rules::DocumentState& st) {
        const auto begin = static_cast<std::size_t>(in.begin() - st.text_begin);
        st.headings.push_back({st.last_heading, begin, begin + in.size()});
        st.current_section = st.last_heading;
    }
};

template <>
struct document_action<rules::heading_line> : push_heading {};
template <>
struct document_action<rules::heading_in_line> : push_heading {};

template <>
struct document_action<rules::trailer> {
    template <typename ActionInput>
    static void apply(const ActionInput& in, rules::DocumentState& st) {
        if (!in.empty()) st.trailer_begin = static_cast<std::size_t>(in.begin() - st.text_begin);
    }
};

template <typename Rule>
struct table_action : pegtl::nothing<Rule> {};

template <>
struct table_action<rules::anchor> {
    template <typename ActionInput>
    static void apply(const ActionInput& in, rules::TableState& st) {
        const auto begin = static_cast<std::size_t>(in.begin() - st.text_begin);
        st.items.push_back({st.last_anchor.kind, begin, begin + in.size(), st.last_anchor.index});
    }
};

template <ast::ItemKind Kind>
struct push_item {
    template <typename ActionInput>
    static void apply(const ActionInput& in, rules::TableState& st) {
        const auto begin = static_cast<std::size_t>(in.begin() - st.text_begin);
        st.items.push_back({Kind, begin, begin + in.size(), 0});
    }
};

template <>
struct table_action<rules::value> : push_item<ast::ItemKind::Value> {};
template <>
struct table_action<rules::text> : push_item<ast::ItemKind::Text> {};

ast::Span to_original(const source::NormalisedText& text, std::size_t begin, std::size_t end) {
    return {text.map.to_original_begin(static_cast<std::uint32_t>(begin)),
            text.map.to_original_end(static_cast<std::uint32_t>(end))};
}

// Trims spaces and line ends from both sides of [begin, end) of the normalised text.
std::pair<std::size_t, std::size_t> trimmed(std::string_view s, std::size_t begin, std::size_t end) {
    while (begin < end && (s[begin] == ' ' || s[begin] == '\n' || s[begin] == '|')) ++begin;
    while (end > begin && (s[end - 1] == ' ' || s[end - 1] == '\n' || s[end - 1] == '|')) --end;
    return {begin, end};
}

ast::Table parse_table(const source::NormalisedText& text, const TableLexicon& lexicon, std::size_t begin,
                       std::size_t end, const std::string& source_name) {
    rules::TableState st{&lexicon, text.text.data(), {}, {}, {}};
    pegtl::memory_input<pegtl::tracking_mode::lazy, pegtl::eol::lf> in(text.text.data() + begin, text.text.data() + end,
                                                                        source_name);
    // The table grammar accepts any valid UTF-8, and the normaliser only produces valid UTF-8.
    pegtl::parse<rules::table_body, table_action>(in, st);
    ast::Table table{lexicon.table().kind, to_original(text, begin, end), {}, {}};
    table.items.reserve(st.items.size());
    // An item neither begins nor ends with a separator, so it needs no trimming: an anchor runs
    // from its label's first character to its last, and values and text hold none. Items come in
    // document order, so a cursor finds their original offsets walking along the map.
    source::OffsetMap::Cursor original(text.map);
    for (const auto& item : st.items) {
        const ast::Span span{original.to_original_begin(static_cast<std::uint32_t>(item.begin)),
                             original.to_original_end(static_cast<std::uint32_t>(item.end))};
        table.items.push_back({item.kind, span, std::string_view(text.text).substr(item.begin, item.end - item.begin), item.index});
    }
    return table;
}

}  // namespace

ast::Report parse(const source::SourceFile& file, const source::NormalisedText& text, const tpl::Template& form) {
    const Lexicon& lexicon = lexicon_for(form);
    rules::DocumentState st{&lexicon, text.text.data(), 0, 0, {}, std::string_view::npos, {}, {}};
    pegtl::memory_input<pegtl::tracking_mode::lazy, pegtl::eol::lf> in(text.text, file.name());
    pegtl::parse<rules::document, document_action>(in, st);

    ast::Report report;
    report.file = &file;
    report.text = &text;
    report.form = &form;
    report.traditional = text.traditional;
    const std::size_t report_end = std::min(st.trailer_begin, text.text.size());
    report.preamble_length = st.headings.empty() ? report_end : st.headings.front().begin;
    if (st.trailer_begin != std::string_view::npos) {
        const auto [tb, te] = trimmed(text.text, st.trailer_begin, text.text.size());
        report.trailer = to_original(text, tb, te);
    }

    for (std::size_t i = 0; i < st.headings.size(); ++i) {
        const auto& h = st.headings[i];
        const std::size_t body_end = i + 1 < st.headings.size() ? st.headings[i + 1].begin : report_end;
        const auto [hb, he] = trimmed(text.text, h.begin, h.end);
        const auto [bb, be] = trimmed(text.text, h.end, body_end);
        report.sections.push_back({h.number, to_original(text, hb, he), text.text.substr(hb, he - hb),
                                   to_original(text, bb, be)});
        if (const TableLexicon* table = lexicon.table_for_section(h.number)) {
            if (report.table(table->table().kind) == nullptr)
                report.tables.push_back(parse_table(text, *table, h.end, body_end, file.name()));
        }
    }
    return report;
}

}  // namespace xxgk::grammar
