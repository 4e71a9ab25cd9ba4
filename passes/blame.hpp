#pragma once
// Cell blame: given the identities of a table as linear equations over its cells, find the
// smallest sets of cells whose change repairs every failed equation while keeping every equation
// that holds. One smallest set means the identities determine the wrong cells and their values;
// several mean they do not, and the caller lists the candidates instead of guessing.
//
// This is the minimum-support solution of A·x = r, which is hard in general; tables have at
// most a few hundred cells and real reports one or two wrong cells, so a hitting-set search over
// the failed equations, bounded in set size, is exact for what matters and cheap.
#include <cstdint>
#include <functional>
#include <vector>

namespace xxgk::passes::blame {

// Σ coefficient·value over the terms, which is 0 when the equation holds (lhs − rhs).
struct Equation {
    struct Term {
        std::size_t variable;
        int coefficient;
    };
    std::vector<Term> terms;
    std::int64_t residual = 0;  // Σ coefficient·value at the current values
};

struct Change {
    std::size_t variable;
    std::int64_t value;  // the value that repairs the equations
    friend bool operator==(const Change&, const Change&) = default;
};
using Repair = std::vector<Change>;  // sorted by variable

struct Limits {
    std::size_t max_cells = 3;     // the largest set of changed cells tried
    std::size_t max_repairs = 16;  // stop collecting candidates beyond this many
};

// `equations` are all equations whose every term is known (holding and failing alike);
// `values` the current value of each variable; `acceptable(variable, value)` says whether a
// value may stand in that cell (a count cannot be negative). Returns every repair of the smallest
// size that has one, each the unique solution for its cells; empty when no repair of at most
// `limits.max_cells` cells exists or nothing fails.
std::vector<Repair> minimal_repairs(const std::vector<Equation>& equations, const std::vector<std::int64_t>& values,
                                    const std::function<bool(std::size_t, std::int64_t)>& acceptable,
                                    Limits limits = {});

}  // namespace xxgk::passes::blame
