#pragma once
// Run-together cells. A scraper that drops the separators between cells leaves a row's values as
// one run of digits: under a row of seven columns 713000074 is 71, 3, 0, 0, 0, 0, 74. The row's
// arity and the way numbers are written (no leading zero but in a lone 0, a fraction only in an
// amount) narrow the cuts down; the identities, then the figures the prose states, choose among
// them. When they leave more than one reading the run is ambiguous: the caller lists the
// readings and never picks one.
//
// Plain data in, decisions out: tables.cpp builds the problem from a report and applies the
// decisions, so that the search can be tested on its own.
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "template.hpp"

namespace xxgk::passes::digit_runs {

// One cell's share of a run: bytes [begin, end) of one of its items (a unit written after the
// number stays with the item's last piece), and its value when it is a whole number.
struct Piece {
    std::size_t item = 0;
    std::size_t begin = 0, end = 0;
    std::optional<std::int64_t> value;  // empty for an amount with a fraction
    friend bool operator==(const Piece&, const Piece&) = default;
};
using Reading = std::vector<Piece>;  // one piece per slot of the run, in order

// The values between one label and the next (or all of table 四's), fewer than the cells they
// must fill.
struct Run {
    std::vector<std::string_view> items;  // the values as written: "713000074", "4166.241619", "60966976万元"
    std::vector<std::size_t> slots;       // the cells they fill, in order
};

// Σ coefficient · slot = 0: one identity over the table's slots.
struct Equation {
    struct Term {
        std::size_t slot;
        int coefficient;
    };
    std::vector<Term> terms;
};

// A figure the prose states: the slots sum to `value` ("收到申请75件" is row 一's 总计).
struct Figure {
    std::vector<std::size_t> slots;
    std::int64_t value = 0;
};

struct Problem {
    std::vector<tpl::ValueKind> kinds;               // what each slot holds
    std::vector<std::optional<std::int64_t>> known;  // slots outside the runs; empty: unknown or in a run
    // Viewed, not owned: a form's table has the same identities in every report, and the caller
    // builds them once rather than a vector per identity per report.
    std::span<const Equation> identities;
    std::vector<Figure> figures;
    std::vector<Run> runs;
};

struct Decision {
    enum class Kind {
        Read,        // the evidence leaves one reading, `readings.front()`
        Ambiguous,   // it leaves several: `readings` lists them, up to Limits::max_listed
        Unreadable,  // no reading keeps the identities that lie within the run
    };
    Kind kind = Kind::Unreadable;
    std::vector<Reading> readings;
    std::size_t count = 0;  // the readings left (more than listed when the list was cut)
    bool complete = true;   // false when the search gave up before seeing every reading
    // Indices into Problem::figures that singled out a Read among readings the identities allowed.
    std::vector<std::size_t> figures;
};

struct Limits {
    std::size_t max_listed = 16;           // readings listed for an ambiguous run
    std::size_t max_steps = 2'000'000;     // cuts tried per run, and combinations tried per table
    std::size_t max_combinations = 4096;   // equally good combinations of readings kept
};

// The most cells `item` could fill: its digits when it is a number that can be cut (a sign,
// digits and points, then perhaps a unit); 0 for anything else (1,234, —, text).
std::size_t capacity(std::string_view item);

// The readings of `run` on its own: every cut of its items into one number per slot, each written
// as a number of its slot's kind, that keeps every identity whose slots are all in the run or known.
struct Readings {
    std::vector<Reading> list;
    bool complete = true;  // false when Limits::max_steps cut the search short
};
Readings readings(const Problem& problem, const Run& run, Limits limits = {});

// One decision per run, in order. Runs linked by identities (the column sums of table 三) are
// chosen together: the combinations that keep the most identities, then those that agree with
// the most figures.
std::vector<Decision> decide(const Problem& problem, Limits limits = {});

// The same with the figures read on demand, for a caller whose figures cost more to find than
// the search: `read_figures` is called at most once, and only when the identities leave more than
// one combination of readings. What it returns stands for Problem::figures, which is not read, and
// must live until decide returns.
using FigureReader = std::function<const std::vector<Figure>&()>;
std::vector<Decision> decide(const Problem& problem, const FigureReader& read_figures, Limits limits = {});

}  // namespace xxgk::passes::digit_runs
