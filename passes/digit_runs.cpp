#include "digit_runs.hpp"

#include <algorithm>
#include <numeric>

namespace xxgk::passes::digit_runs {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

constexpr std::size_t kMaxDigits = 18;  // more digits than a 64-bit count holds

// The part of an item that can be cut: a sign, digits and points. What follows is its unit.
std::size_t number_length(std::string_view item) {
    std::size_t i = 0;
    if (i < item.size() && (item[i] == '+' || item[i] == '-')) ++i;
    while (i < item.size() && (is_digit(item[i]) || item[i] == '.')) ++i;
    return i;
}

// Whether `text` is a number of `kind` written the way reports write one, and its value: no
// leading zero but in a lone 0 (or 0.5 in an amount), a fraction only in an amount, a sign only
// on a change.
struct Spelling {
    bool valid = false;
    std::optional<std::int64_t> value;
};

Spelling spell(std::string_view text, tpl::ValueKind kind) {
    bool negative = false;
    if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
        if (kind != tpl::ValueKind::SignedCount) return {};
        negative = text[0] == '-';
        text.remove_prefix(1);
    }
    const std::string_view whole = text.substr(0, static_cast<std::size_t>(std::find_if_not(text.begin(), text.end(), is_digit) - text.begin()));
    if (whole.empty() || whole.size() > kMaxDigits) return {};
    if (whole.size() > 1 && whole[0] == '0') return {};
    if (whole.size() < text.size()) {  // what follows the digits must be a point and a fraction
        const std::string_view fraction = text.substr(whole.size() + 1);
        if (text[whole.size()] != '.' || kind != tpl::ValueKind::Money || fraction.empty() ||
            !std::all_of(fraction.begin(), fraction.end(), is_digit))
            return {};
        return {true, std::nullopt};
    }
    std::int64_t value = 0;
    for (const char c : whole) value = value * 10 + (c - '0');
    return {true, negative ? -value : value};
}

// Σ coefficient · value, or nothing when a term has no whole value (an amount with a fraction).
template <typename ValueOf>
std::optional<__int128> residual(const std::vector<Equation::Term>& terms, const ValueOf& value_of) {
    __int128 sum = 0;  // wide: a few dozen 18-digit values cannot overflow it
    for (const auto& t : terms) {
        const std::optional<std::int64_t> v = value_of(t.slot);
        if (!v) return std::nullopt;
        sum += static_cast<__int128>(t.coefficient) * *v;
    }
    return sum;
}

// Every cut of one run, depth first, pruned by the identities that lie within it.
class RunCutter {
public:
    static constexpr std::size_t kOutside = SIZE_MAX;  // a slot's position when it is not in the run

    // `position` maps every slot of the problem to kOutside. It is scratch that the cutters of one
    // problem share, so that each run does not fill a map of the whole table: the cutter marks its
    // run's slots in it while it looks for the identities within the run, and clears them again.
    RunCutter(const Problem& problem, const Run& run, Limits limits, std::vector<std::size_t>& position)
        : problem_(problem), run_(run), limits_(limits), bytes_after_(run.items.size() + 1, 0) {
        for (std::size_t i = run.items.size(); i-- > 0;) bytes_after_[i] = bytes_after_[i + 1] + number_length(run.items[i]);
        for (std::size_t k = 0; k < run.slots.size(); ++k) position[run.slots[k]] = k;
        for (const auto& eq : problem.identities) add_check(eq, position);
        for (const auto slot : run.slots) position[slot] = kOutside;
        current_.reserve(run.slots.size());
    }

    Readings run() {
        cut(0, 0);
        return {std::move(found_), complete_};
    }

private:
    // An identity whose slots are all in the run or known, checked once its last slot in the run
    // is cut. The known slots never change, so their share of the sum is added up here once. Its
    // operands in the run are operands_[first, end).
    struct Check {
        std::size_t last;  // the position of its last slot in the run
        std::size_t first, end;
        __int128 known_sum = 0;  // Σ coefficient · value over the known slots
    };
    struct ByLast {
        bool operator()(const Check& check, std::size_t k) const { return check.last < k; }
        bool operator()(std::size_t k, const Check& check) const { return k < check.last; }
    };
    struct Operand {
        std::size_t position;  // in the run
        int coefficient;
    };

    void add_check(const Equation& eq, const std::vector<std::size_t>& position) {
        const auto in_run = [&](const Equation::Term& t) { return position[t.slot] != kOutside; };
        // An identity with an unknown slot outside the run cannot be weighed by the run alone (most
        // are of other rows, and fail at their first term), and one with no slot in the run is not
        // the run's to keep.
        if (!std::all_of(eq.terms.begin(), eq.terms.end(), [&](const Equation::Term& t) { return in_run(t) || problem_.known[t.slot]; }) ||
            std::none_of(eq.terms.begin(), eq.terms.end(), in_run))
            return;
        Check check{0, operands_.size(), operands_.size()};
        for (const auto& t : eq.terms) {
            if (in_run(t)) {
                operands_.push_back({position[t.slot], t.coefficient});
                check.last = std::max(check.last, position[t.slot]);
            } else {
                check.known_sum += static_cast<__int128>(t.coefficient) * *problem_.known[t.slot];
            }
        }
        check.end = operands_.size();
        // Kept in order of the position where each is checked, and of one position in the order of
        // the identities: inserted after those checked at its position or before.
        checks_.insert(std::upper_bound(checks_.begin(), checks_.end(), check.last, ByLast{}), check);
    }

    void cut(std::size_t item, std::size_t offset) {
        const std::size_t k = current_.size(), slots = run_.slots.size(), items = run_.items.size();
        if (k == slots || item == items) {
            if (k == slots && item == items) found_.push_back(current_);
            return;
        }
        if (++steps_ > limits_.max_steps) {
            complete_ = false;
            return;
        }
        const std::size_t slots_after = slots - k - 1, items_after = items - item - 1;
        const std::size_t length = bytes_after_[item] - bytes_after_[item + 1];
        for (std::size_t end = offset + 1; end <= length && complete_; ++end) {
            const bool item_ends = end == length;
            // Every later slot needs a byte, and every later item a slot.
            if (bytes_after_[item + 1] + (length - end) < slots_after) break;
            if (slots_after < items_after + (item_ends ? 0 : 1)) continue;
            if (end - offset > kMaxDigits + 2) break;
            const Spelling s = spell(run_.items[item].substr(offset, end - offset), problem_.kinds[run_.slots[k]]);
            if (!s.valid) continue;
            current_.push_back({item, offset, item_ends ? run_.items[item].size() : end, s.value});
            if (keeps_identities(k)) cut(item_ends ? item + 1 : item, item_ends ? 0 : end);
            current_.pop_back();
        }
    }

    // Like `residual` of the whole identity: one with an amount's fraction among its terms cannot
    // be weighed and stands.
    bool keeps_identities(std::size_t k) const {
        const auto [begin, end] = std::equal_range(checks_.begin(), checks_.end(), k, ByLast{});
        return std::all_of(begin, end, [&](const Check& check) {
            __int128 sum = check.known_sum;
            for (std::size_t o = check.first; o < check.end; ++o) {
                const Operand& operand = operands_[o];
                const std::optional<std::int64_t>& value = current_[operand.position].value;
                if (!value) return true;
                sum += static_cast<__int128>(operand.coefficient) * *value;
            }
            return sum == 0;
        });
    }

    const Problem& problem_;
    const Run& run_;
    Limits limits_;
    std::vector<Check> checks_;             // by Check::last, then in the order of the identities
    std::vector<Operand> operands_;
    std::vector<std::size_t> bytes_after_;  // per item: bytes to cut from it on (those of its number, then of the later items)
    Reading current_;
    std::vector<Reading> found_;
    std::size_t steps_ = 0;
    bool complete_ = true;
};

// Runs tied together by identities, chosen together.
class Combiner {
public:
    Combiner(const Problem& problem, const std::vector<Readings>& options, const FigureReader& read_figures, Limits limits)
        : problem_(problem), options_(options), read_figures_(read_figures), limits_(limits), owner_(problem.kinds.size()) {
        for (std::size_t r = 0; r < options.size(); ++r) {
            if (!choosable(r)) continue;
            for (std::size_t k = 0; k < problem.runs[r].slots.size(); ++k) owner_[problem.runs[r].slots[k]] = {r, k};
        }
        group_.resize(options.size());
        std::iota(group_.begin(), group_.end(), 0);
        std::vector<std::size_t> slots, runs;
        for (const auto& eq : problem.identities) {
            slots.clear();
            for (const auto& t : eq.terms) slots.push_back(t.slot);
            if (!runs_of(slots, runs) || runs.size() < 2) continue;  // unknown operands, or checked within its run
            links_.push_back({&eq.terms, runs});
            for (const auto r : runs) group_[root(r)] = root(runs.front());
        }
    }

    std::vector<Decision> run() {
        std::vector<Decision> decisions(options_.size());
        std::vector<std::pair<std::size_t, std::size_t>> grouped;  // root, run: by group, then by run
        for (std::size_t r = 0; r < options_.size(); ++r) {
            if (choosable(r)) {
                grouped.emplace_back(root(r), r);
                continue;
            }
            auto& d = decisions[r];
            d.complete = options_[r].complete;
            d.count = options_[r].list.size();
            d.kind = d.count == 0 && d.complete ? Decision::Kind::Unreadable : Decision::Kind::Ambiguous;
            list(d, options_[r].list);
        }
        std::sort(grouped.begin(), grouped.end());
        std::vector<std::size_t> runs;
        for (std::size_t i = 0; i < grouped.size(); ++i) {
            runs.push_back(grouped[i].second);
            if (i + 1 < grouped.size() && grouped[i + 1].first == grouped[i].first) continue;
            decide_group(runs, decisions);
            runs.clear();
        }
        return decisions;
    }

private:
    struct Link {
        const std::vector<Equation::Term>* terms;
        std::vector<std::size_t> runs;
    };
    using Choice = std::vector<std::size_t>;  // per run of the group: the index of its reading

    bool choosable(std::size_t r) const { return options_[r].complete && !options_[r].list.empty(); }

    std::size_t root(std::size_t r) {
        while (group_[r] != r) r = group_[r] = group_[group_[r]];
        return r;
    }

    // The choosable runs `slots` fall in, into `runs`; false when a slot is neither in such a run nor known.
    bool runs_of(const std::vector<std::size_t>& slots, std::vector<std::size_t>& runs) const {
        runs.clear();
        for (const auto slot : slots) {
            if (!owner_[slot]) {
                if (!problem_.known[slot]) return false;
                continue;
            }
            // A run's slots tend to come together (a row's identity lies within its run): added once.
            if (runs.empty() || runs.back() != owner_[slot]->first) runs.push_back(owner_[slot]->first);
        }
        std::sort(runs.begin(), runs.end());
        runs.erase(std::unique(runs.begin(), runs.end()), runs.end());
        return true;
    }

    // Depth first over the group's runs; a link is evaluated once its last run is chosen, and a
    // branch that already fails more links than the best combination so far is cut.
    struct Search {
        const Combiner& self;
        const std::vector<std::size_t>& runs;
        std::vector<std::vector<const Link*>> due;  // per position: links whose last run it is
        Choice choice;
        std::vector<Choice> best;
        std::size_t best_failures = SIZE_MAX;
        std::size_t steps = 0;
        bool complete = true;

        std::optional<std::int64_t> value(std::size_t slot) const {
            if (const auto& o = self.owner_[slot]) {
                const auto at = static_cast<std::size_t>(std::find(runs.begin(), runs.end(), o->first) - runs.begin());
                return self.options_[o->first].list[choice[at]][o->second].value;
            }
            return self.problem_.known[slot];
        }

        void go(std::size_t at, std::size_t failures) {
            if (at == runs.size()) {
                if (failures < best_failures) {
                    best.clear();
                    best_failures = failures;
                }
                if (best.size() < self.limits_.max_combinations) best.push_back(choice);
                else complete = false;
                return;
            }
            for (std::size_t o = 0; o < self.options_[runs[at]].list.size() && complete; ++o) {
                if (++steps > self.limits_.max_steps) {
                    complete = false;
                    return;
                }
                choice[at] = o;
                std::size_t f = failures;
                for (const Link* link : due[at]) {
                    const auto r = residual(*link->terms, [&](std::size_t slot) { return value(slot); });
                    if (r && *r != 0) ++f;
                }
                if (f <= best_failures) go(at + 1, f);
            }
        }
    };

    void decide_group(const std::vector<std::size_t>& runs, std::vector<Decision>& decisions) const {
        Search search{*this, runs, std::vector<std::vector<const Link*>>(runs.size()), Choice(runs.size(), 0), {}};
        for (const auto& link : links_) {
            if (std::find(runs.begin(), runs.end(), link.runs.front()) == runs.end()) continue;
            const auto last = std::find(runs.begin(), runs.end(), link.runs.back()) - runs.begin();
            search.due[static_cast<std::size_t>(last)].push_back(&link);
        }
        search.go(0, 0);
        if (search.best.empty()) {  // the search gave up before it saw one whole combination
            for (const auto r : runs) undecided(decisions[r], options_[r].list);
            return;
        }

        // Among the combinations that keep the most identities, those that agree with the most
        // figures. The figures are read only when there is a choice to make.
        const std::vector<Choice> by_identities = std::move(search.best);
        std::vector<std::size_t> weighable;  // the figures over the group's runs
        std::vector<Choice> by_figures;
        if (by_identities.size() > 1) {
            weighable = figures_within(runs);
            by_figures = most_agreeing(by_identities, weighable, search);
        }
        const std::vector<Choice>& kept = by_identities.size() > 1 ? by_figures : by_identities;
        for (std::size_t at = 0; at < runs.size(); ++at) {
            auto& d = decisions[runs[at]];
            const auto& own = options_[runs[at]].list;
            if (!search.complete && own.size() > 1) {
                undecided(d, own);
                continue;
            }
            const auto distinct = readings_at(kept, at);
            d.count = distinct.size();
            if (distinct.size() > 1) {
                d.kind = Decision::Kind::Ambiguous;
                // As list() would keep them, without copying the readings it leaves out.
                for (std::size_t i = 0; i < std::min(distinct.size(), limits_.max_listed); ++i) d.readings.push_back(own[distinct[i]]);
                continue;
            }
            d.kind = Decision::Kind::Read;
            d.readings = {own[distinct.front()]};
            if (varies_at(by_identities, at)) {
                search.choice = kept.front();
                for (const auto f : agreeing_figures(weighable, search))
                    if (touches(figures()[f], problem_.runs[runs[at]])) d.figures.push_back(f);
            }
        }
    }

    std::vector<Choice> most_agreeing(const std::vector<Choice>& choices, const std::vector<std::size_t>& weighable, Search& search) const {
        std::vector<Choice> kept;
        std::size_t most = 0;
        for (const auto& c : choices) {
            search.choice = c;
            const std::size_t agree = agreeing_figures(weighable, search).size();
            if (kept.empty() || agree > most) {
                kept.clear();
                most = agree;
            }
            if (agree == most) kept.push_back(c);
        }
        return kept;
    }

    // A run the search could not settle: all its own readings stand.
    void undecided(Decision& d, const std::vector<Reading>& readings) const {
        d.complete = false;
        d.count = readings.size();
        d.kind = readings.size() == 1 ? Decision::Kind::Read : Decision::Kind::Ambiguous;
        list(d, readings);
    }

    // Whether the choices take more than one reading of the run at `at`: readings_at(…).size() > 1.
    static bool varies_at(const std::vector<Choice>& choices, std::size_t at) {
        return std::any_of(choices.begin(), choices.end(), [&](const Choice& c) { return c[at] != choices.front()[at]; });
    }

    static std::vector<std::size_t> readings_at(const std::vector<Choice>& choices, std::size_t at) {
        std::vector<std::size_t> distinct;
        for (const auto& c : choices) distinct.push_back(c[at]);
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        return distinct;
    }

    // The figures over the group's runs (and known slots): those a choice of their readings can agree with.
    std::vector<std::size_t> figures_within(const std::vector<std::size_t>& runs) const {
        std::vector<std::size_t> within, in;
        const std::vector<Figure>& all = figures();
        for (std::size_t f = 0; f < all.size(); ++f) {
            if (runs_of(all[f].slots, in) && !in.empty() &&
                std::all_of(in.begin(), in.end(), [&](std::size_t r) { return std::find(runs.begin(), runs.end(), r) != runs.end(); }))
                within.push_back(f);
        }
        return within;
    }

    // The figures among `weighable` that the search's choice agrees with.
    std::vector<std::size_t> agreeing_figures(const std::vector<std::size_t>& weighable, const Search& search) const {
        std::vector<std::size_t> agreeing;
        for (const auto f : weighable) {
            const Figure& figure = figures()[f];
            __int128 sum = 0;
            bool whole = true;
            for (const auto slot : figure.slots) {
                const auto v = search.value(slot);
                if (!v) whole = false;
                else sum += *v;
            }
            if (whole && sum == figure.value) agreeing.push_back(f);
        }
        return agreeing;
    }

    static bool touches(const Figure& figure, const Run& run) {
        return std::any_of(figure.slots.begin(), figure.slots.end(), [&](std::size_t slot) {
            return std::find(run.slots.begin(), run.slots.end(), slot) != run.slots.end();
        });
    }

    void list(Decision& d, const std::vector<Reading>& readings) const {
        const auto n = std::min(readings.size(), limits_.max_listed);
        d.readings.assign(readings.begin(), readings.begin() + static_cast<std::ptrdiff_t>(n));
    }

    // Read on first use: most tables never need them, and reading the prose costs more than the search.
    const std::vector<Figure>& figures() const {
        if (figures_ == nullptr) figures_ = &read_figures_();
        return *figures_;
    }

    const Problem& problem_;
    const std::vector<Readings>& options_;
    const FigureReader& read_figures_;
    mutable const std::vector<Figure>* figures_ = nullptr;
    Limits limits_;
    std::vector<std::optional<std::pair<std::size_t, std::size_t>>> owner_;  // slot → run, position
    std::vector<std::size_t> group_;                                        // union-find over runs
    std::vector<Link> links_;                                               // identities across runs
};

}  // namespace

std::size_t capacity(std::string_view item) {
    const std::size_t length = number_length(item);
    if (item.substr(length).find(',') != std::string_view::npos) return 0;  // thousands separators: one number
    return static_cast<std::size_t>(std::count_if(item.begin(), item.begin() + static_cast<std::ptrdiff_t>(length), is_digit));
}

Readings readings(const Problem& problem, const Run& run, Limits limits) {
    std::vector<std::size_t> position(problem.kinds.size(), RunCutter::kOutside);
    return RunCutter(problem, run, limits, position).run();
}

std::vector<Decision> decide(const Problem& problem, Limits limits) {
    return decide(problem, [&]() -> const std::vector<Figure>& { return problem.figures; }, limits);
}

std::vector<Decision> decide(const Problem& problem, const FigureReader& read_figures, Limits limits) {
    std::vector<Readings> options;
    options.reserve(problem.runs.size());
    std::vector<std::size_t> position(problem.kinds.size(), RunCutter::kOutside);
    for (const auto& run : problem.runs) options.push_back(RunCutter(problem, run, limits, position).run());
    return Combiner(problem, options, read_figures, limits).run();
}

}  // namespace xxgk::passes::digit_runs
