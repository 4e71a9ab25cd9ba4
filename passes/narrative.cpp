// Narrative against the tables (XG4001–XG4008): the figures section 一 (and the prose of 三 and
// 四) states about applications, reviews and lawsuits must be the tables' figures, and a 2021
// report whose table 三 shows unpaid fee notices must say something about 信息处理费 in 六.
//
// Reading is deliberately narrow. A figure is a number with a count unit (件, 起, 宗); its subject
// is read from the words of its own clause before it; a sentence about another year, a
// comparison, an approximation or a part of a total gives no claim. A false warning costs the
// reader more than a missed one.
#include "narrative.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <span>

#include "passes.hpp"

namespace xxgk::passes::narrative {

namespace {

using Words = std::span<const std::string_view>;

bool has(std::string_view s, std::string_view word) { return s.find(word) != std::string_view::npos; }
bool has_any(std::string_view s, Words words) {
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return has(s, w); });
}
bool has_any(std::string_view s, std::initializer_list<std::string_view> words) {
    return has_any(s, Words(words.begin(), words.size()));
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The length of the word of `words` that `s` starts with, or 0. Called at every byte of the prose,
// so the first byte is compared before the rest is.
std::size_t starts_with_any(std::string_view s, Words words) {
    if (s.empty()) return 0;
    for (const auto w : words)
        if (w.front() == s.front() && s.starts_with(w)) return w.size();
    return 0;
}
std::size_t starts_with_any(std::string_view s, std::initializer_list<std::string_view> words) {
    return starts_with_any(s, Words(words.begin(), words.size()));
}

// A set of bytes, to skip through prose to the next byte that matters (find_first_of compares
// every byte with every member).
class ByteSet {
public:
    constexpr explicit ByteSet(std::string_view bytes) {
        for (const char c : bytes) member_[static_cast<unsigned char>(c)] = true;
    }
    // The bytes at `at` of `words` (Han characters share their first byte with thousands of
    // others: the second tells them apart).
    constexpr ByteSet(Words words, std::size_t at) {
        for (const auto w : words) member_[static_cast<unsigned char>(w[at])] = true;
    }
    [[nodiscard]] constexpr bool contains(char c) const { return member_[static_cast<unsigned char>(c)]; }
    // The first position at or after `from` of a member, or the size of `s`.
    [[nodiscard]] std::size_t find_in(std::string_view s, std::size_t from) const {
        while (from < s.size() && !contains(s[from])) ++from;
        return from;
    }

private:
    std::array<bool, 256> member_{};
};

// Sentences end at 。!? and at line ends and table rules; clauses at , ; :.
constexpr std::string_view kSentenceEnds[] = {"。", "!", "?", "\n", "|"};
constexpr ByteSet kSentenceEndStarts("\xE3!?\n|");  // their first bytes
constexpr ByteSet kClauseEnds(",;:");

// Counts of applications, reviews and lawsuits.
constexpr std::string_view kCountUnits[] = {"件", "起", "宗"};
// After the unit: approximate (75件左右), a bound (100件以上), person-times (3件次).
constexpr std::string_view kAfterUnit[] = {"左右", "以上", "以下", "之多", "次"};

// A clause with one of these does not state a year's total: a change, an approximation, a
// share, an average, a running total, an ordinal, several figures at once.
constexpr std::string_view kNotATotal[] = {"同比", "环比", "增长", "增加", "减少", "下降", "上升", "多出", "约", "近",
                                           "超过", "不足", "平均", "每", "累计", "占", "第", "分别"};
// A part of a total: "其中…", "包括…", "含…", "涉及…".
constexpr std::string_view kPart[] = {"其中", "包括", "含", "涉及"};
// A sentence that compares years states the other year's figures too.
constexpr std::string_view kComparison[] = {"相比", "同比", "环比", "较上年", "较去年", "比上年", "比去年", "较上一年",
                                            "比上一年"};
// Another year, relative to the report's.
constexpr std::string_view kOtherYear[] = {"去年", "上年", "上一年", "前年", "明年", "下年", "下一年", "次年"};
// Other business that is also received, answered and handled in 件.
constexpr std::string_view kOtherMatters[] = {"留言", "建议", "提案", "信访", "咨询", "来信", "热线", "投诉", "诉求",
                                              "工单", "信件", "举报", "意见", "来电"};

constexpr std::string_view kReceive[] = {"收到", "新收", "受理", "接收", "接到"};
constexpr std::string_view kApplication[] = {"信息公开申请", "公开申请", "依申请公开", "政府信息的申请", "申请公开"};
constexpr std::string_view kHandle[] = {"办结", "答复", "办理完毕", "处理完毕"};
// Outcomes are rows of their own (（一）予以公开 …), not the total handled.
constexpr std::string_view kOutcome[] = {"予以公开", "部分公开", "不予", "无法提供", "告知"};
constexpr std::string_view kLitigation[] = {"诉讼", "起诉"};
// Outcomes of reviews and lawsuits are columns of table 四, not its totals.
constexpr std::string_view kReviewOutcome[] = {"维持", "纠正", "纠错", "撤销", "败诉", "胜诉", "驳回", "确认违法",
                                               "审结", "结案", "尚未", "终止"};

struct ApplicantWord {
    std::string_view word;
    Applicants applicants;
};
// Longest first, so that 法人或其他组织 is not read as 法人.
constexpr std::array<ApplicantWord, 9> kApplicantWords = {{
    {"法人或其他组织", Applicants::LegalPersons},
    {"法人和其他组织", Applicants::LegalPersons},
    {"法人及其他组织", Applicants::LegalPersons},
    {"社会公益组织", Applicants::PublicWelfare},
    {"法律服务机构", Applicants::LegalService},
    {"商业企业", Applicants::Commercial},
    {"科研机构", Applicants::Research},
    {"自然人", Applicants::Natural},
    {"法人", Applicants::LegalPersons},
}};

// Negations before a subject: "未收到…申请", "未发生行政复议", "未被提起行政诉讼".
constexpr std::string_view kNegations[] = {"尚未发生", "尚未出现", "没有发生", "没有出现", "没有收到", "未发生",
                                           "未出现", "未收到", "未接到", "未有", "未被", "没有"};

// The years YYYY年 mentioned in `s`.
std::vector<int> years_in(std::string_view s) {
    std::vector<int> years;
    for (std::size_t i = 0; i + 4 < s.size(); ++i) {
        if (i > 0 && is_digit(s[i - 1])) continue;
        if (!(s[i] == '1' || s[i] == '2') || !is_digit(s[i + 1]) || !is_digit(s[i + 2]) || !is_digit(s[i + 3])) continue;
        if (s.substr(i + 4).starts_with("年")) years.push_back(std::stoi(std::string(s.substr(i, 4))));
    }
    return years;
}

// True when `s` names a year other than the report year and `allowed`.
bool names_another_year(std::string_view s, const Context& context, std::optional<int> allowed = std::nullopt) {
    for (const int y : years_in(s))
        if (!context.year || (y != *context.year && y != allowed)) return true;
    return false;
}

struct Figure {
    std::size_t begin, end;  // the digits
    std::size_t unit_end;    // past the unit
    std::int64_t value;
};

// A count at `i` (the first digit of a run): digits with optional thousands groups, then a
// count unit. Not a figure: a decimal, a year, a part of a code (H5), an ordinal (第3件).
std::optional<Figure> figure_at(std::string_view s, std::size_t i) {
    if (i > 0 && (is_ascii_letter(s[i - 1]) || s[i - 1] == '.')) return std::nullopt;
    std::size_t j = i;
    while (j < s.size() && is_digit(s[j])) ++j;
    std::string digits(s.substr(i, j - i));
    if (j - i <= 3) {
        while (j + 3 < s.size() && s[j] == ',' && is_digit(s[j + 1]) && is_digit(s[j + 2]) && is_digit(s[j + 3]) &&
               (j + 4 == s.size() || !is_digit(s[j + 4]))) {
            digits += s.substr(j + 1, 3);
            j += 4;
        }
    }
    if (digits.size() > 12) return std::nullopt;
    std::size_t k = j;
    if (k < s.size() && s[k] == ' ') ++k;
    const std::size_t unit = starts_with_any(s.substr(k), kCountUnits);
    if (unit == 0) return std::nullopt;
    if (starts_with_any(s.substr(k + unit), kAfterUnit) != 0) return std::nullopt;
    return Figure{i, j, k + unit, std::stoll(digits)};
}

// The applicant words nearest before the figure, if the clause names any.
std::optional<ApplicantWord> applicant_word(std::string_view lead) {
    std::optional<ApplicantWord> nearest;
    std::size_t at = 0;
    for (const auto& w : kApplicantWords) {
        const auto p = lead.rfind(w.word);
        if (p == std::string_view::npos) continue;
        // A shorter word inside a longer one found at the same place (法人 in 法人或其他组织) loses.
        if (!nearest || p > at) {
            nearest = w;
            at = p;
        }
    }
    return nearest;
}

bool mentions_disclosure(std::string_view sentence) { return has_any(sentence, {"信息公开", "依申请"}); }

// "共办理行政复议120件，其中涉及信息公开5件": the figure before is of more than disclosure.
bool followed_by_disclosure_part(std::string_view after) {
    const auto part = after.find("其中");
    return part != std::string_view::npos && mentions_disclosure(after.substr(part));
}

class ClaimReader {
public:
    ClaimReader(std::string_view prose, const Context& context) : s_(prose), context_(context) {}

    std::vector<Claim> run() {
        std::size_t begin = 0;
        while (begin < s_.size()) {
            std::size_t end = begin;
            std::size_t end_length = 0;
            while ((end = kSentenceEndStarts.find_in(s_, end)) < s_.size() &&
                   (end_length = starts_with_any(s_.substr(end), kSentenceEnds)) == 0)
                ++end;
            read_sentence(begin, end);
            begin = end + std::max<std::size_t>(end_length, 1);
        }
        return std::move(claims_);
    }

private:
    void read_sentence(std::size_t begin, std::size_t end) {
        const std::string_view sentence = s_.substr(begin, end - begin);
        std::optional<Quantity> parent;  // the row the sentence's latest total stated
        std::size_t clause = begin, lead_begin = begin;
        // Only clause ends and digits matter here: skip to the next of either.
        static constexpr ByteSet kClauseEndsAndDigits(",;:0123456789");
        const std::string_view upto = s_.substr(0, end);
        for (std::size_t i = begin; (i = kClauseEndsAndDigits.find_in(upto, i)) < end;) {
            if (kClauseEnds.contains(s_[i])) {
                read_negation(begin, clause, i, sentence);
                clause = lead_begin = i + 1;
                ++i;
                continue;
            }
            const auto figure = figure_at(s_.substr(0, end), i);
            if (!figure) {
                while (i < end && is_digit(s_[i])) ++i;
                continue;
            }
            read_figure(*figure, s_.substr(lead_begin, i - lead_begin), s_.substr(begin, i - begin),
                        s_.substr(figure->unit_end, end - figure->unit_end), sentence, parent);
            lead_begin = i = figure->unit_end;
        }
        read_negation(begin, clause, end, sentence);
    }

    // One figure: `lead` is its clause up to it (from the previous figure on), `before` its
    // sentence up to it, `after` the rest of its sentence.
    void read_figure(const Figure& f, std::string_view lead, std::string_view before, std::string_view after,
                     std::string_view sentence, std::optional<Quantity>& parent) {
        const std::optional<Quantity> quantity = total_of(lead, before, after, sentence);
        if (const auto word = applicant_word(lead); word && !has_any(lead, {"复议", "诉讼", "起诉"})) {
            // A breakdown belongs to the total its sentence just stated, or to the total of its own clause.
            const std::optional<Quantity> of = quantity ? quantity : parent;
            if (of && !has_any(lead, kNotATotal) && !names_another_year(before, context_) &&
                (*of == Quantity::Received || *of == Quantity::CarriedOver || *of == Quantity::Handled ||
                 *of == Quantity::CarriedForward))
                claims_.push_back({*of, word->applicants, f.value, false, f.begin, f.end, word->word});
            return;
        }
        parent = quantity;
        if (quantity) claims_.push_back({*quantity, std::nullopt, f.value, false, f.begin, f.end, {}});
    }

    // The table total a figure states, from the words of its clause; nothing when in doubt.
    std::optional<Quantity> total_of(std::string_view lead, std::string_view before, std::string_view after,
                                     std::string_view sentence) const {
        if (has_any(lead, kNotATotal) || has_any(before, kComparison) || has_any(lead, kOtherMatters))
            return std::nullopt;
        const bool carry = has_any(lead, {"结转", "转入"});
        if (carry && !has_any(lead, {"复议", "诉讼"})) {
            const std::optional<int> next = context_.year ? std::optional(*context_.year + 1) : std::nullopt;
            const std::optional<int> previous = context_.year ? std::optional(*context_.year - 1) : std::nullopt;
            const auto lead_years = years_in(lead);
            auto names = [&](std::optional<int> y) { return y && std::count(lead_years.begin(), lead_years.end(), *y) > 0; };
            if (has_any(lead, {"下年", "下一年", "次年", "明年"}) || names(next))
                return names_another_year(before, context_, next) ? std::nullopt : std::optional(Quantity::CarriedForward);
            const auto at = lead.find("结转");
            if (at != std::string_view::npos && (has_any(lead.substr(0, at), {"上年", "上一年", "去年"}) || names(previous)))
                return names_another_year(before, context_, previous) ? std::nullopt : std::optional(Quantity::CarriedOver);
            return std::nullopt;
        }
        if (has_any(lead, kOtherYear) || names_another_year(before, context_)) return std::nullopt;
        if (has_any(lead, kPart)) return std::nullopt;
        // "共收到申请75件(含上年结转1件)": the parenthesis qualifies the total.
        if (after.starts_with("(")) return std::nullopt;
        const bool review = has(lead, "复议"), litigation = has_any(lead, kLitigation);
        if (review || litigation) {
            if (review == litigation || has_any(lead, kReviewOutcome)) return std::nullopt;
            if (!context_.disclosure_section && !mentions_disclosure(sentence)) return std::nullopt;
            if (followed_by_disclosure_part(after)) return std::nullopt;
            return review ? Quantity::Review : Quantity::Litigation;
        }
        if (has_any(lead, kReceive) && has_any(lead, kApplication) && !has_any(lead, {"不予", "未"}))
            return followed_by_disclosure_part(after) ? std::nullopt : std::optional(Quantity::Received);
        if (has_any(lead, kHandle) && has(before, "申请") && !has_any(lead, kOutcome) &&
            !has_any(lead, {"未", "正在", "尚"}))
            return Quantity::Handled;
        return std::nullopt;
    }

    // A clause that says nothing happened: "未收到公开政府信息的申请", "未发生行政复议、行政诉讼".
    void read_negation(std::size_t sentence_begin, std::size_t begin, std::size_t end, std::string_view sentence) {
        const std::string_view clause = s_.substr(begin, end - begin);
        // Most clauses hold no negation, which one pass over them tells: every one of kNegations
        // starts with 尚, 没 or 未 (kNone is 无).
        static constexpr std::string_view kNegationStarts[] = {"尚", "没", "未", "无"};
        static constexpr ByteSet kFirstBytes(kNegationStarts, 0), kSecondBytes(kNegationStarts, 1);
        std::size_t first = 0;
        while ((first = kFirstBytes.find_in(clause, first)) < clause.size() &&
               (first + 1 == clause.size() || !kSecondBytes.contains(clause[first + 1]) ||
                starts_with_any(clause.substr(first), kNegationStarts) == 0))
            ++first;
        if (first == clause.size()) return;
        for (std::size_t i = 0; i < clause.size(); ++i)
            if (is_digit(clause[i]) && figure_at(clause, i)) return;  // a clause with figures states them
        std::size_t at = std::string_view::npos, length = 0;
        for (const auto n : kNegations) {
            const auto p = clause.find(n);
            if (p != std::string_view::npos && (p < at || (p == at && n.size() > length))) {
                at = p;
                length = n.size();
            }
        }
        // 无 negates only what follows it directly: "无行政复议", but not "无正当理由…申请".
        constexpr std::string_view kNone = "无";
        if (const auto p = clause.find(kNone);
            p != std::string_view::npos && p < at &&
            starts_with_any(clause.substr(p + kNone.size()), {"行政复议", "行政诉讼", "复议", "诉讼"}) != 0) {
            at = p;
            length = kNone.size();
        }
        if (at == std::string_view::npos) return;
        const std::string_view before = s_.substr(sentence_begin, begin + at - sentence_begin);
        if (has_any(before, kComparison) || names_another_year(before, context_) || has_any(clause, kOtherYear)) return;
        const std::string_view rest = clause.substr(at + length);
        const std::size_t span_begin = begin + at, span_end = begin + at + length;
        const bool review = has(rest, "复议"), litigation = has_any(rest, kLitigation);
        if (review || litigation) {
            if (has_any(rest, kReviewOutcome) || has_any(rest, kOtherMatters)) return;
            if (!context_.disclosure_section && !mentions_disclosure(sentence)) return;
            if (review) claims_.push_back({Quantity::Review, std::nullopt, 0, true, span_begin, span_end, {}});
            if (litigation) claims_.push_back({Quantity::Litigation, std::nullopt, 0, true, span_begin, span_end, {}});
            return;
        }
        // "未收到…申请": the verb is the negation's own (未收到) or follows it (没有 + 接到).
        const bool receive = has_any(clause.substr(at, length), kReceive) || starts_with_any(rest, kReceive) != 0;
        if (receive && has_any(rest, kApplication) && !has_any(rest, kOtherMatters) && !has_any(rest, kPart))
            claims_.push_back({Quantity::Received, std::nullopt, 0, true, span_begin, span_end, {}});
    }

    std::string_view s_;
    const Context& context_;
    std::vector<Claim> claims_;
};

}  // namespace

std::vector<Claim> read_claims(std::string_view prose, const Context& context) {
    return ClaimReader(prose, context).run();
}

bool mentions_fees(std::string_view prose) { return has_any(prose, {"处理费", "收费", "费用", "缴费"}); }

namespace {

std::vector<std::string_view> columns_of(std::optional<Applicants> applicants) {
    if (!applicants) return {"total"};
    switch (*applicants) {
        case Applicants::Natural: return {"natural"};
        case Applicants::LegalPersons: return {"commercial", "research", "public_welfare", "legal_service", "other_org"};
        case Applicants::Commercial: return {"commercial"};
        case Applicants::Research: return {"research"};
        case Applicants::PublicWelfare: return {"public_welfare"};
        case Applicants::LegalService: return {"legal_service"};
    }
    return {};
}

}  // namespace

StatedCells cells_of(const Claim& claim) {
    auto applications = [&](std::string_view row) {
        StatedCells s{tpl::TableKind::Applications, {}};
        for (const auto column : columns_of(claim.applicants)) s.cells.emplace_back(row, column);
        return s;
    };
    switch (claim.quantity) {
        case Quantity::Received: return applications("1");
        case Quantity::CarriedOver: return applications("2");
        case Quantity::Handled: return applications("3.7");
        case Quantity::CarriedForward: return applications("4");
        case Quantity::Review: return {tpl::TableKind::ReviewLitigation, {{"review", "total"}}};
        case Quantity::Litigation:
            return {tpl::TableKind::ReviewLitigation, {{"lit_direct", "total"}, {"lit_after_review", "total"}}};
    }
    return {};
}


}  // namespace xxgk::passes::narrative

namespace xxgk::passes {

namespace {

using narrative::Applicants;
using narrative::Claim;
using narrative::Quantity;

// Where the normalised text of original offset `original` begins (the map is monotonic).
std::uint32_t normalised_offset(const source::OffsetMap& map, std::uint32_t original) {
    std::uint32_t lo = 0, hi = map.normalised_size();
    while (lo < hi) {
        const std::uint32_t mid = lo + (hi - lo) / 2;
        if (map.to_original_begin(mid) < original) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

std::string_view normalised_body(const ast::Report& report, const ast::Section& section) {
    const auto& map = report.text->map;
    const auto begin = normalised_offset(map, section.body.begin), end = normalised_offset(map, section.body.end);
    return std::string_view(report.text->text).substr(begin, end > begin ? end - begin : 0);
}

// Numbers and labels of a table, which prose checks must not read as prose.
bool inside_table(const ast::Report& report, diag::Span span) {
    auto overlaps = [&](diag::Span s) { return s.begin < span.end && span.begin < s.end; };
    for (const auto& table : report.tables) {
        for (const auto& item : table.items)
            if (item.kind != ast::ItemKind::Text && overlaps(item.span)) return true;
        for (const auto& cell : table.cells)
            if (overlaps(cell.span)) return true;
    }
    return false;
}

diag::Code code_of(const Claim& claim) {
    if (claim.applicants) return diag::Code::XG4005;
    switch (claim.quantity) {
        case Quantity::Received: return diag::Code::XG4001;
        case Quantity::CarriedOver: return diag::Code::XG4002;
        case Quantity::Handled: return diag::Code::XG4003;
        case Quantity::CarriedForward: return diag::Code::XG4004;
        case Quantity::Review: return diag::Code::XG4006;
        case Quantity::Litigation: return diag::Code::XG4007;
    }
    return diag::Code::XG4001;
}

// The headline of a claim that nothing happened.
std::optional<diag::NoteId> none_headline(const Claim& claim) {
    if (!claim.none) return std::nullopt;
    switch (claim.quantity) {
        case Quantity::Received: return diag::NoteId::none_received;
        case Quantity::Review: return diag::NoteId::none_review;
        case Quantity::Litigation: return diag::NoteId::none_litigation;
        default: return std::nullopt;
    }
}

const ast::Cell* cell_at(const ast::Report& report, tpl::TableKind kind, std::string_view row_id,
                        std::string_view column_id) {
    const ast::Table* table = report.table(kind);
    const tpl::Table& spec = *report.form->table(kind);
    const auto row = spec.row_index(row_id);
    if (table == nullptr || !row) return nullptr;
    const auto column = spec.column_index(*row, column_id);
    if (!column) return nullptr;
    for (const auto& cell : table->cells)
        if (cell.row == *row && cell.column == *column) return &cell;
    return nullptr;
}

void compare(ast::Report& report, const Claim& claim, diag::Span at) {
    const narrative::StatedCells stated = narrative::cells_of(claim);
    std::vector<const ast::Cell*> cells;
    std::int64_t total = 0;
    for (const auto& [row, column] : stated.cells) {
        const ast::Cell* cell = cell_at(report, stated.table, row, column);
        // A missing or unfilled cell has its own diagnostic; the text cannot be checked against it.
        if (cell == nullptr || !cell->value || !cell->value->is_integer()) return;
        cells.push_back(cell);
        total += cell->value->mantissa;
    }
    if (total == claim.value) return;
    const auto& spec = *report.form->table(stated.table);
    std::vector<std::string> args{std::to_string(claim.value), std::to_string(total)};
    if (claim.applicants)
        args = {std::to_string(claim.value), std::string(claim.subject),
                row_label(report, stated.table, cells.front()->row), std::to_string(total)};
    auto d = diag::make(code_of(claim), at, std::move(args));
    d.headline = none_headline(claim);
    for (const auto* cell : cells)
        d.related.push_back({cell->span, diag::NoteId::term_value,
                             {row_label(report, stated.table, cell->row),
                              std::string(spec.columns_of(cell->row)[cell->column].label), cell->value->to_string()}});
    report.diagnostics.push_back(std::move(d));
}

// 2021 table 三 row 3.6.2 counts applications dropped because a fee notice went unpaid: the
// report charges 信息处理费, which section 六 must report (国办函〔2020〕109号). Whether any fee
// was in the end collected the table cannot say, so only silence is a finding.
void check_fee_reporting(ast::Report& report) {
    const ast::Cell* unpaid = cell_at(report, tpl::TableKind::Applications, "3.6.2", "total");
    const ast::Section* other_matters = report.section(6);
    if (unpaid == nullptr || !unpaid->value || unpaid->value->mantissa <= 0 || other_matters == nullptr) return;
    const std::string_view body = normalised_body(report, *other_matters);
    if (narrative::mentions_fees(body)) return;
    auto d = diag::make(diag::Code::XG4008, unpaid->span, {unpaid->value->to_string()});
    d.related.push_back({other_matters->heading, diag::NoteId::previous_section, {"六"}});
    report.diagnostics.push_back(std::move(d));
}

}  // namespace

void check_narrative(ast::Report& report) {
    if (report.sections.empty()) return;
    for (const auto& section : report.sections) {
        // Section 一 summarises the year; 三 and 四 may say in words what their tables hold.
        if (section.number != 1 && section.number != 3 && section.number != 4) continue;
        const std::string_view prose = normalised_body(report, section);
        const auto offset = static_cast<std::uint32_t>(prose.data() - report.text->text.data());
        for (const auto& claim : narrative::read_claims(prose, {report.year, section.number == 4})) {
            const diag::Span at{report.text->map.to_original_begin(offset + static_cast<std::uint32_t>(claim.begin)),
                                report.text->map.to_original_end(offset + static_cast<std::uint32_t>(claim.end))};
            if (!inside_table(report, at)) compare(report, claim, at);
        }
    }
    check_fee_reporting(report);
}

}  // namespace xxgk::passes
