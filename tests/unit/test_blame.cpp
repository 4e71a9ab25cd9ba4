// Cell blame as linear algebra: the smallest sets of cells whose change repairs every failed
// equation, worked out by hand on small systems.
#include <boost/test/unit_test.hpp>

#include "blame.hpp"

using namespace xxgk::passes::blame;

namespace {

// Σ coefficient·value of `terms` at `values`.
Equation equation(std::vector<Equation::Term> terms, const std::vector<std::int64_t>& values) {
    Equation e{std::move(terms), 0};
    for (const auto& t : e.terms) e.residual += t.coefficient * values[t.variable];
    return e;
}

const auto any_count = [](std::size_t, std::int64_t v) { return v >= 0; };

}  // namespace

BOOST_AUTO_TEST_SUITE(cell_blame)

BOOST_AUTO_TEST_CASE(nothing_fails_nothing_to_repair) {
    const std::vector<std::int64_t> v{3, 1, 2};
    BOOST_TEST(minimal_repairs({equation({{0, 1}, {1, -1}, {2, -1}}, v)}, v, any_count).empty());
}

BOOST_AUTO_TEST_CASE(one_failed_sum_alone_has_every_term_as_candidate) {
    // total(0) = a(1) + b(2): 4 ≠ 1 + 2. Total → 3, a → 2 or b → 3 each repair it.
    const std::vector<std::int64_t> v{4, 1, 2};
    const auto repairs = minimal_repairs({equation({{0, 1}, {1, -1}, {2, -1}}, v)}, v, any_count);
    BOOST_TEST_REQUIRE(repairs.size() == 3u);
    BOOST_TEST((repairs[0] == Repair{{0, 3}}));
    BOOST_TEST((repairs[1] == Repair{{1, 2}}));
    BOOST_TEST((repairs[2] == Repair{{2, 3}}));
}

BOOST_AUTO_TEST_CASE(a_negative_count_is_no_candidate) {
    // total(0) = a(1) + b(2): 0 ≠ 1 + 0. Only a → 0 or total → 1; b would have to be −1.
    const std::vector<std::int64_t> v{0, 1, 0};
    const auto repairs = minimal_repairs({equation({{0, 1}, {1, -1}, {2, -1}}, v)}, v, any_count);
    BOOST_TEST_REQUIRE(repairs.size() == 2u);
    BOOST_TEST((repairs[0] == Repair{{0, 1}}));
    BOOST_TEST((repairs[1] == Repair{{1, 0}}));
}

BOOST_AUTO_TEST_CASE(two_failed_sums_meet_in_one_cell) {
    // Row: t(0) = a(1) + b(2); column: t(0) = c(3) + d(4). t = 9 fails both; t → 5 repairs both.
    const std::vector<std::int64_t> v{9, 2, 3, 4, 1};
    const auto repairs = minimal_repairs({equation({{0, 1}, {1, -1}, {2, -1}}, v), equation({{0, 1}, {3, -1}, {4, -1}}, v)}, v, any_count);
    BOOST_TEST_REQUIRE(repairs.size() == 1u);
    BOOST_TEST((repairs[0] == Repair{{0, 5}}));
}

BOOST_AUTO_TEST_CASE(a_holding_sum_forces_a_second_change) {
    // Seed 000 in small. In each of columns x and y the total T is 0 but must equal both A = 6
    // (T3-BAL) and B = 6 (T3-OUT); the row sum T(y) = T(x) holds. Only T lies in both failed sums
    // of its column, and changing T(x) alone would break the row: T(x) and T(y) must both change.
    // variables: 0 T(x), 1 A(x), 2 B(x), 3 T(y), 4 A(y), 5 B(y)
    const std::vector<std::int64_t> v{0, 6, 6, 0, 6, 6};
    const auto repairs = minimal_repairs({equation({{0, 1}, {1, -1}}, v), equation({{0, 1}, {2, -1}}, v),
                                          equation({{3, 1}, {4, -1}}, v), equation({{3, 1}, {5, -1}}, v),
                                          equation({{3, 1}, {0, -1}}, v)},
                                         v, any_count);
    BOOST_TEST_REQUIRE(repairs.size() == 1u);
    BOOST_TEST((repairs[0] == Repair{{0, 6}, {3, 6}}));
}

BOOST_AUTO_TEST_CASE(no_repair_within_the_limit) {
    // Four independent failed sums need four changes; at most three are tried.
    std::vector<std::int64_t> v;
    std::vector<Equation> eqs;
    for (std::size_t i = 0; i < 4; ++i) {
        v.push_back(1);
        v.push_back(2);
        eqs.push_back(equation({{2 * i, 1}, {2 * i + 1, -1}}, v));
    }
    BOOST_TEST(minimal_repairs(eqs, v, any_count).empty());
}

BOOST_AUTO_TEST_CASE(a_fractional_repair_is_no_repair) {
    // 2·a(0) = b(1): 2·1 ≠ 3; a would have to be 1.5, so only b → 2 repairs it.
    const std::vector<std::int64_t> v{1, 3};
    const auto repairs = minimal_repairs({equation({{0, 2}, {1, -1}}, v)}, v, any_count);
    BOOST_TEST_REQUIRE(repairs.size() == 1u);
    BOOST_TEST((repairs[0] == Repair{{1, 2}}));
}

BOOST_AUTO_TEST_SUITE_END()
