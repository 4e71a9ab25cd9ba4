#include "lexicon.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <stdexcept>
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
// ASCII first, without asking ICU: digits and punctuation are most of what a label is compared with.
bool is_han(char32_t c) { return c >= 0x80 && u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_IDEOGRAPHIC) != 0; }

// Punctuation that reports use interchangeably in labels: 1.属于 / 1、属于; “三安全一稳定” / "…".
struct PunctVariant {
    char32_t written, canonical;
};
constexpr PunctVariant kPunctVariants[] = {{U'、', U'.'}, {U',', U'.'}, {U'“', U'"'}, {U'”', U'"'}};

char32_t canonical_punct(char32_t c) {
    for (const auto [written, canonical] : kPunctVariants)
        if (c == written) return canonical;
    return c;
}

// The first byte of `c` in UTF-8.
unsigned char lead_byte(char32_t c) {
    std::array<std::uint8_t, U8_MAX_LENGTH> bytes{};
    std::int32_t length = 0;
    U8_APPEND_UNSAFE(bytes.data(), length, c);
    return bytes[0];
}

// The character at `i`, which it moves past, as U8_NEXT_OR_FFFD reads it, with what labels are
// made of read first: ASCII, and the three bytes of U+4000 to U+9FFF (lead bytes E4 to E9, where
// the Han characters are), which U8_NEXT_OR_FFFD takes with any two trail bytes.
UChar32 next_char(const std::uint8_t* bytes, std::int32_t& i, std::int32_t size) {
    const std::uint8_t lead = bytes[i];
    if (lead < 0x80) {
        ++i;
        return lead;
    }
    if (lead >= 0xE4 && lead <= 0xE9 && size - i >= 3 && (bytes[i + 1] & 0xC0) == 0x80 && (bytes[i + 2] & 0xC0) == 0x80) {
        const UChar32 c = (lead & 0x0F) << 12 | (bytes[i + 1] & 0x3F) << 6 | (bytes[i + 2] & 0x3F);
        i += 3;
        return c;
    }
    UChar32 c;
    U8_NEXT_OR_FFFD(bytes, i, size, c);
    return c;
}

// The longest label a TableLexicon takes, in code points, separators not counted: the longest of
// the forms, a header label of 36, with room to spare.
constexpr std::size_t kMaxLabel = 64;

// A text as labels are compared with it: character after character in canonical punctuation,
// with the separators between them skipped; a run of more than kMaxSeparatorRun bytes of them
// ends it. Every label tried reads the same characters, so each is decoded once, and no further
// than the longest reading goes. canonical_punct maps no Han character and to none, so is_han
// of a character read is that of the character in the text.
class LabelReading {
public:
    explicit LabelReading(std::string_view text)
        : bytes_(reinterpret_cast<const std::uint8_t*>(text.data())), size_(static_cast<std::int32_t>(text.size())) {}

    // True when the text has a k-th character (k < kMaxLabel); reads up to it.
    bool read_to(std::size_t k) {
        while (count_ <= k)
            if (!read_next()) return false;
        return true;
    }
    [[nodiscard]] char32_t at(std::size_t k) const { return chars_[k].c; }
    // The byte offset after the k-th character.
    [[nodiscard]] std::size_t end(std::size_t k) const { return static_cast<std::size_t>(chars_[k].end); }

private:
    bool read_next() {
        std::int32_t i = count_ == 0 ? 0 : chars_[count_ - 1].end;
        while (i < size_) {
            const std::int32_t gap_start = i;
            const UChar32 c = next_char(bytes_, i, size_);
            // The first character is what it is: no label starts with a separator.
            if (count_ > 0 && is_separator(static_cast<char32_t>(c))) {
                while (i < size_ && is_separator(bytes_[i]) && static_cast<std::size_t>(i - gap_start) <= kMaxSeparatorRun) ++i;
                if (static_cast<std::size_t>(i - gap_start) > kMaxSeparatorRun) return false;
                continue;
            }
            chars_[count_++] = {canonical_punct(static_cast<char32_t>(c)), i};
            return true;
        }
        return false;
    }

    const std::uint8_t* bytes_;
    std::int32_t size_;
    struct Char {
        char32_t c;
        std::int32_t end;
    };
    std::array<Char, kMaxLabel> chars_;
    std::size_t count_ = 0;
};

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

std::string to_utf8(std::u32string_view s) {
    std::string out(s.size() * U8_MAX_LENGTH, '\0');
    std::int32_t i = 0;
    for (const char32_t c : s) U8_APPEND_UNSAFE(out.data(), i, c);
    out.resize(static_cast<std::size_t>(i));
    return out;
}

// True when `s` has more than `n` code points, counted as column_count counts them, but without
// counting further: a line that starts like a heading can be a whole page.
bool longer_than(std::string_view s, std::size_t n) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
    const auto size = static_cast<std::int32_t>(s.size());
    std::int32_t i = 0;
    for (std::size_t count = 0; i < size; ++count) {
        if (count == n) return true;
        [[maybe_unused]] UChar32 c;
        U8_NEXT_OR_FFFD(p, i, size, c);
    }
    return false;
}

constexpr std::size_t kMaxTitle = 40;  // code points; longer lines are prose that starts with a numeral

// What follows an item of a list: 一、总体情况、二、主动公开政府信息情况；…
constexpr std::string_view kListMarks[] = {"、", ",", ";", "。"};

bool has_keywords(const tpl::Section& section, std::string_view title) {
    return std::any_of(section.keyword_sets.begin(), section.keyword_sets.end(), [&](const auto& keywords) {
        return std::all_of(keywords.begin(), keywords.end(),
                           [&](std::string_view k) { return title.find(k) != std::string_view::npos; });
    });
}

// The two bytes of `text` at `at` as byte << 8 | byte.
std::size_t byte_pair(std::string_view text, std::size_t at) {
    return static_cast<std::size_t>(static_cast<unsigned char>(text[at])) << 8 | static_cast<unsigned char>(text[at + 1]);
}

// What follows a heading's numeral: 一、总体情况 / 一.总体情况 / 一,总体情况 / 一 总体情况
constexpr std::string_view kNumeralSeparators[] = {"、", ".", ",", " "};

// What numbered() and is_page_chrome() skip before a numeral or a marker.
constexpr std::string_view kHeadingMarks = " #*";
constexpr std::string_view kChromeMarks = " -";
constexpr bool is_one_of(char c, std::string_view marks) { return marks.find(c) != std::string_view::npos; }

}  // namespace

std::string fold(std::string_view text) { return source::normalise(text, 0).text; }

TableLexicon::TableLexicon(const tpl::Table& table) : table_(&table) {
    auto add = [&](std::string_view label, ast::ItemKind kind, std::size_t index) {
        std::u32string folded = to_u32(fold(label));
        std::string written = to_utf8(folded);
        anchors_.push_back({std::move(folded), std::move(written), kind, index});
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
    for (const auto& a : anchors_) {
        if (a.label.size() > kMaxLabel) throw std::length_error("a table label longer than kMaxLabel");
        if (a.label.empty()) continue;
        by_first_[a.label[0]].push_back(&a);
        first_bytes_.set(lead_byte(a.label[0]));
        for (const auto [written, canonical] : kPunctVariants)
            if (canonical == a.label[0]) first_bytes_.set(lead_byte(written));
    }
}

std::optional<AnchorMatch> TableLexicon::longest_match(std::string_view text) const {
    LabelReading reading(text);
    if (!reading.read_to(0)) return std::nullopt;
    const auto candidates = by_first_.find(reading.at(0));
    if (candidates == by_first_.end()) return std::nullopt;
    std::optional<AnchorMatch> slipped;  // the longest label read with an OCR slip
    std::size_t slipped_size = 0;
    for (const Anchor* a : candidates->second) {
        const Anchor& anchor = *a;
        // A long label read with a slip beats a shorter one read exactly: the truncated variant
        // （二）部分公开 must not cut （二）部分公开（区分处理的…）short.
        if (slipped && anchor.label.size() < slipped_size) break;
        // The common case without reading characters: the text holds the label as it is written,
        // nothing between its characters and no variant punctuation, which reads with no slip.
        if (text.starts_with(anchor.written)) return AnchorMatch{anchor.written.size(), anchor.kind, anchor.index};
        const int allowed = anchor.label.size() >= kMinSlipLabel ? 1 : 0;
        std::size_t k = 1;
        int slips = 0;
        for (; k < anchor.label.size() && reading.read_to(k); ++k) {
            if (reading.at(k) == anchor.label[k]) continue;
            if (slips == allowed || !is_han(reading.at(k)) || !is_han(anchor.label[k])) break;
            ++slips;
        }
        if (k != anchor.label.size()) continue;
        const AnchorMatch m{reading.end(k - 1), anchor.kind, anchor.index};
        if (slips == 0) return m;
        if (!slipped) {
            slipped = m;
            slipped_size = anchor.label.size();
        }
    }
    return slipped;
}

Lexicon::Openings::Openings() {
    for (unsigned lead = 0; lead < 0x100; ++lead)
        std::fill_n(step.begin() + lead * 0x100, 0x100, static_cast<std::uint8_t>(1 + U8_COUNT_TRAIL_BYTES(lead)));
}

void Lexicon::Openings::add(std::string_view marks, std::string_view tail) {
    if (marks.empty() || tail.size() < kLength) throw std::logic_error("Openings::add: no marks, or a tail shorter than kLength");
    // The first kLength bytes of every run of marks and then the tail; a run of `in_run` marks is
    // a number of `in_run` digits in base marks.size().
    std::size_t runs = 1;
    for (std::size_t in_run = 0; in_run <= kLength; ++in_run, runs *= marks.size()) {
        for (std::size_t run = 0; run < runs; ++run) {
            std::array<char, kLength> start{};
            for (std::size_t i = 0, digits = run; i < kLength; ++i, digits /= marks.size())
                start[i] = i < in_run ? marks[digits % marks.size()] : tail[i - in_run];
            const std::string_view bytes(start.data(), start.size());
            step[byte_pair(bytes, 0)] = 0;
            for (std::size_t i = 1; i + 1 < kLength; ++i) later_pairs[i - 1].set(byte_pair(bytes, i));
        }
    }
}

std::size_t Lexicon::Openings::next(std::string_view text, std::size_t at) const {
    // Nothing opens in the last kLength - 1 bytes: all that opens is longer.
    if (text.size() < kLength || at > text.size() - kLength) return text.size();
    const auto* const bytes = reinterpret_cast<const unsigned char*>(text.data());
    const auto* const last = bytes + text.size() - (kLength - 1);
    const auto pair_at = [](const unsigned char* p) { return static_cast<std::size_t>(p[0]) << 8 | p[1]; };
    for (const auto* p = bytes + at; p < last;) {
        // The hot loop of the document grammar: one look-up per character of the report.
        if (const std::uint8_t length = step[pair_at(p)]; length != 0) {
            p += length;
            continue;
        }
        if (later_pairs[0][pair_at(p + 1)] && later_pairs[1][pair_at(p + 2)]) return static_cast<std::size_t>(p - bytes);
        p += 1 + U8_COUNT_TRAIL_BYTES(p[0]);
    }
    return text.size();
}

Lexicon::Lexicon(const tpl::Template& form) : form_(&form) {
    for (const char c : kHeadingMarks) heading_start_[static_cast<unsigned char>(c)] = true;
    for (const auto& section : form.sections) {
        if (section.numeral.empty()) continue;
        heading_start_[static_cast<unsigned char>(section.numeral.front())] = true;
        for (const std::string_view separator : kNumeralSeparators)
            heading_openings_.add(kHeadingMarks, std::string(section.numeral) + std::string(separator));
    }
    heading_or_trailer_openings_ = heading_openings_;
    for (const std::string_view marker : kPageChrome) heading_or_trailer_openings_.add(kChromeMarks, marker);
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
    while (i < text.size() && is_one_of(text[i], kHeadingMarks)) ++i;
    const std::string_view rest = text.substr(i);
    if (rest.empty() || !heading_start_[static_cast<unsigned char>(rest.front())]) return std::nullopt;
    for (const auto& section : form_->sections) {
        // The second byte by hand before the whole numeral: most text fails there.
        if (section.numeral.size() > 1 && rest.size() > 1 && rest[1] != section.numeral[1]) continue;
        if (!rest.starts_with(section.numeral)) continue;
        const std::string_view title = rest.substr(section.numeral.size());
        for (const std::string_view separator : kNumeralSeparators)
            if (title.starts_with(separator)) return Numbered{&section, title.substr(separator.size())};
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<int> Lexicon::heading(std::string_view line) const {
    const auto n = numbered(line);
    if (!n) return std::nullopt;
    std::string_view title = n->title;
    while (!title.empty() && (title.back() == ' ' || title.back() == '*')) title.remove_suffix(1);
    if (title.empty() || longer_than(title, kMaxTitle)) return std::nullopt;
    if (!has_keywords(*n->section, title)) return std::nullopt;
    return n->section->number;
}

std::optional<InlineHeading> Lexicon::inline_heading(std::string_view text, int after) const {
    const auto n = numbered(text);
    // The numeral decides the section: a table row that starts like an earlier heading
    // (一、本年新收…) is turned away before its title is looked for.
    if (!n || n->section->number <= after) return std::nullopt;
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
        // The last byte first: it rules out most stretches without a call to memcmp.
        const bool ends_like_a_title = std::any_of(title_endings_.begin(), title_endings_.end(), [&](const std::string& e) {
            return stretch.back() == e.back() && stretch.ends_with(e);
        });
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
    while (!line.empty() && is_one_of(line.front(), kChromeMarks)) line.remove_prefix(1);
    return std::any_of(std::begin(kPageChrome), std::end(kPageChrome),
                       [&](std::string_view m) { return line.starts_with(m); });
}

std::size_t Lexicon::next_possible_heading(std::string_view text, std::size_t from, bool trailer_may_begin) const {
    const Openings& openings = trailer_may_begin ? heading_or_trailer_openings_ : heading_openings_;
    for (std::size_t at = openings.next(text, from); at < text.size();
         at = openings.next(text, at + 1 + U8_COUNT_TRAIL_BYTES(static_cast<unsigned char>(text[at])))) {
        // numbered() reads no further than the separator after the numeral, so a heading line
        // (numbered(line)) and an inline heading (numbered(rest)) both need numbered(rest).
        const std::string_view rest = text.substr(at);
        if ((numbered(rest) || (trailer_may_begin && is_page_chrome(rest))) && heading_may_follow(text.substr(0, at)))
            return at;
    }
    return text.size();
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
