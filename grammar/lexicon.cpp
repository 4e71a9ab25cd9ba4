#include "lexicon.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <unicode/utf8.h>

#include "normalise.hpp"

namespace xxgk::grammar {

namespace {

// Furniture of the government sites reports are scraped from. After section 六 a line that starts
// with one of these begins the page's footer; nothing after it is report content.
constexpr std::string_view kPageChrome[] = {
    "分享到", "相关附件", "相关新闻", "相关链接", "扫一扫", "打印本页", "【打印】", "[打印]", "关闭窗口", "【关闭】",
    "上一篇", "下一篇", "网站地图", "主办单位", "版权所有", "责任编辑", "附件下载", "相关文章",
};

// Separators that may stand inside a label: a cell that wraps, a label split over two cells.
bool is_separator(char32_t c) { return c == ' ' || c == '\n' || c == '|'; }
constexpr std::size_t kMaxSeparatorRun = 24;  // bytes: a blank line with deep indentation

// Punctuation that reports use interchangeably in labels: 1.属于 / 1、属于; “三安全一稳定” / "…".
char32_t canonical_punct(char32_t c) {
    switch (c) {
        case U'、': case U',': return U'.';
        case U'“': case U'”': return U'"';
        default: return c;
    }
}

std::u32string to_u32(std::string_view s) {
    std::u32string out;
    const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
    const auto n = static_cast<std::int32_t>(s.size());
    std::int32_t i = 0;
    while (i < n) {
        UChar32 c;
        U8_NEXT_OR_FFFD(p, i, n, c);
        if (!is_separator(static_cast<char32_t>(c))) out.push_back(canonical_punct(static_cast<char32_t>(c)));
    }
    return out;
}

std::size_t code_points(std::string_view s) { return source::column_count(s, source::ColumnUnit::Char); }

}  // namespace

std::string fold(std::string_view text) { return source::normalise(text, 0).text; }

TableLexicon::TableLexicon(const tpl::Table& table) : table_(&table) {
    auto add = [&](std::string_view label, ast::ItemKind kind, std::size_t index) {
        anchors_.push_back({to_u32(fold(label)), kind, index});
    };
    for (std::size_t b = 0; b < table.blocks.size(); ++b) {
        const auto& block = table.blocks[b];
        if (!block.title.empty()) add(block.title, ast::ItemKind::BlockTitle, b);
        for (const auto& column : block.columns) {
            add(column.label, ast::ItemKind::HeaderLabel, 0);
            for (const auto v : column.variants) add(v, ast::ItemKind::HeaderLabel, 0);
        }
    }
    for (const auto label : table.header_labels) add(label, ast::ItemKind::HeaderLabel, 0);
    if (!table.values_in_one_run) {
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            add(table.rows[r].label, ast::ItemKind::RowLabel, r);
            for (const auto v : table.rows[r].variants) add(v, ast::ItemKind::RowLabel, r);
        }
    }
    // Longest first; among equals, rows before headers (（七）总计 is a row, 总计 a column).
    std::stable_sort(anchors_.begin(), anchors_.end(), [](const Anchor& a, const Anchor& b) {
        if (a.label.size() != b.label.size()) return a.label.size() > b.label.size();
        return a.kind == ast::ItemKind::RowLabel && b.kind != ast::ItemKind::RowLabel;
    });
}

std::optional<AnchorMatch> TableLexicon::match(std::string_view text) const {
    const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto n = static_cast<std::int32_t>(text.size());
    if (n == 0) return std::nullopt;
    std::int32_t first_end = 0;
    UChar32 first;
    U8_NEXT_OR_FFFD(p, first_end, n, first);
    const char32_t first_char = canonical_punct(static_cast<char32_t>(first));
    for (const auto& anchor : anchors_) {
        if (anchor.label.empty() || anchor.label[0] != first_char) continue;
        std::int32_t i = first_end;
        std::size_t k = 1;
        while (k < anchor.label.size() && i < n) {
            const std::int32_t gap_start = i;
            UChar32 c;
            U8_NEXT_OR_FFFD(p, i, n, c);
            if (is_separator(static_cast<char32_t>(c))) {
                if (static_cast<std::size_t>(i - gap_start) > kMaxSeparatorRun) break;
                while (i < n && is_separator(static_cast<char32_t>(p[i])) &&
                       static_cast<std::size_t>(i - gap_start) <= kMaxSeparatorRun)
                    ++i;
                if (static_cast<std::size_t>(i - gap_start) > kMaxSeparatorRun) break;
                continue;
            }
            if (canonical_punct(static_cast<char32_t>(c)) != anchor.label[k]) break;
            ++k;
        }
        if (k == anchor.label.size()) return AnchorMatch{static_cast<std::size_t>(i), anchor.kind, anchor.index};
    }
    return std::nullopt;
}

Lexicon::Lexicon(const tpl::Template& form) : form_(&form) {
    tables_.reserve(form.tables.size());
    for (const auto& t : form.tables) tables_.emplace_back(t);
}

std::optional<int> Lexicon::heading(std::string_view line) const {
    std::size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '#' || line[i] == '*')) ++i;
    std::string_view rest = line.substr(i);
    for (const auto& section : form_->sections) {
        if (!rest.starts_with(section.numeral)) continue;
        std::string_view title = rest.substr(section.numeral.size());
        // 一、总体情况 / 一.总体情况 / 一 总体情况
        if (title.starts_with("、")) title.remove_prefix(std::string_view("、").size());
        else if (!title.empty() && (title[0] == '.' || title[0] == ',' || title[0] == ' ')) title.remove_prefix(1);
        else return std::nullopt;
        while (!title.empty() && (title.back() == ' ' || title.back() == '*')) title.remove_suffix(1);
        constexpr std::size_t kMaxTitle = 40;  // code points; longer lines are prose that starts with a numeral
        if (title.empty() || code_points(title) > kMaxTitle) return std::nullopt;
        for (const auto& keywords : section.keyword_sets) {
            if (std::all_of(keywords.begin(), keywords.end(),
                            [&](std::string_view k) { return title.find(k) != std::string_view::npos; }))
                return section.number;
        }
        return std::nullopt;
    }
    return std::nullopt;
}

bool Lexicon::is_page_chrome(std::string_view line) {
    while (!line.empty() && (line.front() == ' ' || line.front() == '-')) line.remove_prefix(1);
    return std::any_of(std::begin(kPageChrome), std::end(kPageChrome),
                       [&](std::string_view m) { return line.starts_with(m); });
}

const TableLexicon* Lexicon::table_for_section(int section) const {
    for (const auto& t : tables_)
        if (t.table().section == section) return &t;
    return nullptr;
}

const Lexicon& lexicon_for(const tpl::Template& form) {
    static std::mutex mutex;
    static std::map<const tpl::Template*, Lexicon> built;
    const std::lock_guard lock(mutex);
    auto it = built.find(&form);
    if (it == built.end()) it = built.emplace(&form, Lexicon(form)).first;
    return it->second;
}

}  // namespace xxgk::grammar
