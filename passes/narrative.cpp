// Narrative against the tables (XG4001–XG4008): the figures section 一 (and the prose of 三 and
// 四) states about applications, reviews and lawsuits must be the tables' figures, and a 2021
// report whose table 三 shows unpaid fee notices must say something about 信息处理费 in 六.
//
// Reading is deliberately narrow. A figure is a number with a count unit (件, 起, 宗); its subject
// is read from the words of its own clause before it; a sentence about another year, a
// comparison, an approximation or a part of a total gives no claim. A false warning costs the
// reader more than a missed one.
#include "narrative.hpp"

#include <array>

#include "passes.hpp"

namespace xxgk::passes::narrative {

namespace {

bool has(std::string_view s, std::string_view word) { return s.find(word) != std::string_view::npos; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Where the run of digits at `i` ends.
std::size_t digits_end(std::string_view s, std::size_t i) {
    while (i < s.size() && is_digit(s[i])) ++i;
    return i;
}

// A set of bytes, to skip through prose to the next byte that matters (find_first_of compares
// every byte with every member).
class ByteSet {
public:
    constexpr ByteSet() = default;
    constexpr explicit ByteSet(std::string_view bytes) {
        for (const char c : bytes) add(c);
    }
    static constexpr ByteSet all() {
        ByteSet every;
        every.member_.fill(true);
        return every;
    }
    constexpr void add(char c) { member_[static_cast<unsigned char>(c)] = true; }
    [[nodiscard]] constexpr bool contains(char c) const { return member_[static_cast<unsigned char>(c)]; }
    [[nodiscard]] constexpr ByteSet operator|(const ByteSet& other) const {
        ByteSet both = *this;
        for (std::size_t i = 0; i < both.member_.size(); ++i) both.member_[i] = member_[i] || other.member_[i];
        return both;
    }
    // The first position at or after `from` of a member, or the size of `s`.
    [[nodiscard]] std::size_t find_in(std::string_view s, std::size_t from) const {
        while (from < s.size() && !contains(s[from])) ++from;
        return from;
    }

private:
    std::array<bool, 256> member_{};
};

// Words to look for in prose, with the bytes they start with: a Han character shares its first
// byte with thousands of others, and the second byte tells most of them apart, so a position
// where neither fits is passed over without comparing a single word.
template <std::size_t N>
class WordList {
public:
    template <class... Words>
    constexpr explicit WordList(Words... words) : words_{std::string_view(words)...} {
        for (const auto w : words_) {
            first_bytes_.add(w[0]);
            if (w.size() == 1) second_bytes_ = ByteSet::all();  // a one-byte word fits before any byte
            else second_bytes_.add(w[1]);
        }
    }

    [[nodiscard]] constexpr const ByteSet& first_bytes() const { return first_bytes_; }

    // The length of the first of the words that `s` starts with, or 0.
    [[nodiscard]] std::size_t starting(std::string_view s) const { return could_start(s, 0) ? first_match(s) : 0; }

    // The length of the longest of the words that `s` starts with, or 0.
    [[nodiscard]] std::size_t longest_starting(std::string_view s) const {
        if (!could_start(s, 0)) return 0;
        std::size_t longest = 0;
        for (const auto w : words_)
            if (w.size() > longest && starts_with(s, w)) longest = w.size();
        return longest;
    }

    // The first position at or after `from` where one of the words starts, or the size of `s`.
    [[nodiscard]] std::size_t find_in(std::string_view s, std::size_t from = 0) const {
        for (; (from = first_bytes_.find_in(s, from)) < s.size(); ++from)
            if (could_start(s, from) && first_match(s.substr(from)) != 0) return from;
        return s.size();
    }

    [[nodiscard]] bool found_in(std::string_view s) const { return find_in(s) < s.size(); }

    // False when no word can start at `at` of `s`, by its first two bytes.
    [[nodiscard]] bool could_start(std::string_view s, std::size_t at) const {
        return at < s.size() && first_bytes_.contains(s[at]) && (at + 1 == s.size() || second_bytes_.contains(s[at + 1]));
    }

private:
    [[nodiscard]] std::size_t first_match(std::string_view s) const {
        for (const auto w : words_)
            if (starts_with(s, w)) return w.size();
        return 0;
    }

    // The words are a few bytes long: comparing them byte by byte is cheaper than calling memcmp.
    static bool starts_with(std::string_view s, std::string_view word) {
        if (s.size() < word.size()) return false;
        for (std::size_t i = 0; i < word.size(); ++i)
            if (s[i] != word[i]) return false;
        return true;
    }

    std::array<std::string_view, N> words_;
    ByteSet first_bytes_, second_bytes_;
};
template <class... Words>
WordList(Words...) -> WordList<sizeof...(Words)>;

// Sentences end at line ends and table rules (the commonest first) and at 。!?; clauses at , ; :.
constexpr WordList kSentenceEnds("\n", "|", "。", "!", "?");
constexpr ByteSet kClauseEnds(",;:");
constexpr ByteSet kDigits("0123456789");

// Counts of applications, reviews and lawsuits.
constexpr WordList kCountUnits("件", "起", "宗");
// After the unit: approximate (75件左右), a bound (100件以上), person-times (3件次).
constexpr WordList kAfterUnit("左右", "以上", "以下", "之多", "次");

// A clause with one of these does not state a year's total: a change, an approximation, a
// share, an average, a running total, an ordinal, several figures at once.
constexpr WordList kNotATotal("同比", "环比", "增长", "增加", "减少", "下降", "上升", "多出", "约", "近", "超过", "不足",
                              "平均", "每", "累计", "占", "第", "分别");
// A part of a total: "其中…", "包括…", "含…", "涉及…".
constexpr WordList kPart("其中", "包括", "含", "涉及");
// A sentence that compares years states the other year's figures too.
constexpr WordList kComparison("相比", "同比", "环比", "较上年", "较去年", "比上年", "比去年", "较上一年", "比上一年");
// Another year, relative to the report's.
constexpr WordList kOtherYear("去年", "上年", "上一年", "前年", "明年", "下年", "下一年", "次年");
constexpr WordList kNextYear("下年", "下一年", "次年", "明年");
constexpr WordList kPreviousYear("上年", "上一年", "去年");
// Other business that is also received, answered and handled in 件.
constexpr WordList kOtherMatters("留言", "建议", "提案", "信访", "咨询", "来信", "热线", "投诉", "诉求", "工单", "信件",
                                 "举报", "意见", "来电");

constexpr WordList kReceive("收到", "新收", "受理", "接收", "接到");
constexpr WordList kApplication("信息公开申请", "公开申请", "依申请公开", "政府信息的申请", "申请公开");
constexpr WordList kCarry("结转", "转入");
constexpr WordList kHandle("办结", "答复", "办理完毕", "处理完毕");
// Outcomes are rows of their own (（一）予以公开 …), not the total handled.
constexpr WordList kOutcome("予以公开", "部分公开", "不予", "无法提供", "告知");
constexpr WordList kRefusedOrNot("不予", "未");
constexpr WordList kUnfinished("未", "正在", "尚");
constexpr WordList kLitigation("诉讼", "起诉");
constexpr WordList kReviewOrLitigation("复议", "诉讼", "起诉");
constexpr WordList kReviewOrSuit("复议", "诉讼");
// Outcomes of reviews and lawsuits are columns of table 四, not its totals.
constexpr WordList kReviewOutcome("维持", "纠正", "纠错", "撤销", "败诉", "胜诉", "驳回", "确认违法", "审结", "结案",
                                  "尚未", "终止");
constexpr WordList kDisclosure("信息公开", "依申请");
constexpr WordList kFees("处理费", "收费", "费用", "缴费");

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
constexpr WordList kNegations("尚未发生", "尚未出现", "没有发生", "没有出现", "没有收到", "未发生", "未出现", "未收到",
                              "未接到", "未有", "未被", "没有");
// 无 negates only what follows it directly: "无行政复议", but not "无正当理由…申请".
constexpr std::string_view kNone = "无";
constexpr WordList kAfterNone("行政复议", "行政诉讼", "复议", "诉讼");
// The characters negations start with, and 无: a clause without any of them negates nothing.
constexpr WordList kNegationStarts("尚", "没", "未", "无");

// The value of ASCII digits with any thousands separators, too few for an int64 to overflow.
std::int64_t digits_value(std::string_view digits) {
    std::int64_t value = 0;
    for (const char c : digits)
        if (c != ',') value = value * 10 + (c - '0');
    return value;
}

// True when `holds` is true of a year YYYY年 mentioned in `s`.
template <class Predicate>
bool any_year(std::string_view s, Predicate holds) {
    for (std::size_t i = 0; i + 4 < s.size(); ++i) {
        if (i > 0 && is_digit(s[i - 1])) continue;
        if (!(s[i] == '1' || s[i] == '2') || !is_digit(s[i + 1]) || !is_digit(s[i + 2]) || !is_digit(s[i + 3])) continue;
        if (s.substr(i + 4).starts_with("年") && holds(static_cast<int>(digits_value(s.substr(i, 4))))) return true;
    }
    return false;
}

// True when `s` names a year other than the report year and `allowed`.
bool names_another_year(std::string_view s, const Context& context, std::optional<int> allowed = std::nullopt) {
    return any_year(s, [&](int y) { return !context.year || (y != *context.year && y != allowed); });
}

// True when `s` names the year `year`.
bool names_year(std::string_view s, std::optional<int> year) {
    return year && any_year(s, [&](int y) { return y == *year; });
}

struct Figure {
    std::size_t begin, end;  // the digits
    std::size_t unit_end;    // past the unit
    std::int64_t value;
};

// A count at `i` (the first digit of a run): digits with optional thousands groups, then a
// count unit. Not a figure: a decimal, a year, a part of a code (H5), an ordinal (第3件).
std::optional<Figure> figure_at(std::string_view s, std::size_t i) {
    constexpr std::size_t kMaxDigits = 12;
    if (i > 0 && (is_ascii_letter(s[i - 1]) || s[i - 1] == '.')) return std::nullopt;
    std::size_t j = digits_end(s, i);
    std::size_t digits = j - i;
    if (digits <= 3) {
        while (j + 3 < s.size() && s[j] == ',' && is_digit(s[j + 1]) && is_digit(s[j + 2]) && is_digit(s[j + 3]) &&
               (j + 4 == s.size() || !is_digit(s[j + 4]))) {
            digits += 3;
            j += 4;
        }
    }
    if (digits > kMaxDigits) return std::nullopt;
    std::size_t k = j;
    if (k < s.size() && s[k] == ' ') ++k;
    const std::size_t unit = kCountUnits.starting(s.substr(k));
    if (unit == 0 || kAfterUnit.starting(s.substr(k + unit)) != 0) return std::nullopt;
    return Figure{i, j, k + unit, digits_value(s.substr(i, j - i))};
}

// False when digits that end at `end` cannot be a figure's: it would go on with a thousands
// group or a count unit, perhaps after a space.
bool group_or_unit_at(std::string_view s, std::size_t end) {
    if (end < s.size() && s[end] == ',') return true;
    if (end < s.size() && s[end] == ' ') ++end;
    return end < s.size() && kCountUnits.first_bytes().contains(s[end]);
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

struct Negation {
    std::size_t at, length;
};

// The negation of a clause: the earliest of kNegations (the longest of those starting there),
// unless the clause's first 无 comes before it and is followed by 复议 or 诉讼. Neither is found
// before `from`, where the first character any of them starts with is.
std::optional<Negation> negation_in(std::string_view clause, std::size_t from) {
    Negation found{kNegations.find_in(clause, from), 0};
    if (found.at < clause.size()) found.length = kNegations.longest_starting(clause.substr(found.at));
    if (const auto p = clause.find(kNone, from);
        p != std::string_view::npos && p < found.at && kAfterNone.starting(clause.substr(p + kNone.size())) != 0)
        found = {p, kNone.size()};
    if (found.at == clause.size()) return std::nullopt;
    return found;
}

// True when a figure starts at a digit of the clause, the first of a run or not (2件 in a12件).
bool has_figure(std::string_view clause) {
    for (std::size_t i = 0; i < clause.size(); ++i) {
        if (!is_digit(clause[i])) continue;
        // Every digit of a run is followed by what follows the run.
        const std::size_t run_end = digits_end(clause, i);
        if (group_or_unit_at(clause, run_end))
            for (; i < run_end; ++i)
                if (figure_at(clause, i)) return true;
        i = run_end;
    }
    return false;
}

bool mentions_disclosure(std::string_view sentence) { return kDisclosure.found_in(sentence); }

// "共办理行政复议120件，其中涉及信息公开5件": the figure before is of more than disclosure.
bool followed_by_disclosure_part(std::string_view after) {
    const auto part = after.find("其中");
    return part != std::string_view::npos && mentions_disclosure(after.substr(part));
}

class ClaimReader {
public:
    ClaimReader(std::string_view prose, const Context& context) : s_(prose), context_(context) {}

    // One pass over the prose: the sentence and clause ends, the figures and the characters a
    // negation starts with are found by the same skip through its bytes.
    std::vector<Claim> run() {
        for (std::size_t i = 0; (i = next_mark(i)) < s_.size();) i = read_mark(i);
        end_clause(s_.size());
        return std::move(claims_);
    }

private:
    // The first bytes of what the reader stops at.
    static constexpr ByteSet kMarks =
        kDigits | kClauseEnds | kSentenceEnds.first_bytes() | kNegationStarts.first_bytes();

    // The first position at or after `i` with a byte of kMarks, passing over the first bytes of
    // characters that no negation starts with, as their second byte tells (such first bytes
    // begin a third of the Han characters).
    std::size_t next_mark(std::size_t i) const {
        while ((i = kMarks.find_in(s_, i)) < s_.size() && kNegationStarts.first_bytes().contains(s_[i]) &&
               !kNegationStarts.could_start(s_, i))
            ++i;
        return i;
    }

    // Reads what starts at `i`, a byte of kMarks, and returns where to go on.
    std::size_t read_mark(std::size_t i) {
        const char c = s_[i];
        if (kDigits.contains(c)) return read_number(i);
        if (kNegationStarts.first_bytes().contains(c)) {
            if (!negation_start_ && kNegationStarts.starting(s_.substr(i)) != 0) negation_start_ = i;
        } else if (kClauseEnds.contains(c)) {
            end_clause(i);
            begin_clause(i + 1);
        } else if (const std::size_t length = sentence_end_length(i)) {
            end_clause(i);
            begin_sentence(i + length);
            return i + length;
        }
        return i + 1;
    }

    // The length of the sentence end at `i`, or 0.
    std::size_t sentence_end_length(std::size_t i) const { return kSentenceEnds.starting(s_.substr(i)); }

    void begin_sentence(std::size_t at) {
        sentence_begin_ = at;
        sentence_end_.reset();
        parent_.reset();
        begin_clause(at);
    }

    void begin_clause(std::size_t at) {
        clause_begin_ = lead_begin_ = at;
        negation_start_.reset();
    }

    // Only a clause with a character some negation starts with can hold one.
    void end_clause(std::size_t end) {
        if (negation_start_) read_negation(clause_begin_, *negation_start_, end);
    }

    // The current sentence, found to its end only when a figure or a negation needs what follows.
    std::string_view sentence() {
        if (!sentence_end_) sentence_end_ = kSentenceEnds.find_in(s_, sentence_begin_);
        return s_.substr(sentence_begin_, *sentence_end_ - sentence_begin_);
    }

    // The digits at `i`: a figure, read as a claim if it is one, or digits skipped.
    std::size_t read_number(std::size_t i) {
        const std::size_t run_end = digits_end(s_, i);
        // Most digits (a table's cells) are followed by neither a thousands group nor a unit.
        if (!group_or_unit_at(s_, run_end)) return run_end;
        // A figure is digits, ',', ' ' and a count unit, and what may follow the unit has no
        // sentence end either: it is the same in the whole prose as in its sentence.
        const auto figure = figure_at(s_, i);
        if (!figure) return run_end;
        const std::string_view sentence = this->sentence();
        const std::size_t sentence_end = sentence_begin_ + sentence.size();
        read_figure(*figure, s_.substr(lead_begin_, i - lead_begin_), s_.substr(sentence_begin_, i - sentence_begin_),
                    s_.substr(figure->unit_end, sentence_end - figure->unit_end), sentence);
        lead_begin_ = figure->unit_end;
        return figure->unit_end;
    }

    // One figure: `lead` is its clause up to it (from the previous figure on), `before` its
    // sentence up to it, `after` the rest of its sentence.
    void read_figure(const Figure& f, std::string_view lead, std::string_view before, std::string_view after,
                     std::string_view sentence) {
        const std::optional<Quantity> quantity = total_of(lead, before, after, sentence);
        if (const auto word = applicant_word(lead); word && !kReviewOrLitigation.found_in(lead)) {
            // A breakdown belongs to the total its sentence just stated, or to the total of its own clause.
            const std::optional<Quantity> of = quantity ? quantity : parent_;
            if (of && !kNotATotal.found_in(lead) && !names_another_year(before, context_) &&
                (*of == Quantity::Received || *of == Quantity::CarriedOver || *of == Quantity::Handled ||
                 *of == Quantity::CarriedForward))
                claims_.push_back({*of, word->applicants, f.value, false, f.begin, f.end, word->word});
            return;
        }
        parent_ = quantity;
        if (quantity) claims_.push_back({*quantity, std::nullopt, f.value, false, f.begin, f.end, {}});
    }

    // The table total a figure states, from the words of its clause; nothing when in doubt.
    std::optional<Quantity> total_of(std::string_view lead, std::string_view before, std::string_view after,
                                     std::string_view sentence) const {
        if (kNotATotal.found_in(lead) || kComparison.found_in(before) || kOtherMatters.found_in(lead))
            return std::nullopt;
        const bool carry = kCarry.found_in(lead);
        if (carry && !kReviewOrSuit.found_in(lead)) {
            const std::optional<int> next = context_.year ? std::optional(*context_.year + 1) : std::nullopt;
            const std::optional<int> previous = context_.year ? std::optional(*context_.year - 1) : std::nullopt;
            if (kNextYear.found_in(lead) || names_year(lead, next))
                return names_another_year(before, context_, next) ? std::nullopt : std::optional(Quantity::CarriedForward);
            const auto at = lead.find("结转");
            if (at != std::string_view::npos && (kPreviousYear.found_in(lead.substr(0, at)) || names_year(lead, previous)))
                return names_another_year(before, context_, previous) ? std::nullopt : std::optional(Quantity::CarriedOver);
            return std::nullopt;
        }
        if (kOtherYear.found_in(lead) || names_another_year(before, context_)) return std::nullopt;
        if (kPart.found_in(lead)) return std::nullopt;
        // "共收到申请75件(含上年结转1件)": the parenthesis qualifies the total.
        if (after.starts_with("(")) return std::nullopt;
        const bool review = has(lead, "复议"), litigation = kLitigation.found_in(lead);
        if (review || litigation) {
            if (review == litigation || kReviewOutcome.found_in(lead)) return std::nullopt;
            if (!context_.disclosure_section && !mentions_disclosure(sentence)) return std::nullopt;
            if (followed_by_disclosure_part(after)) return std::nullopt;
            return review ? Quantity::Review : Quantity::Litigation;
        }
        if (kReceive.found_in(lead) && kApplication.found_in(lead) && !kRefusedOrNot.found_in(lead))
            return followed_by_disclosure_part(after) ? std::nullopt : std::optional(Quantity::Received);
        if (kHandle.found_in(lead) && has(before, "申请") && !kOutcome.found_in(lead) &&
            !kUnfinished.found_in(lead))
            return Quantity::Handled;
        return std::nullopt;
    }

    // A clause that says nothing happened: "未收到公开政府信息的申请", "未发生行政复议、行政诉讼".
    // `negation_start` is the clause's first character of kNegationStarts. The words after the
    // negation are read first: most clauses with a negation (table 三's 没有现成信息…, 尚未审结)
    // say nothing of applications, reviews or lawsuits, and the sentence before them, as long as
    // a table on one line, is then not read at all.
    void read_negation(std::size_t begin, std::size_t negation_start, std::size_t end) {
        const std::string_view clause = s_.substr(begin, end - begin);
        const auto negation = negation_in(clause, negation_start - begin);
        if (!negation) return;
        const auto [at, length] = *negation;
        const std::string_view rest = clause.substr(at + length);
        const bool review = has(rest, "复议"), litigation = kLitigation.found_in(rest);
        if (review || litigation) {
            if (kReviewOutcome.found_in(rest) || kOtherMatters.found_in(rest)) return;
        } else {
            // "未收到…申请": the verb is the negation's own (未收到) or follows it (没有 + 接到).
            const bool receive = kReceive.found_in(clause.substr(at, length)) || kReceive.starting(rest) != 0;
            if (!receive || !kApplication.found_in(rest) || kOtherMatters.found_in(rest) || kPart.found_in(rest)) return;
        }
        if (has_figure(clause)) return;  // a clause with figures states them
        const std::string_view before = s_.substr(sentence_begin_, begin + at - sentence_begin_);
        if (kComparison.found_in(before) || names_another_year(before, context_) || kOtherYear.found_in(clause)) return;
        const std::size_t span_begin = begin + at, span_end = begin + at + length;
        if (review || litigation) {
            if (!context_.disclosure_section && !mentions_disclosure(sentence())) return;
            if (review) claims_.push_back({Quantity::Review, std::nullopt, 0, true, span_begin, span_end, {}});
            if (litigation) claims_.push_back({Quantity::Litigation, std::nullopt, 0, true, span_begin, span_end, {}});
            return;
        }
        claims_.push_back({Quantity::Received, std::nullopt, 0, true, span_begin, span_end, {}});
    }

    std::string_view s_;
    const Context& context_;
    std::vector<Claim> claims_;
    std::size_t sentence_begin_ = 0, clause_begin_ = 0;
    std::size_t lead_begin_ = 0;                // where the words of the next figure's subject begin
    std::optional<std::size_t> sentence_end_;   // once sentence() has looked for it
    std::optional<Quantity> parent_;            // the row the sentence's latest total stated
    std::optional<std::size_t> negation_start_;  // the clause's first character a negation starts with
};

}  // namespace

std::vector<Claim> read_claims(std::string_view prose, const Context& context) {
    return ClaimReader(prose, context).run();
}

bool mentions_fees(std::string_view prose) { return kFees.found_in(prose); }

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

std::string_view normalised_body(const ast::Report& report, const ast::Section& section) {
    const auto& map = report.text->map;
    const auto begin = map.to_normalised_at_or_after(section.body.begin), end = map.to_normalised_at_or_after(section.body.end);
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
