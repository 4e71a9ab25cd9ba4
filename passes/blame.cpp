#include "blame.hpp"

#include <algorithm>
#include <numeric>
#include <optional>
#include <set>
#include <utility>

namespace xxgk::passes::blame {

namespace {

// Exact arithmetic for the elimination: the coefficients are small integers and the values
// fit in 64 bits, so 128-bit fractions never overflow on a system of at most a few unknowns.
struct Fraction {
    __int128 num = 0, den = 1;

    static __int128 gcd(__int128 a, __int128 b) {
        if (a < 0) a = -a;
        if (b < 0) b = -b;
        while (b != 0) a = std::exchange(b, a % b);
        return a;
    }
    static Fraction make(__int128 n, __int128 d) {
        if (d < 0) n = -n, d = -d;
        const __int128 g = gcd(n, d);
        return g > 1 ? Fraction{n / g, d / g} : Fraction{n, d};
    }
    bool zero() const { return num == 0; }
    friend Fraction operator-(Fraction a, Fraction b) { return make(a.num * b.den - b.num * a.den, a.den * b.den); }
    friend Fraction operator*(Fraction a, Fraction b) { return make(a.num * b.num, a.den * b.den); }
    friend Fraction operator/(Fraction a, Fraction b) { return make(a.num * b.den, a.den * b.num); }
};

class Search {
public:
    Search(const std::vector<Equation>& equations, const std::vector<std::int64_t>& values,
           const std::function<bool(std::size_t, std::int64_t)>& acceptable, Limits limits)
        : equations_(equations), values_(values), acceptable_(acceptable), limits_(limits),
          equations_of_(values.size()) {
        for (std::size_t e = 0; e < equations.size(); ++e) {
            for (const auto& t : equations[e].terms) equations_of_[t.variable].push_back(e);
            if (equations[e].residual != 0) failed_.push_back(e);
        }
    }

    std::vector<Repair> run() {
        if (failed_.empty()) return {};
        for (std::size_t size = 1; size <= limits_.max_cells; ++size) {
            std::vector<std::size_t> chosen;
            extend(chosen, size);
            if (!repairs_.empty()) break;
        }
        return std::move(repairs_);
    }

private:
    bool touches(std::size_t equation, const std::vector<std::size_t>& chosen) const {
        for (const auto& t : equations_[equation].terms)
            if (std::find(chosen.begin(), chosen.end(), t.variable) != chosen.end()) return true;
        return false;
    }

    // Grows `chosen` to `size` cells: first by a cell of each failed equation not yet touched
    // (every failed equation needs one), then, once all are touched, by cells of the equations
    // the chosen cells take part in (a repair may need a compensating change).
    void extend(std::vector<std::size_t>& chosen, std::size_t size) {
        if (repairs_.size() >= limits_.max_repairs) return;
        const auto untouched = std::find_if(failed_.begin(), failed_.end(), [&](std::size_t e) { return !touches(e, chosen); });
        if (chosen.size() == size) {
            if (untouched == failed_.end()) try_cells(chosen);
            return;
        }
        std::vector<std::size_t> next;
        if (untouched != failed_.end()) {
            for (const auto& t : equations_[*untouched].terms) next.push_back(t.variable);
        } else {
            for (const auto v : chosen)
                for (const auto e : equations_of_[v])
                    for (const auto& t : equations_[e].terms) next.push_back(t.variable);
        }
        for (const auto v : next) {
            if (std::find(chosen.begin(), chosen.end(), v) != chosen.end()) continue;
            chosen.push_back(v);
            extend(chosen, size);
            chosen.pop_back();
        }
    }

    void try_cells(std::vector<std::size_t> cells) {
        std::sort(cells.begin(), cells.end());
        if (!tried_.insert(cells).second) return;
        const auto deltas = solve(cells);
        if (!deltas) return;
        Repair repair;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const std::int64_t value = values_[cells[i]] + (*deltas)[i];
            if ((*deltas)[i] == 0 || !acceptable_(cells[i], value)) return;
            repair.push_back({cells[i], value});
        }
        repairs_.push_back(std::move(repair));
    }

    // The changes of `cells` that make every equation they take part in hold, when that system
    // has exactly one integer solution.
    std::optional<std::vector<std::int64_t>> solve(const std::vector<std::size_t>& cells) const {
        std::set<std::size_t> involved;
        for (const auto v : cells) involved.insert(equations_of_[v].begin(), equations_of_[v].end());
        // Every failed equation is among them (the cells touch all), the others hold already.
        const std::size_t k = cells.size();
        std::vector<std::vector<Fraction>> rows;  // k coefficients, then the right-hand side
        for (const auto e : involved) {
            std::vector<Fraction> row(k + 1);
            for (const auto& t : equations_[e].terms) {
                const auto at = std::find(cells.begin(), cells.end(), t.variable);
                if (at != cells.end()) {
                    auto& c = row[static_cast<std::size_t>(at - cells.begin())];
                    c = Fraction::make(c.num + t.coefficient, 1);
                }
            }
            row[k] = Fraction::make(-static_cast<__int128>(equations_[e].residual), 1);
            rows.push_back(std::move(row));
        }
        std::size_t pivot_row = 0;
        for (std::size_t col = 0; col < k; ++col) {
            std::size_t p = pivot_row;
            while (p < rows.size() && rows[p][col].zero()) ++p;
            if (p == rows.size()) return std::nullopt;  // this cell is free: not one solution
            std::swap(rows[p], rows[pivot_row]);
            const Fraction lead = rows[pivot_row][col];
            for (auto& c : rows[pivot_row]) c = c / lead;
            for (std::size_t r = 0; r < rows.size(); ++r) {
                if (r == pivot_row || rows[r][col].zero()) continue;
                const Fraction factor = rows[r][col];
                for (std::size_t c = col; c <= k; ++c) rows[r][c] = rows[r][c] - factor * rows[pivot_row][c];
            }
            ++pivot_row;
        }
        for (std::size_t r = k; r < rows.size(); ++r)
            if (!rows[r][k].zero()) return std::nullopt;  // the equations contradict each other
        std::vector<std::int64_t> deltas;
        for (std::size_t r = 0; r < k; ++r) {
            if (rows[r][k].den != 1) return std::nullopt;  // counts change by whole numbers
            deltas.push_back(static_cast<std::int64_t>(rows[r][k].num));
        }
        return deltas;
    }

    const std::vector<Equation>& equations_;
    const std::vector<std::int64_t>& values_;
    const std::function<bool(std::size_t, std::int64_t)>& acceptable_;
    Limits limits_;
    std::vector<std::vector<std::size_t>> equations_of_;
    std::vector<std::size_t> failed_;
    std::set<std::vector<std::size_t>> tried_;
    std::vector<Repair> repairs_;
};

}  // namespace

std::vector<Repair> minimal_repairs(const std::vector<Equation>& equations, const std::vector<std::int64_t>& values,
                                    const std::function<bool(std::size_t, std::int64_t)>& acceptable, Limits limits) {
    return Search(equations, values, acceptable, limits).run();
}

}  // namespace xxgk::passes::blame
