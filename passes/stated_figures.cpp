#include "stated_figures.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <unicode/utf8.h>

#include "derived_once.hpp"
#include "lexicon.hpp"
#include "narrative.hpp"

namespace xxgk::passes {

namespace {


bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The two-character words of `label` (folded) that are Han characters.
std::vector<std::string> han_pairs(std::string_view label) {
    std::vector<std::pair<std::size_t, std::size_t>> han;  // byte range of each Han character
    const auto* p = reinterpret_cast<const std::uint8_t*>(label.data());
    const auto n = static_cast<std::int32_t>(label.size());
    for (std::int32_t i = 0; i < n;) {
        const std::int32_t begin = i;
        UChar32 c;
        U8_NEXT_OR_FFFD(p, i, n, c);
        const bool is_han = c >= 0x4E00 && c <= 0x9FFF;
        han.emplace_back(static_cast<std::size_t>(begin), is_han ? static_cast<std::size_t>(i) : 0);
    }
    std::vector<std::string> pairs;
    for (std::size_t k = 0; k + 1 < han.size(); ++k)
        if (han[k].second != 0 && han[k + 1].second != 0)
            pairs.emplace_back(label.substr(han[k].first, han[k + 1].second - han[k].first));
    return pairs;
}

// Table 二 has no identities, but the prose often states its figures. A clause names a row by its
// label or a variant, and a column by a word of its label that no other column of its block has
// (制发, 废止, 现行有效).
class DisclosureWords {
public:
    explicit DisclosureWords(const tpl::Table& table) {
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            row_words_.emplace_back();
            row_words_.back().push_back(grammar::fold(table.rows[r].label));
            for (const auto v : table.rows[r].variants) row_words_.back().push_back(grammar::fold(v));
        }
        for (const auto& block : table.blocks) {
            std::vector<std::string> labels;  // folded
            for (const auto& column : block.columns) labels.push_back(grammar::fold(column.label));
            column_words_.emplace_back();
            for (std::size_t c = 0; c < labels.size(); ++c) {
                const auto shared = [&](const std::string& pair) {
                    for (std::size_t other = 0; other < labels.size(); ++other)
                        if (other != c && labels[other].find(pair) != std::string::npos) return true;
                    return false;
                };
                std::vector<std::string> own;
                for (auto& pair : han_pairs(labels[c]))
                    if (!shared(pair)) own.push_back(std::move(pair));
                column_words_.back().push_back(std::move(own));
            }
        }
    }

    const std::vector<std::string>& of_row(std::size_t row) const { return row_words_[row]; }
    const std::vector<std::vector<std::string>>& of_block(std::size_t block) const { return column_words_[block]; }

private:
    std::vector<std::vector<std::string>> row_words_;                  // per row: its label and variants
    std::vector<std::vector<std::vector<std::string>>> column_words_;  // per block, per column
};

class DisclosureReader {
public:
    DisclosureReader(const tpl::Template& form, const tpl::Table& table, std::optional<int> year)
        : table_(table),
          words_(derived_once(form, table, built_, [](const tpl::Template&, const tpl::Table& t) { return DisclosureWords(t); })),
          year_(year) {}
    DisclosureReader(const DisclosureReader&) = delete;  // words_ may refer to its own built_
    DisclosureReader& operator=(const DisclosureReader&) = delete;

    // The one row a clause names, if it names exactly one and speaks of this year.
    std::optional<std::size_t> row_named(std::string_view clause) const {
        std::optional<std::size_t> row;
        for (std::size_t r = 0; r < table_.rows.size(); ++r) {
            if (!table_.rows[r].numeric || !names(clause, words_.of_row(r))) continue;
            if (row) return std::nullopt;
            row = r;
        }
        // Asked last, as most clauses name no row.
        return row && !speaks_of_another_time(clause) ? row : std::nullopt;
    }

    // The one column of `row`'s block that `part` names; a block of one column needs no name.
    std::optional<std::size_t> column_named(std::string_view part, std::size_t row) const {
        const auto& words = words_.of_block(table_.rows[row].block);
        std::optional<std::size_t> column;
        for (std::size_t c = 0; c < words.size(); ++c) {
            if (words.size() > 1 && !names(part, words[c])) continue;
            if (column) return std::nullopt;
            column = c;
        }
        return column;
    }

private:
    static bool names(std::string_view clause, const std::vector<std::string>& words) {
        return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return clause.find(w) != std::string_view::npos; });
    }

    // A change, a comparison, or a year other than the report's.
    bool speaks_of_another_time(std::string_view clause) const {
        constexpr std::string_view kChange[] = {"同比", "环比", "上年", "去年", "上一年", "增长", "增加", "减少", "下降"};
        if (std::any_of(std::begin(kChange), std::end(kChange), [&](std::string_view w) { return clause.find(w) != std::string_view::npos; }))
            return true;
        for (std::size_t i = 0; i + 4 < clause.size(); ++i) {
            if ((i > 0 && is_digit(clause[i - 1])) || !std::all_of(clause.begin() + static_cast<std::ptrdiff_t>(i),
                                                                   clause.begin() + static_cast<std::ptrdiff_t>(i + 4), is_digit))
                continue;
            if (clause.substr(i + 4).starts_with("年") && (!year_ || std::stoi(std::string(clause.substr(i, 4))) != *year_)) return true;
        }
        return false;
    }

    const tpl::Table& table_;
    std::optional<DisclosureWords> built_;  // declared before words_, which may refer to it
    const DisclosureWords& words_;
    std::optional<int> year_;
};

// A clause of the prose: it ends at the next , ; : 。 ! ? or line end at or after `at` (the text's
// end when there is none), and whether it holds a digit.
struct Clause {
    std::size_t end = 0;     // where its end stands
    std::size_t length = 0;  // the end's length: 0 at the text's end
    bool has_digit = false;
};

constexpr std::string_view kFullStop = "。";

// What a byte of the prose is to next_clause.
enum class ByteClass : std::uint8_t { Other, Digit, ClauseEnd, MaybeFullStop };
constexpr std::array<ByteClass, 256> kByteClasses = [] {
    std::array<ByteClass, 256> classes{};
    for (char c = '0'; c <= '9'; ++c) classes[static_cast<unsigned char>(c)] = ByteClass::Digit;
    for (const char c : {',', ';', ':', '!', '?', '\n'}) classes[static_cast<unsigned char>(c)] = ByteClass::ClauseEnd;
    classes[static_cast<unsigned char>(kFullStop.front())] = ByteClass::MaybeFullStop;
    return classes;
}();

// One pass, which looks at each byte once: a search for each kind of end would run to the end of
// the text for every clause whenever that kind is missing.
Clause next_clause(std::string_view s, std::size_t at) {
    bool has_digit = false;
    for (std::size_t i = at; i < s.size(); ++i) {
        const ByteClass byte = kByteClasses[static_cast<unsigned char>(s[i])];
        if (byte == ByteClass::Other) continue;  // most bytes: tested before the others
        if (byte == ByteClass::Digit) has_digit = true;
        else if (byte == ByteClass::ClauseEnd) return {i, 1, has_digit};
        else if (s.substr(i).starts_with(kFullStop)) return {i, kFullStop.size(), has_digit};
    }
    return {s.size(), 0, has_digit};
}

struct Count {
    std::size_t begin, end;  // the digits in the prose
    std::int64_t value;
};

// The counts of a clause: whole numbers with a count unit (88件, 14571条); not a decimal, not a year.
std::vector<Count> counts_in(std::string_view clause) {
    constexpr std::string_view kUnits[] = {"件", "条", "项", "个", "份"};
    std::vector<Count> counts;
    for (std::size_t i = 0; i < clause.size();) {
        if (!is_digit(clause[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < clause.size() && is_digit(clause[j])) ++j;
        const bool decimal = (i > 0 && clause[i - 1] == '.') || (j < clause.size() && clause[j] == '.');
        const std::string_view after = clause.substr(j);
        const bool unit = std::any_of(std::begin(kUnits), std::end(kUnits), [&](std::string_view u) { return after.starts_with(u); });
        if (!decimal && unit && j - i <= 12) counts.push_back({i, j, std::stoll(std::string(clause.substr(i, j - i)))});
        i = j;
    }
    return counts;
}

}  // namespace

std::vector<StatedFigure> stated_figures(const ast::Report& report, const tpl::Table& table) {
    const ast::Section* overview = report.section(1);
    if (overview == nullptr) return {};
    const auto& map = report.text->map;
    const std::uint32_t begin = map.to_normalised(overview->body.begin), end = map.to_normalised(overview->body.end);
    const std::string_view prose = std::string_view(report.text->text).substr(begin, end > begin ? end - begin : 0);
    const auto span_of = [&](std::size_t b, std::size_t e) {
        return diag::Span{map.to_original_begin(begin + static_cast<std::uint32_t>(b)), map.to_original_end(begin + static_cast<std::uint32_t>(e))};
    };

    std::vector<StatedFigure> figures;
    if (table.kind != tpl::TableKind::ActiveDisclosure) {
        for (const auto& claim : narrative::read_claims(prose, {report.year, false})) {
            const auto stated = narrative::cells_of(claim);
            if (stated.table != table.kind) continue;
            const auto& cells = stated.cells;
            StatedFigure f{{}, claim.value, span_of(claim.begin, claim.end)};
            for (const auto& [row_id, column_id] : cells) {
                const auto row = table.row_index(row_id);
                const auto column = row ? table.column_index(*row, column_id) : std::nullopt;
                if (!column) break;
                f.cells.emplace_back(*row, *column);
            }
            if (f.cells.size() == cells.size()) figures.push_back(std::move(f));
        }
        return figures;
    }

    // A clause that names one row gives a figure for each of its parts (between 、) that holds
    // one count and names one column: "制发规范性文件8件、废止15件、现行有效37件".
    const DisclosureReader reader(*report.form, table, report.year);
    constexpr std::string_view kPartEnd = "、";
    for (std::size_t at = 0; at < prose.size();) {
        const auto [end, end_length, has_digit] = next_clause(prose, at);
        const std::string_view clause = prose.substr(at, end - at);
        // A clause without a digit states no count: the search for a row it names is skipped.
        if (const auto row = has_digit ? reader.row_named(clause) : std::nullopt) {
            for (std::size_t part_at = 0; part_at < clause.size();) {
                const std::size_t part_end = std::min(clause.find(kPartEnd, part_at), clause.size());
                const std::string_view part = clause.substr(part_at, part_end - part_at);
                const auto counts = counts_in(part);
                const auto column = counts.size() == 1 ? reader.column_named(part, *row) : std::nullopt;
                if (column) {
                    const std::size_t b = at + part_at + counts.front().begin, e = at + part_at + counts.front().end;
                    figures.push_back({{{*row, *column}}, counts.front().value, span_of(b, e)});
                }
                part_at = part_end + kPartEnd.size();
            }
        }
        at = end + std::max<std::size_t>(end_length, 1);
    }
    return figures;
}

}  // namespace xxgk::passes
