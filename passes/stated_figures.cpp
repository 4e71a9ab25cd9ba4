#include "stated_figures.hpp"

#include <algorithm>
#include <unicode/utf8.h>

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

// Table 二 has no identities, but the prose often states its figures. A clause names a column
// by a word of its label that no other column of its block has (制发, 废止, 现行有效).
class DisclosureReader {
public:
    DisclosureReader(const tpl::Table& table, std::optional<int> year) : table_(table), year_(year) {
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

    // The one row a clause names, if it names exactly one and speaks of this year.
    std::optional<std::size_t> row_named(std::string_view clause) const {
        std::optional<std::size_t> row;
        for (std::size_t r = 0; r < table_.rows.size(); ++r) {
            if (!table_.rows[r].numeric || !names(clause, row_words_[r])) continue;
            if (row) return std::nullopt;
            row = r;
        }
        // Asked last, as most clauses name no row.
        return row && !speaks_of_another_time(clause) ? row : std::nullopt;
    }

    // The one column of `row`'s block that `part` names; a block of one column needs no name.
    std::optional<std::size_t> column_named(std::string_view part, std::size_t row) const {
        const auto& words = column_words_[table_.rows[row].block];
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
    std::optional<int> year_;
    std::vector<std::vector<std::string>> row_words_;                  // per row: its label and variants
    std::vector<std::vector<std::vector<std::string>>> column_words_;  // per block, per column
};

// Where the next clause end (, ; : 。 ! ? or a line end) stands at or after `at`, and its length;
// the text's end when none does. One pass: a search for each kind of end would run to the end of
// the text for every clause whenever that kind is missing.
std::pair<std::size_t, std::size_t> next_clause_end(std::string_view s, std::size_t at) {
    constexpr std::string_view kFullStop = "。";
    for (std::size_t i = at; i < s.size(); ++i) {
        switch (s[i]) {
            case ',': case ';': case ':': case '!': case '?': case '\n': return {i, 1};
            default:  // most bytes are of Han characters: the first byte is tested before the call
                if (s[i] == kFullStop.front() && s.substr(i).starts_with(kFullStop)) return {i, kFullStop.size()};
        }
    }
    return {s.size(), 0};
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
    const DisclosureReader reader(table, report.year);
    constexpr std::string_view kPartEnd = "、";
    for (std::size_t at = 0; at < prose.size();) {
        const auto [end, end_length] = next_clause_end(prose, at);
        const std::string_view clause = prose.substr(at, end - at);
        // A clause without a digit states no count: the search for a row it names is skipped.
        const bool has_digit = std::any_of(clause.begin(), clause.end(), is_digit);
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
