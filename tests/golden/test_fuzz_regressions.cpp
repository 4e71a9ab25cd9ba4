// Replays the inputs the fuzzers once broke xxgk with (tests/fuzz-regressions/): each must
// compile without a crash, with every location inside the file and nothing lost.
#define BOOST_TEST_MODULE xxgk fuzz regressions
#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "corpus_files.hpp"
#include "invariants.hpp"

namespace fs = std::filesystem;
using namespace xxgk;

BOOST_AUTO_TEST_CASE(every_regression_compiles_with_nothing_lost) {
    std::size_t replayed = 0;
    for (const auto& e : fs::directory_iterator(test::argument_dir())) {
        if (!e.is_regular_file() || e.path().extension() != ".bin") continue;
        BOOST_TEST_CONTEXT(e.path().filename().string()) {
            const auto c = passes::compile(e.path().filename().string(), test::slurp(e.path()));
            BOOST_TEST(test::locations_inside_file(c));
            BOOST_TEST(test::unaccounted_values(c.report).empty());
        }
        ++replayed;
    }
    BOOST_TEST_MESSAGE("replayed " << replayed << " fuzz findings");
}
