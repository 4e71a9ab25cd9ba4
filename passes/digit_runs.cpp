#include "digit_runs.hpp"

#include <algorithm>
#include <numeric>
#include <span>

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

// The identities each run may keep, found once per problem rather than by going over all of them
// for every run. A run can weigh an identity only when each of its slots is in the run or known,
// so an identity with an unknown slot can only be kept by a run that holds the first such slot:
// it is filed under that slot. An identity without one (every slot known) may be any run's.
class IdentityIndex {
public:
    explicit IdentityIndex(const Problem& problem) : first_(problem.kinds.size() + 1, 0) {
        constexpr std::size_t kUnfiled = SIZE_MAX;
        std::vector<std::size_t> filed_under(problem.identities.size(), kUnfiled);
        for (std::size_t i = 0; i < problem.identities.size(); ++i) {
            const auto& terms = problem.identities[i].terms;
            const auto unknown = std::find_if(terms.begin(), terms.end(), [&](const Equation::Term& t) { return !problem.known[t.slot]; });
            if (unknown == terms.end()) {
                unfiled_.push_back(i);
                continue;
            }
            filed_under[i] = unknown->slot;
            ++first_[unknown->slot + 1];
        }
        std::partial_sum(first_.begin(), first_.end(), first_.begin());
        filed_.resize(first_.back());
        std::vector<std::size_t> next(first_.begin(), first_.end() - 1);
        for (std::size_t i = 0; i < filed_under.size(); ++i)
            if (filed_under[i] != kUnfiled) filed_[next[filed_under[i]]++] = i;
    }

    // Every identity that a run over `slots` may keep (and perhaps others), in the order of the
    // identities.
    void candidates(const std::vector<std::size_t>& slots, std::vector<std::size_t>& out) const {
        out = unfiled_;
        for (const auto slot : slots)
            out.insert(out.end(), filed_.begin() + static_cast<std::ptrdiff_t>(first_[slot]), filed_.begin() + static_cast<std::ptrdiff_t>(first_[slot + 1]));
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
    }

private:
    std::vector<std::size_t> first_;    // per slot: where its identities begin in filed_; last, filed_'s size
    std::vector<std::size_t> filed_;    // identity indices, by slot, in order within a slot
    std::vector<std::size_t> unfiled_;  // the identities without an unknown slot
};

// Every cut of one run, depth first, pruned by the identities that lie within it.
class RunCutter {
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
        bool operator()(std::size_t k, const Check& check) const { return k < check.last; }
    };
    struct Operand {
        std::size_t position;  // in the run
        int coefficient;
    };

public:
    static constexpr std::size_t kOutside = SIZE_MAX;  // a slot's position when it is not in the run

    // What the cutters of one problem share: the index of its identities, so that no run goes over
    // all of them, and the vectors each cutter in turn works in, so that no run allocates its own.
    class Scratch {
    public:
        explicit Scratch(const Problem& problem) : identities_(problem), position_(problem.kinds.size(), kOutside) {}

    private:
        friend class RunCutter;
        const IdentityIndex identities_;
        // Per slot: kOutside, but for the slots of the run whose cutter is being built, which marks
        // them while it looks for the identities within its run and clears them again.
        std::vector<std::size_t> position_;
        std::vector<std::size_t> candidates_;  // IdentityIndex::candidates of that run
        std::vector<Check> checks_;
        std::vector<std::size_t> checks_at_;
        std::vector<Operand> operands_;
        std::vector<std::size_t> bytes_after_;
        Reading current_;
    };

    // One cutter of the scratch's problem at a time: it works in the scratch's vectors.
    RunCutter(const Problem& problem, const Run& run, Limits limits, Scratch& scratch)
        : problem_(problem), run_(run), limits_(limits), checks_(scratch.checks_), checks_at_(scratch.checks_at_),
          operands_(scratch.operands_), bytes_after_(scratch.bytes_after_), current_(scratch.current_) {
        bytes_after_.assign(run.items.size() + 1, 0);
        for (std::size_t i = run.items.size(); i-- > 0;) bytes_after_[i] = bytes_after_[i + 1] + number_length(run.items[i]);
        checks_.clear();
        operands_.clear();
        auto& position = scratch.position_;
        for (std::size_t k = 0; k < run.slots.size(); ++k) position[run.slots[k]] = k;
        scratch.identities_.candidates(run.slots, scratch.candidates_);
        for (const auto i : scratch.candidates_) add_check(problem.identities[i], position);
        for (const auto slot : run.slots) position[slot] = kOutside;
        checks_at_.assign(run.slots.size() + 1, 0);
        for (const auto& check : checks_) ++checks_at_[check.last + 1];
        std::partial_sum(checks_at_.begin(), checks_at_.end(), checks_at_.begin());
        current_.clear();
    }

    Readings run() {
        cut(0, 0);
        return {std::move(found_), complete_};
    }

private:
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
        // Every later item needs a slot, and a piece that leaves part of its item one more.
        if (slots_after < items_after) return;
        const bool may_leave_part = slots_after > items_after;
        // Every later slot needs a byte: those the later items do not have must be left in this one.
        // With a piece's at most kMaxDigits + 2 bytes (a sign, digits and a point), that bounds where
        // the piece may end; the search over the ends goes straight to those that can be cut.
        const std::size_t left_here = slots_after - std::min(slots_after, bytes_after_[item + 1]);
        if (offset + 1 + left_here > length) return;
        const std::size_t last_end = std::min(length - left_here, offset + kMaxDigits + 2);
        for (std::size_t end = may_leave_part ? offset + 1 : length; end <= last_end && complete_; ++end) {
            const bool item_ends = end == length;
            const Spelling s = spell(run_.items[item].substr(offset, end - offset), problem_.kinds[run_.slots[k]]);
            if (!s.valid) continue;
            current_.push_back({item, offset, item_ends ? run_.items[item].size() : end, s.value});
            if (keeps_identities(k)) cut(item_ends ? item + 1 : item, item_ends ? 0 : end);
            current_.pop_back();
        }
    }

    // Whether the pieces cut so far keep the identities checked at `k`. One with an amount's
    // fraction among its terms cannot be weighed and stands.
    bool keeps_identities(std::size_t k) const {
        return std::all_of(checks_.begin() + static_cast<std::ptrdiff_t>(checks_at_[k]), checks_.begin() + static_cast<std::ptrdiff_t>(checks_at_[k + 1]),
                           [&](const Check& check) {
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
    std::vector<Check>& checks_;             // by Check::last, then in the order of the identities
    std::vector<std::size_t>& checks_at_;    // per position: where its checks begin in checks_; last, their number
    std::vector<Operand>& operands_;
    std::vector<std::size_t>& bytes_after_;  // per item: bytes to cut from it on (those of its number, then of the later items)
    Reading& current_;
    std::vector<Reading> found_;
    std::size_t steps_ = 0;
    bool complete_ = true;
};

// Combinations of readings of a group's runs, one index per run, kept in one flat vector rather
// than a vector per combination.
class Choices {
public:
    explicit Choices(std::size_t width) : width_(width) {}
    std::size_t size() const { return indices_.size() / width_; }
    bool empty() const { return indices_.empty(); }
    std::span<const std::size_t> operator[](std::size_t i) const { return {indices_.data() + i * width_, width_}; }
    void push_back(std::span<const std::size_t> choice) { indices_.insert(indices_.end(), choice.begin(), choice.end()); }
    void clear() { indices_.clear(); }

private:
    std::size_t width_;  // the runs of the group
    std::vector<std::size_t> indices_;
};

// Runs tied together by identities, chosen together.
class Combiner {
public:
    // A run read as one of its readings has that reading moved out of `options` into its decision.
    Combiner(const Problem& problem, std::vector<Readings>& options, const FigureReader& read_figures, Limits limits)
        : problem_(problem), options_(options), read_figures_(read_figures), limits_(limits), owner_(problem.kinds.size()) {
        for (std::size_t r = 0; r < options.size(); ++r) {
            if (!choosable(r)) continue;
            for (std::size_t k = 0; k < problem.runs[r].slots.size(); ++k) owner_[problem.runs[r].slots[k]] = {r, k};
        }
        group_.resize(options.size());
        std::iota(group_.begin(), group_.end(), 0);
        std::vector<std::size_t> runs;
        for (const auto& eq : problem.identities) {
            if (!runs_of(eq.terms, [](const Equation::Term& t) { return t.slot; }, runs) || runs.size() < 2) continue;  // unknown operands, or checked within its run
            for (const auto r : runs) group_[root(r)] = root(runs.front());
            Link link{runs.back(), operands_.size(), operands_.size()};
            for (const auto& t : eq.terms) {
                if (const auto& o = owner_[t.slot]) operands_.push_back({o->first, o->second, t.coefficient});
                else link.known_sum += static_cast<__int128>(t.coefficient) * *problem.known[t.slot];
            }
            link.end = operands_.size();
            links_.push_back(link);
        }
        // By the run where each is weighed, and for one run in the order of the identities.
        std::stable_sort(links_.begin(), links_.end(), [](const Link& a, const Link& b) { return a.last_run < b.last_run; });
        links_at_.assign(options.size() + 1, 0);
        for (const auto& link : links_) ++links_at_[link.last_run + 1];
        std::partial_sum(links_at_.begin(), links_at_.end(), links_at_.begin());
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
        place_.assign(options_.size(), 0);
        std::vector<std::size_t> runs;
        for (std::size_t i = 0; i < grouped.size(); ++i) {
            place_[grouped[i].second] = runs.size();
            runs.push_back(grouped[i].second);
            if (i + 1 < grouped.size() && grouped[i + 1].first == grouped[i].first) continue;
            decide_group(runs, decisions);
            runs.clear();
        }
        return decisions;
    }

private:
    // An identity across runs, prepared as RunCutter prepares its checks: its known slots summed
    // once, its other slots as their run and their position in it. It is weighed once the last of
    // its runs is chosen; its operands are operands_[first, end).
    struct Link {
        std::size_t last_run;
        std::size_t first, end;
        __int128 known_sum = 0;
    };
    struct Operand {
        std::size_t run, position;
        int coefficient;
    };

    bool choosable(std::size_t r) const { return options_[r].complete && !options_[r].list.empty(); }

    std::size_t root(std::size_t r) {
        while (group_[r] != r) r = group_[r] = group_[group_[r]];
        return r;
    }

    // The choosable runs the slots of `range` fall in, into `runs`; false when a slot is neither in
    // such a run nor known.
    template <typename Range, typename SlotOf>
    bool runs_of(const Range& range, SlotOf slot_of, std::vector<std::size_t>& runs) const {
        runs.clear();
        for (const auto& element : range) {
            const std::size_t slot = slot_of(element);
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
        Search(const Combiner& self, const std::vector<std::size_t>& runs) : self(self), runs(runs), choice(runs.size(), 0), best(runs.size()) {}

        const Combiner& self;
        const std::vector<std::size_t>& runs;
        std::vector<std::size_t> choice;  // per place in the group: the index of its run's reading
        Choices best;
        std::size_t best_failures = SIZE_MAX;
        std::size_t steps = 0;
        bool complete = true;

        // The value the choice gives a slot of one of the group's runs.
        const std::optional<std::int64_t>& value_in(std::size_t run, std::size_t position) const {
            return self.options_[run].list[choice[self.place_[run]]][position].value;
        }

        std::optional<std::int64_t> value(std::size_t slot) const {
            if (const auto& o = self.owner_[slot]) return value_in(o->first, o->second);
            return self.problem_.known[slot];
        }

        // Whether the choice breaks the link. One with an amount's fraction among its terms cannot
        // be weighed and stands.
        bool fails(const Link& link) const {
            __int128 sum = link.known_sum;
            for (std::size_t o = link.first; o < link.end; ++o) {
                const Operand& operand = self.operands_[o];
                const std::optional<std::int64_t>& v = value_in(operand.run, operand.position);
                if (!v) return false;
                sum += static_cast<__int128>(operand.coefficient) * *v;
            }
            return sum != 0;
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
            const std::size_t run = runs[at];
            for (std::size_t o = 0; o < self.options_[run].list.size() && complete; ++o) {
                if (++steps > self.limits_.max_steps) {
                    complete = false;
                    return;
                }
                choice[at] = o;
                std::size_t f = failures;
                // The links whose last run this is: all of them are the group's.
                for (std::size_t l = self.links_at_[run]; l < self.links_at_[run + 1]; ++l)
                    if (fails(self.links_[l])) ++f;
                if (f <= best_failures) go(at + 1, f);
            }
        }
    };

    void decide_group(const std::vector<std::size_t>& runs, std::vector<Decision>& decisions) {
        Search search(*this, runs);
        search.go(0, 0);
        if (search.best.empty()) {  // the search gave up before it saw one whole combination
            for (const auto r : runs) undecided(decisions[r], options_[r].list);
            return;
        }

        // Among the combinations that keep the most identities, those that agree with the most
        // figures. The figures are read only when there is a choice to make.
        const Choices by_identities = std::move(search.best);
        std::vector<std::size_t> weighable;  // the figures over the group's runs
        Choices by_figures(runs.size());
        if (by_identities.size() > 1) {
            weighable = figures_within(runs);
            by_figures = most_agreeing(by_identities, weighable, search);
        }
        const Choices& kept = by_identities.size() > 1 ? by_figures : by_identities;
        for (std::size_t at = 0; at < runs.size(); ++at) {
            auto& d = decisions[runs[at]];
            const auto& own = options_[runs[at]].list;
            if (!search.complete && own.size() > 1) {
                undecided(d, own);
                continue;
            }
            if (varies_at(kept, at)) {
                const auto distinct = readings_at(kept, at);
                d.count = distinct.size();
                d.kind = Decision::Kind::Ambiguous;
                // As list() would keep them, without copying the readings it leaves out.
                for (std::size_t i = 0; i < std::min(distinct.size(), limits_.max_listed); ++i) d.readings.push_back(own[distinct[i]]);
                continue;
            }
            d.count = 1;
            d.kind = Decision::Kind::Read;  // its reading is moved in below
            if (varies_at(by_identities, at)) {
                const auto first = kept[0];
                search.choice.assign(first.begin(), first.end());
                for (const auto f : agreeing_figures(weighable, search))
                    if (touches(figures()[f], problem_.runs[runs[at]])) d.figures.push_back(f);
            }
        }
        // Moved, not copied, once the figures above no longer look at them: each run is in one group,
        // so nothing reads its readings after this.
        for (std::size_t at = 0; at < runs.size(); ++at) {
            auto& d = decisions[runs[at]];
            if (d.kind == Decision::Kind::Read) d.readings.push_back(std::move(options_[runs[at]].list[kept[0][at]]));
        }
    }

    Choices most_agreeing(const Choices& choices, const std::vector<std::size_t>& weighable, Search& search) const {
        Choices kept(search.runs.size());
        std::size_t most = 0;
        for (std::size_t i = 0; i < choices.size(); ++i) {
            const auto c = choices[i];
            search.choice.assign(c.begin(), c.end());
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
    static bool varies_at(const Choices& choices, std::size_t at) {
        for (std::size_t i = 1; i < choices.size(); ++i)
            if (choices[i][at] != choices[0][at]) return true;
        return false;
    }

    static std::vector<std::size_t> readings_at(const Choices& choices, std::size_t at) {
        std::vector<std::size_t> distinct;
        for (std::size_t i = 0; i < choices.size(); ++i) distinct.push_back(choices[i][at]);
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        return distinct;
    }

    // The figures over the group's runs (and known slots): those a choice of their readings can agree with.
    std::vector<std::size_t> figures_within(const std::vector<std::size_t>& runs) const {
        std::vector<std::size_t> within, in;
        const std::vector<Figure>& all = figures();
        for (std::size_t f = 0; f < all.size(); ++f) {
            if (runs_of(all[f].slots, [](std::size_t slot) { return slot; }, in) && !in.empty() &&
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
    std::vector<Readings>& options_;
    const FigureReader& read_figures_;
    mutable const std::vector<Figure>* figures_ = nullptr;
    Limits limits_;
    std::vector<std::optional<std::pair<std::size_t, std::size_t>>> owner_;  // slot → run, position
    std::vector<std::size_t> group_;                                        // union-find over runs
    std::vector<std::size_t> place_;      // per choosable run: its place in its group
    std::vector<Link> links_;             // identities across runs, by Link::last_run
    std::vector<std::size_t> links_at_;   // per run: where the links it is the last run of begin; last, their number
    std::vector<Operand> operands_;
};

}  // namespace

std::size_t capacity(std::string_view item) {
    const std::size_t length = number_length(item);
    if (item.substr(length).find(',') != std::string_view::npos) return 0;  // thousands separators: one number
    return static_cast<std::size_t>(std::count_if(item.begin(), item.begin() + static_cast<std::ptrdiff_t>(length), is_digit));
}

Readings readings(const Problem& problem, const Run& run, Limits limits) {
    RunCutter::Scratch scratch(problem);
    return RunCutter(problem, run, limits, scratch).run();
}

std::vector<Decision> decide(const Problem& problem, Limits limits) {
    return decide(problem, [&]() -> const std::vector<Figure>& { return problem.figures; }, limits);
}

std::vector<Decision> decide(const Problem& problem, const FigureReader& read_figures, Limits limits) {
    std::vector<Readings> options;
    options.reserve(problem.runs.size());
    RunCutter::Scratch scratch(problem);
    for (const auto& run : problem.runs) options.push_back(RunCutter(problem, run, limits, scratch).run());
    return Combiner(problem, options, read_figures, limits).run();
}

}  // namespace xxgk::passes::digit_runs
