#include "lexicon.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <unicode/uchar.h>
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

// OCR confuses one Han character with a similar one (申请 → 申清, 已获取 → 己获取, 公开 → 公幵). A
// label this long is still unmistakable with one such slip; a shorter one is not (结果维持 and
// 结果纠正 differ in two).
constexpr std::size_t kMinSlipLabel = 8;  // code points, separators not counted
bool is_han(char32_t c) { return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_IDEOGRAPHIC) != 0; }

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

constexpr std::size_t kMaxTitle = 40;  // code points; longer lines are prose that starts with a numeral

// What follows an item of a list: 一、总体情况、二、主动公开政府信息情况；…
constexpr std::string_view kListMarks[] = {"、", ",", ";", "。"};

bool has_keywords(const tpl::Section& section, std::string_view title) {
    return std::any_of(section.keyword_sets.begin(), section.keyword_sets.end(), [&](const auto& keywords) {
        return std::all_of(keywords.begin(), keywords.end(),
                           [&](std::string_view k) { return title.find(k) != std::string_view::npos; });
    });
}

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
    for (const auto& a : anchors_)
        if (!a.label.empty()) by_first_[a.label[0]].push_back(&a);
}

std::optional<AnchorMatch> TableLexicon::match(std::string_view text) const {
    const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto n = static_cast<std::int32_t>(text.size());
    if (n == 0) return std::nullopt;
    std::int32_t first_end = 0;
    UChar32 first;
    U8_NEXT_OR_FFFD(p, first_end, n, first);
    const char32_t first_char = canonical_punct(static_cast<char32_t>(first));
    std::optional<AnchorMatch> slipped;  // the longest label read with an OCR slip
    std::size_t slipped_size = 0;
    const auto candidates = by_first_.find(first_char);
    if (candidates == by_first_.end()) return std::nullopt;
    for (const Anchor* a : candidates->second) {
        const Anchor& anchor = *a;
        // A long label read with a slip beats a shorter one read exactly: the truncated variant
        // （二）部分公开 must not cut （二）部分公开（区分处理的…）short.
        if (slipped && anchor.label.size() < slipped_size) break;
        const int allowed = anchor.label.size() >= kMinSlipLabel ? 1 : 0;
        std::int32_t i = first_end;
        std::size_t k = 1;
        int slips = 0;
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
            if (canonical_punct(static_cast<char32_t>(c)) != anchor.label[k]) {
                if (slips == allowed || !is_han(static_cast<char32_t>(c)) || !is_han(anchor.label[k])) break;
                ++slips;
            }
            ++k;
        }
        if (k != anchor.label.size()) continue;
        const AnchorMatch m{static_cast<std::size_t>(i), anchor.kind, anchor.index};
        if (slips == 0) return m;
        if (!slipped) {
            slipped = m;
            slipped_size = anchor.label.size();
        }
    }
    return slipped;
}

Lexicon::Lexicon(const tpl::Template& form) : form_(&form) {
    for (const char c : {' ', '#', '*'}) heading_start_[static_cast<unsigned char>(c)] = true;
    for (const auto& section : form.sections)
        if (!section.numeral.empty()) heading_start_[static_cast<unsigned char>(section.numeral.front())] = true;
    tables_.reserve(form.tables.size());
    for (const auto& t : form.tables) tables_.emplace_back(t);
    auto add_ending = [&](std::string_view title) {
        const std::string folded = fold(title);
        auto end = static_cast<std::int32_t>(folded.size());
        for (int k = 0; k < 2 && end > 0; ++k) {
            UChar32 c;
            U8_PREV_OR_FFFD(reinterpret_cast<const std::uint8_t*>(folded.data()), 0, end, c);
        }
        std::string ending = folded.substr(static_cast<std::size_t>(end));
        if (std::find(title_endings_.begin(), title_endings_.end(), ending) == title_endings_.end())
            title_endings_.push_back(std::move(ending));
    };
    for (const auto& section : form.sections) {
        add_ending(section.title);
        for (const auto v : section.variants) add_ending(v);
    }
}

std::optional<Lexicon::Numbered> Lexicon::numbered(std::string_view text) const {
    if (text.empty() || !heading_start_[static_cast<unsigned char>(text.front())]) return std::nullopt;
    std::size_t i = 0;
    while (i < text.size() && (text[i] == ' ' || text[i] == '#' || text[i] == '*')) ++i;
    const std::string_view rest = text.substr(i);
    if (rest.empty() || !heading_start_[static_cast<unsigned char>(rest.front())]) return std::nullopt;
    for (const auto& section : form_->sections) {
        // The second byte by hand before the whole numeral: most text fails there.
        if (section.numeral.size() > 1 && rest.size() > 1 && rest[1] != section.numeral[1]) continue;
        if (!rest.starts_with(section.numeral)) continue;
        std::string_view title = rest.substr(section.numeral.size());
        // 一、总体情况 / 一.总体情况 / 一 总体情况
        if (title.starts_with("、")) title.remove_prefix(std::string_view("、").size());
        else if (!title.empty() && (title[0] == '.' || title[0] == ',' || title[0] == ' ')) title.remove_prefix(1);
        else return std::nullopt;
        return Numbered{&section, title};
    }
    return std::nullopt;
}

std::optional<int> Lexicon::heading(std::string_view line) const {
    const auto n = numbered(line);
    if (!n) return std::nullopt;
    std::string_view title = n->title;
    while (!title.empty() && (title.back() == ' ' || title.back() == '*')) title.remove_suffix(1);
    if (title.empty() || code_points(title) > kMaxTitle) return std::nullopt;
    if (!has_keywords(*n->section, title)) return std::nullopt;
    return n->section->number;
}

std::optional<InlineHeading> Lexicon::inline_heading(std::string_view text) const {
    const auto n = numbered(text);
    if (!n) return std::nullopt;
    const std::string_view title = n->title;
    const auto* p = reinterpret_cast<const std::uint8_t*>(title.data());
    const auto size = static_cast<std::int32_t>(title.size());
    std::int32_t end = 0;
    for (std::size_t count = 0; end < size && count < kMaxTitle; ++count) {
        UChar32 c;
        U8_NEXT_OR_FFFD(p, end, size, c);
        // A title has no digits and no sentence end: 四、结转下年度继续办理 0000000 四、政府信息公开…
        // is a row label and its values, not a title that runs on to 诉讼情况.
        if (c == '\n' || c == '|' || (c >= '0' && c <= '9') || c == U'。') return std::nullopt;
        const std::string_view stretch = title.substr(0, static_cast<std::size_t>(end));
        const bool ends_like_a_title = std::any_of(title_endings_.begin(), title_endings_.end(),
                                                   [&](const std::string& e) { return stretch.ends_with(e); });
        if (!ends_like_a_title || !has_keywords(*n->section, stretch)) continue;
        // 一、总体情况、二、主动公开…: a list of the parts in the preamble, not a heading.
        const std::string_view after = title.substr(static_cast<std::size_t>(end));
        if (std::any_of(std::begin(kListMarks), std::end(kListMarks), [&](std::string_view m) { return after.starts_with(m); }))
            return std::nullopt;
        return InlineHeading{n->section->number, static_cast<std::size_t>(title.data() - text.data()) + stretch.size()};
    }
    return std::nullopt;
}

bool Lexicon::heading_may_follow(std::string_view before) {
    if (before.empty() || before.back() == '\n') return true;
    auto i = static_cast<std::int32_t>(before.size());
    UChar32 c;
    U8_PREV_OR_FFFD(reinterpret_cast<const std::uint8_t*>(before.data()), 0, i, c);
    return !is_han(static_cast<char32_t>(c));
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
