// Mutation tests of the identities and cell blame: a consistent report with one table cell
// changed at a time (+1; −1 and ×10 where the cell is not 0). Every change must be detected;
// where the identities pin the change down, the blamed cell and its fix must be the changed cell
// and its original value; where they do not, the changed cell must be among the candidates.
#define BOOST_TEST_MODULE xxgk mutation tests
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "corpus_files.hpp"
#include "pipeline.hpp"

namespace fs = std::filesystem;
using namespace xxgk;

namespace {

fs::path corpus_dir() { return test::argument_dir(); }

using test::slurp;

fs::path seed(std::string_view prefix) {
    for (const auto& e : fs::directory_iterator(corpus_dir() / "seeds"))
        if (e.path().filename().string().starts_with(prefix) && e.path().extension() == ".txt") return e.path();
    BOOST_FAIL("no seed " << prefix);
    return {};
}

bool is_identity(diag::Code code) {
    return code == diag::Code::XG2001 || code == diag::Code::XG2002 || code == diag::Code::XG2003 || code == diag::Code::XG2004;
}

struct Counts {
    std::size_t mutations = 0, detected = 0, pinned = 0, candidates = 0;
};

// Applies one mutation and checks what the compiler says about it.
void check_mutation(const std::string& original, const ast::Cell& cell, std::int64_t changed, Counts& counts) {
    const std::string was = std::to_string(cell.value->mantissa);
    std::string text = original;
    text.replace(cell.span.begin, cell.span.end - cell.span.begin, std::to_string(changed));
    const auto c = passes::compile("mutated.txt", text);
    ++counts.mutations;
    std::vector<const diag::Diagnostic*> identity_errors;
    for (const auto& d : c.report.diagnostics)
        if (is_identity(d.code) && d.severity == diag::Severity::Error) identity_errors.push_back(&d);
    BOOST_TEST_REQUIRE(!identity_errors.empty(), "not detected");
    ++counts.detected;
    if (identity_errors.size() == 1 && !identity_errors.front()->fixes.empty()) {
        // Pinned down: one error, one fix, on the changed cell, giving back its value.
        const auto& d = *identity_errors.front();
        BOOST_TEST(d.fixes.size() == 1u);
        BOOST_TEST(d.span.begin == cell.span.begin);
        BOOST_TEST(d.fixes.front().span.begin == cell.span.begin);
        BOOST_TEST(d.fixes.front().replacement == was);
        ++counts.pinned;
        return;
    }
    // Not pinned down: no fix anywhere, and the changed cell with its value is a candidate.
    bool listed = false;
    for (const auto* d : identity_errors) {
        BOOST_TEST(d->fixes.empty());
        for (const auto& r : d->related)
            if (r.note == diag::NoteId::candidate_cells && r.span && r.span->begin == cell.span.begin && r.args.at(1) == was)
                listed = true;
    }
    BOOST_TEST(listed, "the changed cell is not among the candidates");
    ++counts.candidates;
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_single_cell_change_of_seed_002_is_detected_and_blamed) {
    const std::string original = slurp(seed("002_"));
    const auto base = passes::compile("002.txt", original);
    BOOST_TEST_REQUIRE(!base.report.has_errors());
    Counts applications, review;
    for (const auto& table : base.report.tables) {
        if (table.kind == tpl::TableKind::ActiveDisclosure) continue;
        auto& counts = table.kind == tpl::TableKind::Applications ? applications : review;
        for (const auto& cell : table.cells) {
            BOOST_TEST_REQUIRE(cell.value.has_value());
            const std::int64_t v = cell.value->mantissa;
            BOOST_TEST_CONTEXT(std::string(base.report.form->table(table.kind)->rows[cell.row].id) << "/" << cell.column << " = " << v) {
                check_mutation(original, cell, v + 1, counts);
                if (v != 0) {
                    check_mutation(original, cell, v - 1, counts);
                    check_mutation(original, cell, v * 10, counts);
                }
            }
        }
    }
    BOOST_TEST_MESSAGE("table 三: " << applications.mutations << " changes, " << applications.detected << " detected, "
                                   << applications.pinned << " blamed with the original value, " << applications.candidates
                                   << " with candidates");
    BOOST_TEST_MESSAGE("table 四: " << review.mutations << " changes, " << review.detected << " detected, " << review.pinned
                                   << " blamed with the original value, " << review.candidates << " with candidates");
    // Every cell of table 三 lies in two identities that share no other cell (T3-COL of its row
    // and T3-BAL or T3-OUT of its column, or both), so the identities pin every change down.
    BOOST_TEST(applications.pinned == applications.mutations);
    BOOST_TEST(applications.mutations >= 161u);  // 23 numeric rows × 7 columns, each changed at least once
    BOOST_TEST(review.mutations >= 15u);
}
